// The PromQL lint that guards the dashboard and the alerts: Prometheus' own parser (tools/promql)
// and the check of what it read against the metrics LiteLLM 1.80 exports.
import { beforeAll, describe, expect, it } from 'vitest';
import { litellmDashboard, litellmMetrics, promqlIssues, sampleNames } from '@litellm-stack/catalog';
import { ensurePromqlParser, parsePromql, withoutGrafanaVariables } from '../../tools/promql.ts';

/** Issues of one expression: its parse error, or what promqlIssues finds. */
async function lint(expr: string): Promise<string[]> {
  const [parsed] = await parsePromql([expr]);
  return parsed!.error ? [parsed!.error] : promqlIssues(parsed!);
}

// The first run builds the Go parser (downloads its modules on a fresh machine).
beforeAll(() => void ensurePromqlParser(), 600_000);

describe('LiteLLM metric list', () => {
  it('exports counters with _total and histograms as _bucket/_count/_sum', () => {
    const byName = new Map(litellmMetrics.map((m) => [m.name, m]));
    expect(sampleNames(byName.get('litellm_proxy_total_requests_metric')!)).toEqual(['litellm_proxy_total_requests_metric_total']);
    expect(sampleNames(byName.get('litellm_request_total_latency_metric')!)).toEqual([
      'litellm_request_total_latency_metric_bucket',
      'litellm_request_total_latency_metric_count',
      'litellm_request_total_latency_metric_sum',
    ]);
    expect(sampleNames(byName.get('litellm_deployment_state')!)).toEqual(['litellm_deployment_state']);
    expect(new Set(litellmMetrics.map((m) => m.name)).size).toBe(litellmMetrics.length);
  });
});

describe('PromQL parts (Prometheus parser)', () => {
  it('reads selectors with their matcher labels, and grouping and matching labels', async () => {
    const [parts] = await parsePromql([
      'sum by (status_code) (rate(litellm_proxy_total_requests_metric_total{namespace="a", route=~"/v1.*"}[5m])) / on (namespace) group_left (pod) up',
    ]);
    expect(parts).toEqual({
      selectors: [
        { metric: 'litellm_proxy_total_requests_metric_total', labels: ['namespace', 'route'] },
        { metric: 'up', labels: [] },
      ],
      groupingLabels: ['namespace', 'pod', 'status_code'],
    });
  });

  it('reports a syntax error', async () => {
    expect(await lint('sum(rate(litellm_spend_metric_total[5m])')).toEqual([expect.stringMatching(/parse error/)]);
  });
});

describe('promqlIssues', () => {
  it('accepts what LiteLLM exports', async () => {
    expect(await lint('histogram_quantile(0.99, sum by (le, model) (rate(litellm_llm_api_latency_metric_bucket{service="x"}[5m])))')).toEqual([]);
    expect(await lint('up{namespace="ai"} == 0')).toEqual([]);
  });

  it('rejects a counter without _total, a renamed metric, an unknown label, a grouping label no metric has', async () => {
    expect(await lint('rate(litellm_proxy_total_requests_metric[5m])')).toEqual(['litellm_proxy_total_requests_metric is not a metric LiteLLM 1.80 exports']);
    expect(await lint('sum(rate(litellm_cache_hits_metric_total[5m]))')).toEqual(['litellm_cache_hits_metric_total is not a metric LiteLLM 1.80 exports']);
    expect(await lint('litellm_deployment_state{model="x"}')).toEqual(['litellm_deployment_state has no label model']);
    expect(await lint('max by (litellm_model_name) (litellm_spend_metric_total)')).toEqual(['no selected metric has the label litellm_model_name it groups by']);
    expect(await lint('vector(1)')).toEqual(['selects no metric']);
  });

  it('finds nothing to object to in the shipped dashboard', async () => {
    const dashboard = litellmDashboard() as any;
    const exprs: string[] = dashboard.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => withoutGrafanaVariables(t.expr)));
    expect(exprs.length).toBeGreaterThan(8);
    const parsed = await parsePromql(exprs);
    expect(parsed.flatMap((p) => (p.error ? [p.error] : promqlIssues(p)))).toEqual([]);
  });
});
