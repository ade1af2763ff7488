// The PromQL the KEDA ScaledObject scales on, built from LiteLLM's metric list (a typo fails
// generation) and written into the chart (files/scaling-queries.json) for the template to fill in.
// tests/chart/keda.spec.ts lints the rendered query like the dashboard's and the alerts'.
import { sample } from './metrics.ts';

/** printf formats: the release's target selector (namespace, service), then the rate() window. */
export const scalingQueries = {
  // One observation per finished request, streams included (its _total request counter counts a
  // non-streaming request twice in 1.80.8); tests/conformance/metrics.spec.ts pins that.
  requestRate: `sum(rate(${sample('litellm_request_total_latency_metric_count')}{%s}[%s]))`,
};
