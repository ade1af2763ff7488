// A small PromQL reader, enough to lint the chart's own expressions: which series each expression
// selects (metric name and matcher labels) and which labels it groups by. It checks those against the
// metrics LiteLLM really exports, so a renamed metric or label fails a test instead of a dashboard.
import { metricBySample, targetLabels } from './metrics.ts';

export interface Selector {
  metric: string;
  labels: string[];
}

export interface ExpressionParts {
  selectors: Selector[];
  groupingLabels: string[];
}

const keywords = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan']);
const identifier = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;

export function parseExpression(expr: string): ExpressionParts {
  const groupingLabels: string[] = [];
  let text = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // string literals
    .replace(/\$\{?\w+\}?/g, '1') // Grafana variables ($__rate_interval, ${datasource})
    .replace(/\[[^\]]*\]/g, ' '); // ranges and subqueries
  text = text.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, (_, _keyword: string, labels: string) => {
    groupingLabels.push(...labels.split(',').map((label) => label.trim()).filter(Boolean));
    return ' ';
  });
  const selectors: Selector[] = [];
  for (let i = 0; i < text.length; ) {
    identifier.lastIndex = i;
    const match = /[a-zA-Z_:]/.test(text[i]!) && (i === 0 || !/[\w.]/.test(text[i - 1]!)) ? identifier.exec(text) : null;
    if (!match) {
      i += 1;
      continue;
    }
    const name = match[0];
    let next = identifier.lastIndex;
    while (text[next] === ' ') next += 1;
    if (text[next] === '(' || keywords.has(name.toLowerCase())) {
      i = identifier.lastIndex;
      continue;
    }
    const labels: string[] = [];
    if (text[next] === '{') {
      const close = text.indexOf('}', next);
      for (const m of text.slice(next + 1, close).matchAll(/([a-zA-Z_]\w*)\s*(=~|!~|!=|=)/g)) labels.push(m[1]!);
      next = close + 1;
    }
    selectors.push({ metric: name, labels });
    i = next;
  }
  return { selectors, groupingLabels };
}

/** Why the expression cannot work against LiteLLM 1.80's /metrics/; empty when it can. */
export function promqlIssues(expr: string): string[] {
  const { selectors, groupingLabels } = parseExpression(expr);
  if (selectors.length === 0) return [`selects no metric: ${expr}`];
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
