// The Prometheus metrics LiteLLM 1.80.8 exports (litellm/integrations/prometheus.py and
// types/integrations/prometheus.py of that release, and a real proxy's /metrics/). The dashboard and
// the alerts may only use these; the conformance run checks this list against a live /metrics/.

export type MetricType = 'counter' | 'histogram' | 'gauge';

export interface LiteLLMMetric {
  /** Family name as LiteLLM declares it; counters are exported with `_total` appended. */
  name: string;
  type: MetricType;
  labels: readonly string[];
}

const keyLabels = ['end_user', 'hashed_api_key', 'api_key_alias', 'team', 'team_alias', 'user'] as const;
const deploymentLabels = ['litellm_model_name', 'model_id', 'api_base', 'api_provider'] as const;
const deploymentCallLabels = ['requested_model', ...deploymentLabels, 'hashed_api_key', 'api_key_alias', 'team', 'team_alias'] as const;

export const litellmMetrics: readonly LiteLLMMetric[] = [
  { name: 'litellm_proxy_total_requests_metric', type: 'counter', labels: [...keyLabels, 'requested_model', 'status_code', 'user_email', 'route'] },
  {
    name: 'litellm_proxy_failed_requests_metric',
    type: 'counter',
    labels: [...keyLabels, 'requested_model', 'user_email', 'exception_status', 'exception_class', 'route'],
  },
  { name: 'litellm_request_total_latency_metric', type: 'histogram', labels: [...keyLabels, 'requested_model', 'model'] },
  { name: 'litellm_llm_api_latency_metric', type: 'histogram', labels: [...keyLabels, 'requested_model', 'model'] },
  { name: 'litellm_llm_api_time_to_first_token_metric', type: 'histogram', labels: ['model', 'hashed_api_key', 'api_key_alias', 'team', 'team_alias'] },
  { name: 'litellm_overhead_latency_metric', type: 'histogram', labels: ['model_group', 'api_provider', 'api_base', 'litellm_model_name', 'hashed_api_key', 'api_key_alias'] },
  { name: 'litellm_requests_metric', type: 'counter', labels: [...keyLabels, 'model', 'user_email'] },
  { name: 'litellm_spend_metric', type: 'counter', labels: [...keyLabels, 'model', 'user_email'] },
  { name: 'litellm_total_tokens_metric', type: 'counter', labels: [...keyLabels, 'model', 'user_email', 'requested_model'] },
  { name: 'litellm_input_tokens_metric', type: 'counter', labels: [...keyLabels, 'model', 'user_email', 'requested_model'] },
  { name: 'litellm_output_tokens_metric', type: 'counter', labels: [...keyLabels, 'model', 'user_email', 'requested_model'] },
  { name: 'litellm_deployment_state', type: 'gauge', labels: deploymentLabels },
  { name: 'litellm_deployment_total_requests', type: 'counter', labels: deploymentCallLabels },
  { name: 'litellm_deployment_success_responses', type: 'counter', labels: deploymentCallLabels },
  { name: 'litellm_deployment_failure_responses', type: 'counter', labels: [...deploymentCallLabels, 'exception_status', 'exception_class'] },
  { name: 'litellm_deployment_cooled_down', type: 'counter', labels: deploymentLabels },
  // service_callback prometheus_system (integrations/prometheus_services.py): litellm_<service>_<kind>,
  // labelled by the service name itself, failures also by error_class and function_name.
  ...(['postgres', 'redis', 'batch_write_to_db'] as const).flatMap((service): LiteLLMMetric[] => [
    { name: `litellm_${service}_total_requests`, type: 'counter', labels: [service] },
    { name: `litellm_${service}_failed_requests`, type: 'counter', labels: [service, 'error_class', 'function_name'] },
    { name: `litellm_${service}_latency`, type: 'histogram', labels: [service] },
  ]),
  // The spend-write backlog: the in-memory queues' sizes (gauges litellm_<queue>_size).
  { name: 'litellm_in_memory_spend_update_queue_size', type: 'gauge', labels: ['in_memory_spend_update_queue'] },
  { name: 'litellm_in_memory_daily_spend_update_queue_size', type: 'gauge', labels: ['in_memory_daily_spend_update_queue'] },
];

/**
 * Series of the cluster's own exporters that the alerts use, with the labels they carry: cAdvisor
 * (kubelet) and kube-state-metrics, as kube-prometheus-stack scrapes them.
 */
export const clusterMetrics: readonly LiteLLMMetric[] = [
  { name: 'container_memory_working_set_bytes', type: 'gauge', labels: ['namespace', 'pod', 'container'] },
  { name: 'kube_pod_container_resource_limits', type: 'gauge', labels: ['namespace', 'pod', 'container', 'resource', 'unit'] },
  { name: 'kube_pod_container_status_restarts', type: 'counter', labels: ['namespace', 'pod', 'container'] },
];

/** Labels Prometheus adds to every scraped sample (ServiceMonitor target labels). */
export const targetLabels = ['namespace', 'service', 'pod', 'job', 'instance', 'endpoint', 'container'] as const;

/** Deployment health as LiteLLM reports it in litellm_deployment_state. */
export const deploymentStates = { healthy: 0, partialOutage: 1, outage: 2 } as const;

/** The sample names a family appears under in /metrics/ (prometheus_client exposition). */
export function sampleNames(metric: LiteLLMMetric): string[] {
  switch (metric.type) {
    case 'counter':
      return [`${metric.name}_total`];
    case 'histogram':
      return [`${metric.name}_bucket`, `${metric.name}_count`, `${metric.name}_sum`];
    case 'gauge':
      return [metric.name];
  }
}

/** Sample name → its family. */
export const metricBySample: ReadonlyMap<string, LiteLLMMetric> = new Map(
  [...litellmMetrics, ...clusterMetrics].flatMap((metric) => sampleNames(metric).map((sample): [string, LiteLLMMetric] => [sample, metric])),
);

/** A sample name for PromQL, checked against the list at build time: a typo fails generation. */
export function sample(name: string): string {
  if (!metricBySample.has(name)) throw new Error(`${name} is not a sample LiteLLM 1.80 exports`);
  return name;
}
