// Observability: LiteLLM's Prometheus exporter, the objects that consume it (ServiceMonitor, Grafana
// dashboard, PrometheusRule), OpenTelemetry tracing and Langfuse.
import { envNamePattern } from '../catalog.ts';
import type { JSONSchema7 } from 'json-schema';
import { bool, int, group, labelKeys, labelValues, num, oneOf, openList, openMap, orEmpty, patterns, str, type SpecNode } from '../spec.ts';

/** prometheus-operator's Duration pattern (ServiceMonitor interval, rule `for`). */
export const promDuration = { pattern: '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$' };
const labelMap = (description: string, value: Record<string, string>) => openMap(description, value, labelValues, labelKeys);
/** An optional object name: empty, or a DNS subdomain. */
const dnsSubdomain = { pattern: orEmpty(patterns.dnsSubdomain), maxLength: 253 };
/** An optional Secret key name: empty, or an env var name. */
const optionalKey = { pattern: `^$|${envNamePattern}` };

const labelName = { type: 'string', pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' } as const;
/** prometheus-operator's RelabelConfig (monitoring.coreos.com/v1), its fields and actions. */
const relabelConfig: JSONSchema7 = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sourceLabels: { type: 'array', items: labelName, description: 'Labels whose values are joined and matched.' },
    separator: { type: 'string', pattern: patterns.line, description: 'Joins the source label values (default `;`).' },
    targetLabel: { type: 'string', pattern: patterns.line, description: 'Label written by replace, hashmod, lowercase, uppercase.' },
    regex: { type: 'string', pattern: patterns.line, description: 'RE2 regex matched against the joined values.' },
    modulus: { type: 'integer', minimum: 0, description: 'Modulus for hashmod.' },
    replacement: { type: 'string', pattern: patterns.line, description: 'Replacement for replace (may use $1).' },
    action: {
      enum: ['replace', 'keep', 'drop', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase', 'keepequal', 'dropequal'],
      description: 'Relabel action (default replace).',
    },
  },
};

/** OTEL_EXPORTER values LiteLLM 1.80 understands (integrations/opentelemetry.py). */
export const otelExporters = ['otlp_grpc', 'otlp_http', 'console'] as const;

export const observabilityArea: Record<string, SpecNode> = {
  monitoring: group('Prometheus metrics and what consumes them. The ServiceMonitor, dashboard and alerts need `metrics.enabled`.', {
    metrics: group('LiteLLM\'s Prometheus exporter, served on the proxy port at /metrics/.', {
      enabled: bool(
        'Adds `prometheus` to litellm_settings.callbacks and `prometheus_system` to service_callback (singular: LiteLLM ignores `service_callbacks`). With litellm.numWorkers > 1, PROMETHEUS_MULTIPROC_DIR points at an emptyDir so all workers report.',
        false,
      ),
      requireAuth: bool(
        'litellm_settings.require_auth_for_metrics_endpoint: /metrics asks for a LiteLLM key, as the API does. Its series carry key aliases, team aliases and user emails (litellm#24530); from LiteLLM 1.85 this is LiteLLM\'s default. The ServiceMonitor then sends the key in monitoring.serviceMonitor.authorization.',
        true,
      ),
    }),
    serviceMonitor: group('prometheus-operator ServiceMonitor scraping /metrics/ (LiteLLM answers /metrics with a 307 redirect).', {
      enabled: bool('Render the ServiceMonitor.', false),
      namespace: str(
        'Namespace the ServiceMonitor lives in, for a Prometheus that reads ServiceMonitors only from its own (serviceMonitorNamespaceSelector); empty: the release namespace. Its namespaceSelector always names the release namespace, the only one holding the Service, so the official chart\'s `namespaceSelector` value has no counterpart here: it could only select nothing or other releases. With metrics.requireAuth, authorization.secretName must then name a Secret in this namespace (Prometheus reads it there).',
        '',
        { pattern: orEmpty(patterns.dnsLabel), maxLength: 63 },
      ),
      labels: labelMap('Extra labels, so that your Prometheus selects it (e.g. `release: kube-prometheus-stack`).', {}),
      annotations: openMap('Annotations of the ServiceMonitor.', {}, { type: 'string' }, labelKeys),
      interval: str('Scrape interval.', '30s', promDuration),
      scrapeTimeout: str('Scrape timeout; not longer than the interval.', '10s', promDuration),
      authorization: group('The Bearer key Prometheus scrapes with when monitoring.metrics.requireAuth is on: a Secret in the ServiceMonitor\'s namespace.', {
        secretName: str('Secret holding the key; empty: the proxy\'s Secret (secrets.existingSecret or the chart-created one).', '', dnsSubdomain),
        key: str('Key in that Secret; empty: the master key\'s (secrets.masterKeyKey). With a database, prefer a virtual key allowed only the /metrics route.', '', optionalKey),
      }),
      relabelings: openList('Relabelings applied to the target before the scrape (e.g. a node label).', [], relabelConfig),
      metricRelabelings: openList('Relabelings applied to the scraped samples before storage, e.g. `{action: labeldrop, regex: user_email}` to keep emails out of Prometheus.', [], relabelConfig),
    }),
    dashboard: group('Grafana dashboard in a ConfigMap, for the Grafana sidecar that loads labelled ConfigMaps.', {
      enabled: bool('Render the dashboard ConfigMap.', false),
      labels: labelMap('Labels the Grafana sidecar selects on.', { grafana_dashboard: '1' }),
      annotations: openMap('Annotations; the sidecar reads the folder from `grafana_folder`.', { grafana_folder: 'AI' }, { type: 'string' }, labelKeys),
    }),
    prometheusRule: group('prometheus-operator PrometheusRule with the proxy\'s alerts.', {
      enabled: bool('Render the PrometheusRule.', false),
      labels: labelMap('Extra labels, so that your Prometheus selects it (e.g. `release: kube-prometheus-stack`).', {}),
      for: str('How long a condition holds before its alert fires.', '5m', promDuration),
      thresholds: group('Alert thresholds.', {
        failureRatio: num('Failed / all proxy requests over 5 minutes above which LiteLLMHighFailureRatio fires.', 0.05, { minimum: 0, maximum: 1 }),
        latencyP95Seconds: num('p95 of the whole request latency (seconds) above which LiteLLMHighLatency fires. LLM calls are slow: keep it generous.', 30, {
          exclusiveMinimum: 0,
        }),
        memoryRatio: num('Working-set memory / memory limit of a proxy container above which LiteLLMMemoryNearLimit fires (cAdvisor and kube-state-metrics series); the kernel kills the container at 1.', 0.9, {
          exclusiveMinimum: 0, maximum: 1,
        }),
        restartsPerHour: int('Container restarts of a proxy pod within an hour at or above which LiteLLMRestarting fires (kube-state-metrics).', 3, { minimum: 1 }),
        spendQueueSize: int('Spend updates waiting in a proxy\'s in-memory queue (litellm_in_memory_spend_update_queue_size) above which LiteLLMSpendWriteBacklog fires. LiteLLM 1.80.8 compacts the queue at 10000 (MAX_SIZE_IN_MEMORY_QUEUE); a growing backlog means the database writes fall behind.', 8000, {
          minimum: 1,
        }),
      }),
    }),
  }),
  tracing: group('OpenTelemetry traces (LiteLLM callback `otel`).', {
    enabled: bool('Add `otel` to litellm_settings.callbacks and set OTEL_* for the proxy.', false),
    exporter: oneOf('OTEL_EXPORTER: the protocol.', otelExporters, 'otlp_grpc'),
    endpoint: str('OTEL_ENDPOINT: the collector (no userinfo: an auth header goes into headersKey). Default: Tempo\'s OTLP gRPC port in the monitoring namespace.', 'http://tempo.monitoring.svc.cluster.local:4317', {
      pattern: patterns.url,
    }),
    headersKey: str('Secret key holding OTEL_HEADERS (`key=value,…`, e.g. an auth header); empty for none.', '', optionalKey),
    serviceName: str('OTEL_SERVICE_NAME.', 'litellm', { minLength: 1, pattern: patterns.token }),
  }),
  langfuse: group('Langfuse tracing (LiteLLM success and failure callback `langfuse`).', {
    enabled: bool('Add `langfuse` to litellm_settings.success_callback and failure_callback and set LANGFUSE_*.', false),
    host: str('LANGFUSE_HOST: the Langfuse URL (no userinfo: the keys go into the Secret).', 'https://cloud.langfuse.com', { pattern: patterns.url }),
    publicKeyKey: str('Secret key holding LANGFUSE_PUBLIC_KEY.', 'LANGFUSE_PUBLIC_KEY', { pattern: envNamePattern }),
    secretKeyKey: str('Secret key holding LANGFUSE_SECRET_KEY.', 'LANGFUSE_SECRET_KEY', { pattern: envNamePattern }),
  }),
};
