// Metrics, ServiceMonitor, dashboard, alerts, tracing and Langfuse, under Helm 3 and Helm 4.
import { beforeAll, describe, expect, it } from 'vitest';
import { metricBySample, promqlIssues } from '@litellm-stack/catalog';
import { helmMajors } from '../../tools/helm.ts';
import { ensurePromqlParser, parsePromql, withoutGrafanaVariables } from '../../tools/promql.ts';
import { liteLLMConfig, objectsOfKind, proxyContainer, render, single, tryRender, type K8sObject } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';

const envOf = (objects: K8sObject[]) => new Map<string, any>((proxyContainer(objects).env as any[]).map((e) => [e.name, e]));
const podSpec = (objects: K8sObject[]) => single(objects, 'Deployment').spec.template.spec;

/** Issues of each expression (parse error or promqlIssues), keyed by the expression; all empty when fine. */
async function lintAll(exprs: string[]): Promise<Record<string, string[]>> {
  const parsed = await parsePromql(exprs.map(withoutGrafanaVariables));
  return Object.fromEntries(exprs.map((expr, i) => [expr, parsed[i]!.error ? [parsed[i]!.error!] : promqlIssues(parsed[i]!)]));
}
const clean = (exprs: string[]) => Object.fromEntries(exprs.map((expr) => [expr, []]));

/** Every PromQL expression of the dashboard: panel targets and the selector inside each label_values() variable. */
function dashboardExpressions(dashboard: any): string[] {
  const targets = dashboard.panels.flatMap((panel: any) => (panel.targets ?? []).map((t: any) => t.expr));
  const variables = dashboard.templating.list
    .filter((v: any) => v.type === 'query')
    .map((v: any) => /^label_values\((.+),\s*\w+\)$/.exec(v.definition)?.[1] ?? `unparsed variable ${v.name}`);
  return [...targets, ...variables];
}

// The first run builds the Go parser (downloads its modules on a fresh machine).
beforeAll(() => void ensurePromqlParser(), 600_000);

describe.each(helmMajors)('observability (%s)', (major) => {
  it('off by default: no callbacks, no monitoring objects, no tracing env', async () => {
    const objects = await render(major, { files: ['ci/01-minimal.yaml'] });
    const settings = liteLLMConfig(objects).litellm_settings ?? {};
    for (const key of ['callbacks', 'service_callback', 'success_callback', 'failure_callback']) expect(settings).not.toHaveProperty(key);
    expect(objects.filter((o) => ['ServiceMonitor', 'PrometheusRule'].includes(o.kind))).toEqual([]);
    expect(objectsOfKind(objects, 'ConfigMap')).toHaveLength(1);
    const env = envOf(objects);
    for (const name of ['PROMETHEUS_MULTIPROC_DIR', 'OTEL_ENDPOINT', 'LANGFUSE_HOST']) expect(env.has(name)).toBe(false);
  });

  it('metrics: prometheus callback, singular service_callback, and a multiprocess directory for four workers', async () => {
    const objects = await render(major, { files: ['ci/11-metrics.yaml'] });
    const settings = liteLLMConfig(objects).litellm_settings;
    expect(settings.callbacks).toEqual(['prometheus']);
    expect(settings.service_callback).toEqual(['prometheus_system']);
    expect(settings).not.toHaveProperty('service_callbacks');
    const dir = envOf(objects).get('PROMETHEUS_MULTIPROC_DIR')?.value;
    expect(dir).toMatch(/^\//);
    const mount = proxyContainer(objects).volumeMounts.find((m: any) => m.mountPath === dir);
    expect(mount).toBeDefined();
    expect(podSpec(objects).volumes.find((v: any) => v.name === mount.name)).toEqual({ name: mount.name, emptyDir: {} });
    expect(proxyContainer(objects).args).toEqual(expect.arrayContaining(['--num_workers', '4']));
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('one worker needs no multiprocess directory', async () => {
    const objects = await render(major, { files: ['ci/11-metrics.yaml'], values: { litellm: { numWorkers: 1 } } });
    expect(envOf(objects).has('PROMETHEUS_MULTIPROC_DIR')).toBe(false);
    expect(podSpec(objects).volumes.map((v: any) => v.name)).not.toContain('prometheus-multiproc');
  });

  it('ServiceMonitor scrapes /metrics/ on the Service\'s named port, selecting exactly the proxy Service', async () => {
    const objects = await render(major, { files: ['ci/11-metrics.yaml'] });
    const monitor = single(objects, 'ServiceMonitor');
    const service = single(objects, 'Service');
    expect(monitor.metadata.labels!.release).toBe('kube-prometheus-stack');
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['ai'] });
    for (const [key, value] of Object.entries(monitor.spec.selector.matchLabels)) expect(service.metadata.labels![key]).toBe(value);
    // monitoring.metrics.requireAuth (default): Prometheus sends the master key from the proxy's Secret.
    expect(monitor.spec.endpoints).toEqual([{
      port: 'http', path: '/metrics/', interval: '15s', scrapeTimeout: '10s',
      authorization: { type: 'Bearer', credentials: { name: 'litellm-secrets', key: 'LITELLM_MASTER_KEY' } },
    }]);
    expect(service.spec.ports.map((p: any) => p.name)).toContain('http');
  });

  it('monitoring.serviceMonitor.namespace: the ServiceMonitor in Prometheus\' namespace still selects the release namespace, with a scrape key Secret of that namespace', async () => {
    expect(single(await render(major, { files: ['ci/11-metrics.yaml'] }), 'ServiceMonitor').metadata.namespace).toBeUndefined();
    const objects = await render(major, {
      files: ['ci/11-metrics.yaml'],
      values: { monitoring: { serviceMonitor: { namespace: 'monitoring', authorization: { secretName: 'litellm-metrics-key', key: 'METRICS_KEY' } } } },
    });
    const monitor = single(objects, 'ServiceMonitor');
    expect(monitor.metadata.namespace).toBe('monitoring');
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['ai'] });
    expect(monitor.spec.endpoints[0].authorization.credentials).toEqual({ name: 'litellm-metrics-key', key: 'METRICS_KEY' });
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('a scrape timeout equal to the interval, written differently, is fine', async () => {
    const objects = await render(major, { files: ['ci/11-metrics.yaml'], values: { monitoring: { serviceMonitor: { interval: '1m30s', scrapeTimeout: '90s' } } } });
    expect(single(objects, 'ServiceMonitor').spec.endpoints[0]).toMatchObject({ interval: '1m30s', scrapeTimeout: '90s' });
  });

  it('dashboard: labelled for the Grafana sidecar, and every query uses metrics LiteLLM 1.80 exports', async () => {
    const objects = await render(major, { files: ['ci/11-metrics.yaml'] });
    const configMap = objectsOfKind(objects, 'ConfigMap').find((c) => c.metadata.name === 'rel-litellm-stack-dashboard')!;
    expect(configMap.metadata.labels!.grafana_dashboard).toBe('1');
    expect(configMap.metadata.annotations).toEqual({ grafana_folder: 'AI' });
    const dashboard = JSON.parse(configMap.data['litellm-proxy.json']);
    const expressions = dashboardExpressions(dashboard);
    expect(expressions.length).toBeGreaterThan(8);
    expect(await lintAll(expressions)).toEqual(clean(expressions));
    const used = new Set(expressions.flatMap((expr) => [...expr.matchAll(/litellm_\w+/g)].map((m) => metricBySample.get(m[0])?.name).filter(Boolean)));
    for (const family of [
      'litellm_proxy_total_requests_metric',
      'litellm_proxy_failed_requests_metric',
      'litellm_request_total_latency_metric',
      'litellm_input_tokens_metric',
      'litellm_spend_metric',
      'litellm_deployment_state',
    ]) {
      expect(used).toContain(family);
    }
    const latency = dashboard.panels.find((p: any) => p.title === 'Request latency');
    expect(latency.targets.map((t: any) => t.legendFormat)).toEqual(['p50', 'p95', 'p99']);
    // No cache-hit metric exists in 1.80.8: the dashboard says so instead of graphing an invented one.
    const cache = dashboard.panels.find((p: any) => p.title === 'Cache hits');
    expect(cache.type).toBe('text');
    expect(cache.options.content).toMatch(/no cache-hit metric/);
  });

  it('dashboard labels and annotations come from values', async () => {
    const objects = await render(major, {
      files: ['ci/11-metrics.yaml'],
      values: { monitoring: { dashboard: { labels: { grafana_dashboard: 'yes' }, annotations: { grafana_folder: 'LLM', other: 'x' } } } },
    });
    const configMap = objectsOfKind(objects, 'ConfigMap').find((c) => c.metadata.name === 'rel-litellm-stack-dashboard')!;
    expect(configMap.metadata.labels!.grafana_dashboard).toBe('yes');
    expect(configMap.metadata.annotations).toEqual({ grafana_folder: 'LLM', other: 'x' });
  });

  it('PrometheusRule: outage, failure ratio, p95 latency and target down, scoped to this release, thresholds from values', async () => {
    const rule = single(await render(major, { files: ['ci/11-metrics.yaml'] }), 'PrometheusRule');
    const rules = rule.spec.groups.flatMap((g: any) => g.rules);
    expect(rules.map((r: any) => r.alert)).toEqual(
      expect.arrayContaining(['LiteLLMDeploymentOutage', 'LiteLLMHighFailureRatio', 'LiteLLMHighLatency', 'LiteLLMTargetDown']),
    );
    const exprs = rules.map((r: any) => r.expr);
    expect(await lintAll(exprs)).toEqual(clean(exprs));
    for (const r of rules) {
      // LiteLLM's series through the ServiceMonitor's target; the cluster exporters' by the proxy containers.
      expect(r.expr).toMatch(/namespace="ai", (service="rel-litellm-stack"|container="litellm", pod=~"rel-litellm-stack-\.\*")/);
      expect(r.for).toBe('10m');
      expect(['warning', 'critical']).toContain(r.labels.severity);
    }
    const byName = (name: string) => rules.find((r: any) => r.alert === name).expr;
    // State 2 counts only while the deployment still fails: LiteLLM 1.80.8 never resets a cooldown's 2.
    expect(byName('LiteLLMDeploymentOutage')).toMatch(
      /^max by \(litellm_model_name, model_id\) \(litellm_deployment_state\{[^}]*\}\) >= 2 and on \(litellm_model_name, model_id\) sum by \(litellm_model_name, model_id\) \(increase\(litellm_deployment_failure_responses_total\{[^}]*\}\[5m\]\)\) > 0$/,
    );
    expect(byName('LiteLLMHighFailureRatio')).toMatch(/> 0\.1$/);
    expect(byName('LiteLLMHighLatency')).toMatch(/^histogram_quantile\(0\.95, .*litellm_request_total_latency_metric_bucket.*> 45$/);
    expect(byName('LiteLLMTargetDown')).toMatch(/^up\{.*\} == 0$/);
    expect(rule.metadata.labels!.release).toBe('kube-prometheus-stack');
  });

  it('PrometheusRule: memory near the limit, restarts, and with a database or cache their errors and the spend-write backlog', async () => {
    const rulesOf = async (values: object) =>
      single(await render(major, { files: ['ci/11-metrics.yaml'], values }), 'PrometheusRule').spec.groups.flatMap((g: any) => g.rules);
    const withDatabaseAndCache = await rulesOf({ cache: { enabled: true, host: 'dragonfly.cache' }, monitoring: { prometheusRule: { thresholds: { memoryRatio: 0.8, restartsPerHour: 2, spendQueueSize: 5000 } } } });
    const expr = (name: string) => withDatabaseAndCache.find((r: any) => r.alert === name)?.expr;
    expect(expr('LiteLLMMemoryNearLimit')).toMatch(/^max by \(pod\) \(container_memory_working_set_bytes\{.*\}\) \/ max by \(pod\) \(kube_pod_container_resource_limits\{.*resource="memory"\}\) > 0\.8$/);
    expect(expr('LiteLLMRestarting')).toMatch(/increase\(kube_pod_container_status_restarts_total\{.*\}\[1h\]\)\) >= 2$/);
    expect(expr('LiteLLMDatabaseErrors')).toContain('rate(litellm_postgres_failed_requests_total{');
    expect(expr('LiteLLMSpendWriteErrors')).toContain('rate(litellm_batch_write_to_db_failed_requests_total{');
    expect(expr('LiteLLMSpendWriteBacklog')).toMatch(/litellm_in_memory_spend_update_queue_size\{.*\}\) > 5000$/);
    expect(expr('LiteLLMCacheErrors')).toContain('rate(litellm_redis_failed_requests_total{');
    const exprs = withDatabaseAndCache.map((r: any) => r.expr);
    expect(await lintAll(exprs)).toEqual(clean(exprs));
    // Without a database or cache their alerts would never fire: they are left out.
    const bare = (await rulesOf({ database: { mode: 'none' } })).map((r: any) => r.alert);
    expect(bare).toEqual(expect.arrayContaining(['LiteLLMMemoryNearLimit', 'LiteLLMRestarting']));
    for (const name of ['LiteLLMDatabaseErrors', 'LiteLLMSpendWriteErrors', 'LiteLLMSpendWriteBacklog', 'LiteLLMCacheErrors']) expect(bare).not.toContain(name);
  });

  it('tracing and Langfuse: callbacks merged with prometheus, OTEL_* and LANGFUSE_* set, secrets by reference', async () => {
    const objects = await render(major, { files: ['ci/12-tracing-langfuse.yaml'] });
    const settings = liteLLMConfig(objects).litellm_settings;
    expect(settings.callbacks).toEqual(['prometheus', 'otel']);
    expect(settings.success_callback).toEqual(['langfuse']);
    expect(settings.failure_callback).toEqual(['langfuse']);
    const env = envOf(objects);
    expect(env.get('OTEL_EXPORTER').value).toBe('otlp_grpc');
    expect(env.get('OTEL_ENDPOINT').value).toBe('http://tempo-distributor.tracing.svc.cluster.local:4317');
    expect(env.get('OTEL_SERVICE_NAME').value).toBe('litellm-proxy');
    expect(env.get('OTEL_HEADERS').valueFrom).toEqual({ secretKeyRef: { name: 'litellm-secrets', key: 'OTEL_HEADERS' } });
    expect(env.get('LANGFUSE_HOST').value).toBe('http://langfuse-web.langfuse.svc.cluster.local:3000');
    expect(env.get('LANGFUSE_PUBLIC_KEY').valueFrom).toEqual({ secretKeyRef: { name: 'litellm-secrets', key: 'LANGFUSE_PUBLIC_KEY' } });
    expect(env.get('LANGFUSE_SECRET_KEY').valueFrom).toEqual({ secretKeyRef: { name: 'litellm-secrets', key: 'LANGFUSE_SECRET_KEY' } });
    expect(JSON.stringify(objectsOfKind(objects, 'ConfigMap'))).not.toMatch(/LANGFUSE_SECRET_KEY|OTEL_HEADERS/);
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('tracing defaults to Tempo\'s OTLP gRPC endpoint; no headers unless a key is named', async () => {
    const env = envOf(await render(major, { values: { tracing: { enabled: true } } }));
    expect(env.get('OTEL_ENDPOINT').value).toBe('http://tempo.monitoring.svc.cluster.local:4317');
    expect(env.has('OTEL_HEADERS')).toBe(false);
  });

  it('a chart-created Secret carries the Langfuse keys from secrets.values', async () => {
    const objects = await render(major, {
      values: { langfuse: { enabled: true }, secrets: { values: { LANGFUSE_PUBLIC_KEY: 'pk-lf-test', LANGFUSE_SECRET_KEY: 'sk-lf-test' } } },
    });
    const secret = single(objects, 'Secret');
    expect(Buffer.from(secret.data.LANGFUSE_PUBLIC_KEY, 'base64').toString()).toBe('pk-lf-test');
    expect(envOf(objects).get('LANGFUSE_SECRET_KEY').valueFrom.secretKeyRef).toEqual({ name: 'rel-litellm-stack', key: 'LANGFUSE_SECRET_KEY' });
  });

  it('a callback setting the chart renders cannot be set again through litellm.settings', async () => {
    const result = await tryRender(major, { files: ['ci/11-metrics.yaml'], values: { litellm: { settings: { callbacks: ['otel'] } } } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('litellm.settings.callbacks');
  });
});
