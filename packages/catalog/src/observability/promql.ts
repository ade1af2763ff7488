// Checks parsed PromQL (tools/promql runs Prometheus' own parser) against the metrics LiteLLM
// really exports, so a renamed metric or label fails a test instead of a dashboard.
import { metricBySample, targetLabels } from './metrics.ts';

export interface Selector {
  metric: string;
  labels: string[];
}

/** What an expression reads: its series selectors and the labels it groups or matches on. */
export interface ExpressionParts {
  selectors: Selector[];
  groupingLabels: string[];
}

/** Why the expression cannot work against LiteLLM 1.80's /metrics/; empty when it can. */
export function promqlIssues({ selectors, groupingLabels }: ExpressionParts): string[] {
  if (selectors.length === 0) return ['selects no metric'];
  const issues: string[] = [];
  const known = new Set<string>(targetLabels);
  for (const { metric, labels } of selectors) {
    // `up` is Prometheus' own per-target series; it carries the target labels only.
    const family = metricBySample.get(metric);
    if (!family && metric !== 'up') {
      issues.push(`${metric} is not a metric LiteLLM 1.80 exports`);
      continue;
    }
    const allowed = new Set<string>([...targetLabels, ...(family?.labels ?? []), ...(metric.endsWith('_bucket') ? ['le'] : [])]);
    allowed.forEach((label) => known.add(label));
    for (const label of labels) if (!allowed.has(label)) issues.push(`${metric} has no label ${label}`);
  }
  for (const label of groupingLabels) if (!known.has(label)) issues.push(`no selected metric has the label ${label} it groups by`);
  return issues;
}
