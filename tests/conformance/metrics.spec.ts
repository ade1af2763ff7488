// monitoring.metrics in the real proxy: /metrics/ after traffic (behind a key), and proof that LiteLLM
// reads the chart's `service_callback` (singular) while the seed's `service_callbacks` (plural) does nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackends, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy, type ProxyInput } from '../../tools/conformance/proxy.ts';
import { backendValues, chatBody, existingSecretName, existingSecretValues, testSecret, oneRegionScenario } from '../../tools/conformance/scenario.ts';
import { metricFamilies, sampleValue } from '../../tools/conformance/metrics.ts';

type Variant = 'rendered' | 'plural' | 'none';

/** The rendered config with its service_callback renamed to the seed's plural spelling, or removed. */
function variant(input: ProxyInput, kind: Variant): ProxyInput {
  if (kind === 'rendered') return input;
  const { service_callback: serviceCallback, ...rest } = input.config.litellm_settings;
  const litellmSettings = kind === 'plural' ? { ...rest, service_callbacks: serviceCallback } : rest;
  return { ...input, config: { ...input.config, litellm_settings: litellmSettings } };
}

let backends: Record<'azure_credential_us_east', FakeBackend>;
let input: ProxyInput;
const proxies = {} as Record<Variant, LiteLLMProxy>;
const scraped = {} as Record<Variant, string>;

beforeAll(async () => {
  backends = await startBackends(['azure_credential_us_east']);
  const values = { ...existingSecretValues, ...backendValues(backends), monitoring: { metrics: { enabled: true } } };
  input = await renderProxyInput({ files: [oneRegionScenario], values }, [testSecret(existingSecretName)]);
  const kinds: Variant[] = ['rendered', 'plural', 'none'];
  const started = await Promise.all(kinds.map((kind) => LiteLLMProxy.start(variant(input, kind))));
  for (const [index, kind] of kinds.entries()) {
    const proxy = started[index]!;
    proxies[kind] = proxy;
    // The same traffic everywhere, so the scrapes differ only by the callback key.
    for (const content of ['first', 'second']) {
      expect((await proxy.call('/v1/chat/completions', chatBody('gpt-4.1', `metrics-${kind}-${content}`))).status).toBe(200);
    }
    scraped[kind] = await (await fetch(`${proxy.url}/metrics/`, { headers: { authorization: `Bearer ${proxy.masterKey}` } })).text();
  }
});

afterAll(async () => {
  await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
  await stopBackends(backends);
});

afterEach(() => {
  expect(rejectionsOf(backends)).toEqual([]);
});

describe('monitoring.metrics.enabled', () => {
  it('renders callbacks ["prometheus"] and service_callback ["prometheus_system"]', () => {
    expect(input.config.litellm_settings.callbacks).toContain('prometheus');
    expect(input.config.litellm_settings.service_callback).toEqual(['prometheus_system']);
    expect(input.config.litellm_settings).not.toHaveProperty('service_callbacks');
  });

  // monitoring.metrics.requireAuth (default): the ServiceMonitor sends the master key unless told otherwise.
  it('asks /metrics/ for a key (401 without or with a wrong one); /metrics is a 307 to /metrics/', async () => {
    expect(input.config.litellm_settings.require_auth_for_metrics_endpoint).toBe(true);
    const { url, masterKey } = proxies.rendered;
    expect((await fetch(`${url}/metrics/`)).status).toBe(401);
    expect((await fetch(`${url}/metrics/`, { headers: { authorization: 'Bearer sk-wrong-key' } })).status).toBe(401);
    // The redirect itself (no data) is answered before the key check.
    expect((await fetch(`${url}/metrics`, { redirect: 'manual' })).status).toBe(307);
    const authorization = { authorization: `Bearer ${masterKey}` };
    const redirect = await fetch(`${url}/metrics`, { redirect: 'manual', headers: authorization });
    expect(redirect.status).toBe(307);
    expect(new URL(redirect.headers.get('location')!, url).pathname).toBe('/metrics/');
    expect((await fetch(`${url}/metrics/`, { headers: authorization })).status).toBe(200);
  });

  // model_id is the deployment's model_info.id (the seed's own ids, kept for its spend logs), so dashboards can name deployments.
  it('exposes request totals and deployment state after traffic', () => {
    const total = sampleValue(scraped.rendered, 'litellm_proxy_total_requests_metric_total', { requested_model: 'gpt-4.1', status_code: '200' });
    expect(total).toBeGreaterThanOrEqual(2);
    const modelId = input.config.model_list.find((entry: any) => entry.model_name === 'gpt-4.1').model_info.id;
    expect(sampleValue(scraped.rendered, 'litellm_deployment_state', { model_id: modelId, api_provider: 'azure' })).toBe(0);
  });

  it('service_callback (singular) adds LiteLLM\'s service metrics; the plural service_callbacks is the same as nothing', () => {
    const [rendered, plural, none] = (['rendered', 'plural', 'none'] as const).map((kind) => metricFamilies(scraped[kind]));
    const serviceFamilies = [...rendered!].filter((family) => !none!.has(family));
    expect(serviceFamilies).toEqual(expect.arrayContaining(['litellm_router_latency', 'litellm_self_latency']));
    expect([...plural!].sort()).toEqual([...none!].sort());
  });
});
