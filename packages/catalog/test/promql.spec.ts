// The PromQL lint that guards the dashboard and the alerts against renamed metrics and labels.
import { describe, expect, it } from 'vitest';
import { litellmDashboard, litellmMetrics, parseExpression, promqlIssues, sampleNames } from '../src/index.ts';

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

describe('promqlIssues', () => {
  it('reads selectors, their matcher labels and grouping labels', () => {
    expect(parseExpression('sum by (status_code) (rate(litellm_proxy_total_requests_metric_total{namespace="a", route=~"/v1.*"}[5m]))')).toEqual({
      selectors: [{ metric: 'litellm_proxy_total_requests_metric_total', labels: ['namespace', 'route'] }],
      groupingLabels: ['status_code'],
    });
  });

  it('accepts what LiteLLM exports', () => {
    expect(promqlIssues('histogram_quantile(0.99, sum by (le, model) (rate(litellm_llm_api_latency_metric_bucket{service="x"}[$__rate_interval])))')).toEqual([]);
    expect(promqlIssues('up{namespace="ai"} == 0')).toEqual([]);
  });

  it('rejects a counter without _total, a renamed metric, an unknown label and a grouping label no metric has', () => {
    expect(promqlIssues('rate(litellm_proxy_total_requests_metric[5m])')).toEqual(['litellm_proxy_total_requests_metric is not a metric LiteLLM 1.80 exports']);
    expect(promqlIssues('sum(rate(litellm_cache_hits_metric_total[5m]))')).toEqual(['litellm_cache_hits_metric_total is not a metric LiteLLM 1.80 exports']);
    expect(promqlIssues('litellm_deployment_state{model="x"}')).toEqual(['litellm_deployment_state has no label model']);
    expect(promqlIssues('max by (litellm_model_name) (litellm_spend_metric_total)')).toEqual(['no selected metric has the label litellm_model_name it groups by']);
    expect(promqlIssues('vector(1)')).toEqual(['selects no metric: vector(1)']);
  });

  it('finds nothing to object to in the shipped dashboard', () => {
    const dashboard = litellmDashboard() as any;
    const exprs: string[] = dashboard.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => t.expr));
    expect(exprs.length).toBeGreaterThan(8);
    expect(exprs.flatMap(promqlIssues)).toEqual([]);
  });
});
