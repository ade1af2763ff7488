// monitoring.metrics in the real proxy: /metrics/ after traffic (behind a key), and proof that LiteLLM
// reads the chart's `service_callback` (singular) while the seed's `service_callbacks` (plural) does nothing.
// The same proxy runs the KEDA query's metric and the `helm test` pods' script (helmTests).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scalingQueries } from '@litellm-stack/catalog';
import { venvBin } from '../../tools/python-env.ts';
import { objectsOfKind, render } from '../support/chart.ts';
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
let values: object;
let input: ProxyInput;
const proxies = {} as Record<Variant, LiteLLMProxy>;
const scraped = {} as Record<Variant, string>;

beforeAll(async () => {
  backends = await startBackends(['azure_credential_us_east']);
  values = { ...existingSecretValues, ...backendValues(backends), monitoring: { metrics: { enabled: true } } };
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

describe('keda: the request-rate query\'s metric', () => {
  it('counts each finished request once, streamed or not (the request counter counts the non-streaming one twice)', async () => {
    const proxy = proxies.rendered;
    const metric = /^sum\(rate\((\w+)\{/.exec(scalingQueries.requestRate)![1]!;
    const labels = { requested_model: 'gpt-4o-mini' };
    const counts = async () => {
      const text = await (await fetch(`${proxy.url}/metrics/`, { headers: { authorization: `Bearer ${proxy.masterKey}` } })).text();
      return [sampleValue(text, metric, labels) ?? 0, sampleValue(text, 'litellm_proxy_total_requests_metric_total', labels) ?? 0];
    };
    const before = await counts();
    expect((await proxy.call('/v1/chat/completions', chatBody('gpt-4o-mini', 'keda-plain'))).status).toBe(200);
    const streamed = await proxy.call('/v1/chat/completions', { ...chatBody('gpt-4o-mini', 'keda-stream'), stream: true });
    expect([streamed.status, streamed.text.trim().endsWith('data: [DONE]')]).toEqual([200, true]);
    // LiteLLM logs a finished stream from a background task: wait for it.
    let after = await counts();
    for (let tries = 0; after[0]! - before[0]! < 2 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await counts();
    }
    expect([after[0]! - before[0]!, after[1]! - before[1]!]).toEqual([2, 3]);
  });
});

describe('helmTests: the `helm test` pods\' checks against the real proxy', () => {
  let pods: Record<string, { command: string[]; env: Record<string, string> }>;
  beforeAll(async () => {
    const rendered = objectsOfKind(await render('helm4', { files: [oneRegionScenario], values }), 'Pod');
    pods = Object.fromEntries(
      rendered.map((pod) => {
        const container = pod.spec.containers[0];
        return [container.name, { command: container.command, env: Object.fromEntries(container.env.filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value])) }];
      }),
    );
  });

  /** Runs a pod's command (python -c SCRIPT CHECK) with the venv's Python, the Service URL replaced by the proxy's. */
  async function run(check: string, env: Record<string, string> = {}) {
    const [python, ...args] = pods[check]!.command;
    expect(python).toBe('python');
    const proxy = proxies.rendered;
    const fullEnv = { ...process.env, ...pods[check]!.env, PROXY_URL: proxy.url, LITELLM_MASTER_KEY: proxy.masterKey, ...env };
    return promisify(execFile)(venvBin('python'), args, { env: fullEnv }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
  }

  it('pass: liveness, and every rendered public model listed by /v1/models with the master key', async () => {
    expect(JSON.parse(pods.models!.env.EXPECTED_MODELS!)).toEqual(expect.arrayContaining(['gpt-4.1', 'gpt-4o-mini']));
    expect(await run('liveness')).toEqual({ code: 0, stdout: 'liveness: ok\n' });
    const models = await run('models');
    expect(models.code, models.stdout).toBe(0);
    expect(models.stdout).toMatch(/\/v1\/models lists \d+ models\nmodels: ok\n$/);
  });

  it('fail naming a model the proxy does not serve, or the answer to a refused key', async () => {
    const expected = JSON.parse(pods.models!.env.EXPECTED_MODELS!);
    const missing = await run('models', { EXPECTED_MODELS: JSON.stringify([...expected, 'gpt-not-served']) });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('/v1/models does not list gpt-not-served');
    // Without a database LiteLLM 1.80.8 refuses any key but the master key with 400 "No connected db."
    // (user_api_key_auth.py); with one, an unknown key gets 401.
    const refused = await run('models', { LITELLM_MASTER_KEY: 'sk-wrong-key' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^\/v1\/models answered 400: .*No connected db/);
  });
});
