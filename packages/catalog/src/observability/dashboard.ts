// The Grafana dashboard the chart ships (files/dashboards/litellm.json), built here so every query
// names its metrics through `sample()` and is linted against LiteLLM's real metric list.
import { deploymentStates, sample } from './metrics.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const datasource = { type: 'prometheus', uid: '${datasource}' };
const scope = 'namespace=~"$namespace", service=~"$service"';
const rate = (name: string, extra = '') => `rate(${sample(name)}{${scope}${extra}}[$__rate_interval])`;

interface Target {
  expr: string;
  legend: string;
}

interface PanelSpec {
  title: string;
  description: string;
  type: 'timeseries' | 'stat' | 'state-timeline' | 'text';
  unit?: string;
  targets?: Target[];
  width: number;
  height: number;
  options?: { [key: string]: Json };
  mappings?: Json[];
}

const quantile = (q: number, name: string, by = 'le') => `histogram_quantile(${q}, sum by (${by}) (${rate(name)}))`;

/** The panels, in reading order; `layout` places them on Grafana's 24-column grid. */
export const dashboardPanels: PanelSpec[] = [
  {
    title: 'Requests per second by status',
    description: 'All proxy requests (litellm_proxy_total_requests_metric). LiteLLM 1.80 counts a non-streaming request twice here; compare shapes, not absolute numbers.',
    type: 'timeseries',
    unit: 'reqps',
    targets: [{ expr: `sum by (status_code) (${rate('litellm_proxy_total_requests_metric_total')})`, legend: '{{status_code}}' }],
    width: 12,
    height: 8,
  },
  {
    title: 'Failed requests per second',
    description: 'Requests that ended in an error, by exception class (litellm_proxy_failed_requests_metric).',
    type: 'timeseries',
    unit: 'reqps',
    targets: [{ expr: `sum by (exception_class) (${rate('litellm_proxy_failed_requests_metric_total')})`, legend: '{{exception_class}}' }],
    width: 12,
    height: 8,
  },
  {
    title: 'Request latency',
    description: 'Whole request latency through the proxy (litellm_request_total_latency_metric), p50/p95/p99.',
    type: 'timeseries',
    unit: 's',
    targets: [0.5, 0.95, 0.99].map((q) => ({ expr: quantile(q, 'litellm_request_total_latency_metric_bucket'), legend: `p${Math.round(q * 100)}` })),
    width: 12,
    height: 8,
  },
  {
    title: 'Provider latency p95 by model',
    description: 'Latency of the call to the LLM provider alone (litellm_llm_api_latency_metric).',
    type: 'timeseries',
    unit: 's',
    targets: [{ expr: quantile(0.95, 'litellm_llm_api_latency_metric_bucket', 'le, model'), legend: '{{model}}' }],
    width: 12,
    height: 8,
  },
  {
    title: 'Tokens per second by model',
    description: 'Input and output tokens (litellm_input_tokens_metric, litellm_output_tokens_metric).',
    type: 'timeseries',
    unit: 'short',
    targets: [
      { expr: `sum by (model) (${rate('litellm_input_tokens_metric_total')})`, legend: 'in {{model}}' },
      { expr: `sum by (model) (${rate('litellm_output_tokens_metric_total')})`, legend: 'out {{model}}' },
    ],
    width: 12,
    height: 8,
  },
  {
    title: 'Spend in the time range by model',
    description: 'Cost LiteLLM computed from its cost map, in USD (litellm_spend_metric).',
    type: 'stat',
    unit: 'currencyUSD',
    targets: [{ expr: `sum by (model) (increase(${sample('litellm_spend_metric_total')}{${scope}}[$__range]))`, legend: '{{model}}' }],
    width: 12,
    height: 8,
  },
  {
    title: 'Deployment state',
    description: 'Per deployment: 0 healthy, 1 partial outage, 2 outage (litellm_deployment_state).',
    type: 'state-timeline',
    targets: [{ expr: `max by (litellm_model_name, api_base) (${sample('litellm_deployment_state')}{${scope}})`, legend: '{{litellm_model_name}} {{api_base}}' }],
    width: 16,
    height: 8,
    mappings: [
      {
        type: 'value',
        options: {
          [deploymentStates.healthy]: { text: 'healthy', color: 'green' },
          [deploymentStates.partialOutage]: { text: 'partial outage', color: 'orange' },
          [deploymentStates.outage]: { text: 'outage', color: 'red' },
        },
      },
    ],
  },
  {
    title: 'Cache hits',
    description: 'Why this panel has no graph.',
    type: 'text',
    width: 8,
    height: 8,
    options: {
      mode: 'markdown',
      content:
        'LiteLLM 1.80.8 exports **no cache-hit metric**. A cached response carries the `x-litellm-cache-key` header and is still counted in `litellm_deployment_success_responses`, but nothing separates hits from provider calls in `/metrics/`. This panel stays empty on purpose rather than show an invented series.',
    },
  },
];

function layout(panels: PanelSpec[]): Json[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return panels.map((panel, index) => {
    if (x + panel.width > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const gridPos = { x, y, w: panel.width, h: panel.height };
    x += panel.width;
    rowHeight = Math.max(rowHeight, panel.height);
    const base: { [key: string]: Json } = { id: index + 1, type: panel.type, title: panel.title, description: panel.description, gridPos };
    if (panel.type === 'text') return { ...base, options: panel.options ?? {} };
    return {
      ...base,
      datasource,
      fieldConfig: { defaults: { unit: panel.unit ?? 'short', mappings: panel.mappings ?? [] }, overrides: [] },
      options: panel.options ?? {},
      targets: (panel.targets ?? []).map((target, i) => ({ refId: String.fromCharCode(65 + i), datasource, expr: target.expr, legendFormat: target.legend })),
    };
  });
}

const variable = (name: string, label: string, query: string): Json => ({
  name,
  label,
  type: 'query',
  datasource,
  query: { query, refId: name },
  definition: query,
  refresh: 2,
  includeAll: true,
  multi: true,
  current: {},
});

/** The dashboard's JSON model. */
export function litellmDashboard(): Json {
  const anchor = sample('litellm_proxy_total_requests_metric_total');
  return {
    title: 'LiteLLM proxy',
    uid: 'litellm-stack-proxy',
    description: 'Requests, failures, latency, tokens, spend and deployment health of the LiteLLM proxy (metrics of LiteLLM 1.80).',
    tags: ['litellm', 'llm'],
    editable: true,
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    refresh: '1m',
    templating: {
      list: [
        { name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', current: {} },
        variable('namespace', 'Namespace', `label_values(${anchor}, namespace)`),
        variable('service', 'Service', `label_values(${anchor}{namespace=~"$namespace"}, service)`),
      ],
    },
    panels: layout(dashboardPanels),
  };
}
