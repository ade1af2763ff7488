// Providers failing as the real ones do (their error bodies, 429 with retry-after / retry-after-ms,
// Anthropic's 529 overloaded) against the chart's router settings (numRetries 2, allowedFails 1,
// cooldownTime 30) in the real proxy: back-off on a deployment alone in its group, failover and
// cooldown between two deployments of one public name, cooldown read from /metrics/.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackends, stopBackends, type FakeBackend, type RecordedRequest } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy, type ProxyInput } from '../../tools/conformance/proxy.ts';
import { sampleValue, samples } from '../../tools/conformance/metrics.ts';
import { sleep, waitFor } from '../../tools/conformance/process.ts';
import { seedCatalog } from '../../packages/catalog/src/index.ts';
import { sendSequentially } from '../../tools/conformance/traffic.ts';
import { backendValues, chatBody, existingSecretName, existingSecretValues, scenarioBasePaths, testSecret, oneRegionScenario } from '../../tools/conformance/scenario.ts';
import { carries } from '../../tools/conformance/upstream.ts';

const ids = ['azure_credential_us_east', 'azure_credential_us_east2', 'azure_anthropic'] as const;
let backends: Record<(typeof ids)[number], FakeBackend>;
let proxy: LiteLLMProxy;
let input: ProxyInput;

const chat = (id: string) => ({ mode: 'chat', id });
// Two deployments per public name: gpt-4.1 in both regions (the seed's on us_east, id 41), and a
// Claude pair on the one Anthropic endpoint, told apart by the model they name.
const pairs = {
  'gpt-4-1-east2': { modelName: 'gpt-4.1', model: 'azure/gpt-4.1', credential: 'azure_credential_us_east2', info: chat('failover-east2') },
  'claude-pair-a': { modelName: 'claude-pair', model: 'anthropic/claude-haiku-4-5-20251001', credential: 'azure_anthropic', rpm: 100, info: chat('failover-claude-a') },
  'claude-pair-b': { modelName: 'claude-pair', model: 'anthropic/claude-sonnet-4-5-20250929', credential: 'azure_anthropic', info: chat('failover-claude-b') },
  'claude-solo': { modelName: 'claude-solo', model: 'anthropic/claude-haiku-4-5', credential: 'azure_anthropic', info: chat('claude-solo-deployment') },
};

/**
 * The config with claude-solo's model_info.id set to its public name, as the chart rendered by default
 * before it refused that (models.<id>.info.id, corpus case 620): the id defaulted to the entry's key.
 */
function withIdAsPublicName(config: any): any {
  const modelList = config.model_list.map((entry: any) =>
    entry.model_name === 'claude-solo' ? { ...entry, model_info: { ...entry.model_info, id: 'claude-solo' } } : entry);
  return { ...config, model_list: modelList };
}

beforeAll(async () => {
  // ci/02-seed-full's path for the Anthropic endpoint (/anthropic), enabled on top of ci/01-minimal's region.
  backends = await startBackends(ids, scenarioBasePaths('ci/02-seed-full.yaml'));
  const credentials = backendValues(backends).credentials;
  const values = {
    ...existingSecretValues,
    credentials: { ...credentials, azure_credential_us_east2: { enabled: true, ...credentials.azure_credential_us_east2 }, azure_anthropic: { enabled: true, ...credentials.azure_anthropic } },
    models: pairs,
    monitoring: { metrics: { enabled: true } },
  };
  input = await renderProxyInput({ files: [oneRegionScenario], values }, [testSecret(existingSecretName)]);
  expect(input.config.router_settings).toMatchObject({ num_retries: 2, allowed_fails: 1, cooldown_time: 30 });
  input = { ...input, config: withIdAsPublicName(input.config) };
  proxy = await LiteLLMProxy.start(input);
});

afterAll(async () => {
  await proxy?.stop();
  await stopBackends(backends);
});

afterEach(() => {
  Object.values(backends).forEach((backend) => (backend.failWith = undefined));
  expect(rejectionsOf(backends)).toEqual([]);
});

const attempts = (backend: FakeBackend, marker: string) => backend.requests.filter((request) => carries(request, marker));
const gaps = (requests: RecordedRequest[]) => requests.slice(1).map((request, index) => request.at - requests[index]!.at);
const modelId = (modelName: string, model: string) =>
  input.config.model_list.find((entry: any) => entry.model_name === modelName && entry.litellm_params.model === model).model_info.id as string;
const metrics = async () => (await fetch(`${proxy.url}/metrics/`, { headers: { authorization: `Bearer ${proxy.masterKey}` } })).text();
/** litellm_deployment_state of one deployment per api_base label (0 healthy, 1 partial outage, 2 outage). */
const states = async (id: string) => Object.fromEntries(samples(await metrics(), 'litellm_deployment_state', { model_id: id }).map((sample) => [sample.labels.api_base, sample.value]));
/**
 * Waits for the router's cooldown to show in /metrics/. LiteLLM 1.80.8's cooldown callback sets the
 * deployment's state to 2 under the api_base `litellm.get_api_base` guesses from litellm_params, which
 * hold no api_base (the chart's deployments name a credential): Azure's the public OpenAI URL,
 * Anthropic's empty, never the endpoint; nothing ever sets that series back. Its litellm_deployment_cooled_down counter is declared
 * with 4 labels and incremented with 5, so it never gets a sample.
 */
async function cooldownShown(id: string): Promise<Record<string, number>> {
  await waitFor(`the cooldown of ${id} in /metrics/`, 15_000, async () => Object.values(await states(id)).includes(2));
  expect(samples(await metrics(), 'litellm_deployment_cooled_down_total')).toEqual([]);
  return states(id);
}

describe('a deployment alone in its group: back-off as the provider advises', () => {
  // LiteLLM 1.80.8 reads `retry-after` (whole seconds or an HTTP date) and adds up to 0.75 s jitter;
  // it ignores `retry-after-ms`: 1500 ms arrives as retry-after 2 and it waits 2 s.
  it('Azure 429 with retry-after-ms 1500 (retry-after 2): retried after retry-after\'s 2 s, then served', async () => {
    backends.azure_credential_us_east.failWith = { status: 429, retryAfterMs: 1500, times: 1 };
    const marker = `conformance-429-${Date.now()}`;
    const response = await proxy.call('/v1/chat/completions', chatBody('gpt-4.1-nano', marker));
    expect(response.status, response.text).toBe(200);
    const tried = attempts(backends.azure_credential_us_east, marker);
    expect(tried).toHaveLength(2);
    expect(gaps(tried)[0]).toBeGreaterThanOrEqual(2000);
  });

  it('Azure 429 that persists: every retry waits as advised, and the client gets 429 with Azure\'s message', async () => {
    backends.azure_credential_us_east.failWith = { status: 429, retryAfterMs: 1000 };
    const marker = `conformance-429-persisting-${Date.now()}`;
    const response = await proxy.call('/v1/chat/completions', chatBody('gpt-4o-mini', marker));
    expect(response.status, response.text).toBe(429);
    expect(response.json.error.message).toContain('Please retry after 1 seconds');
    const tried = attempts(backends.azure_credential_us_east, marker);
    // The first call and the chart's numRetries (2).
    expect(tried).toHaveLength(3);
    for (const gap of gaps(tried)) expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it('Anthropic 529 overloaded once: retried, the client gets 200, and the deployment is not cooled down', async () => {
    backends.azure_anthropic.failWith = { status: 529, times: 1 };
    const marker = `conformance-529-${Date.now()}`;
    const response = await proxy.call('/v1/chat/completions', chatBody('claude-haiku-4-5', marker));
    expect(response.status, response.text).toBe(200);
    expect(attempts(backends.azure_anthropic, marker)).toHaveLength(2);
    const after = `conformance-529-after-${Date.now()}`;
    const next = await proxy.call('/v1/chat/completions', chatBody('claude-haiku-4-5', after));
    expect([next.status, attempts(backends.azure_anthropic, after).length]).toEqual([200, 1]);
  });

  // Why a 529 was not retried before the seed catalog: the chart's model_info.id defaulted to the entry's
  // key, which equalled the public name. LiteLLM's router then takes the name for a deployment id
  // (Router.has_model_id), calls that one deployment and counts no healthy deployments to retry on.
  // The chart now refuses such an id; the config here is changed after rendering (withIdAsPublicName).
  it('Anthropic 529 once on a deployment whose model_info.id is its public name: not retried, the client gets 500', async () => {
    expect(modelId('claude-solo', 'anthropic/claude-haiku-4-5')).toBe('claude-solo');
    backends.azure_anthropic.failWith = { status: 529, times: 1 };
    const marker = `conformance-529-solo-${Date.now()}`;
    const response = await proxy.call('/v1/chat/completions', chatBody('claude-solo', marker));
    expect(response.status, response.text).toBe(500);
    expect(response.json.error.message).toContain('overloaded_error');
    expect(attempts(backends.azure_anthropic, marker)).toHaveLength(1);
  });
});

/**
 * Two requests to a public name whose first deployment fails: measured in LiteLLM 1.80.8, only the first
 * failure of a request counts towards allowedFails, and the router counts it before it decides the retry.
 * So the first request's retries all go to the deployment the weights pick (the client gets its error),
 * and the second request's failure trips allowedFails 1: cooled down, the retry goes to the other one.
 */
async function failOver(publicName: string, backend: FakeBackend) {
  const marker = `failover-${publicName}-${Date.now()}`;
  const first = await proxy.call('/v1/chat/completions', chatBody(publicName, `${marker}-first`));
  const second = await proxy.call('/v1/chat/completions', chatBody(publicName, `${marker}-second`));
  const sent = (suffix: string) => backend.requests.filter((request) => carries(request, `${marker}-${suffix}`));
  return { first, second, firstAttempts: sent('first'), secondAttempts: sent('second') };
}

describe('two deployments of one public name: failover and cooldown', () => {
  // simple-shuffle (the chart's default) weighs by the first deployment's rpm: the first of each pair
  // has one, the second none (weight 0), so the router picks the first whenever it is not cooled down.
  const eastId = seedCatalog.models.find((model) => model.id === 'gpt-4-1')!.info.id!;
  let cooledDownAt = 0;

  it('Azure 429 in one region: the first request is retried there at once (429); the second fails over to the other region (200)', async () => {
    const [east, east2] = [backends.azure_credential_us_east, backends.azure_credential_us_east2];
    east.failWith = { status: 429, retryAfterMs: 8000, deployment: 'gpt-4.1' };
    const { first, second, firstAttempts } = await failOver('gpt-4.1', east);
    cooledDownAt = Date.now();
    expect(first.status, first.text).toBe(429);
    // 1 + numRetries attempts, and no wait for retry-after's 8 s while another deployment is healthy.
    expect(firstAttempts).toHaveLength(3);
    expect(Math.max(...gaps(firstAttempts))).toBeLessThan(1000);
    expect(second.status, second.text).toBe(200);
    expect(second.json.choices[0].message.content).toBe('answer from azure_credential_us_east2');
    expect(east2.requests.filter((request) => request.deployment === 'gpt-4.1')).toHaveLength(1);
    // Cooled down, the failing region gets no request at all.
    const cooled = `cooled-${Date.now()}`;
    const responses = await sendSequentially(proxy, 3, (index) => chatBody('gpt-4.1', `${cooled}-${index}`));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect([attempts(east, cooled).length, attempts(east2, cooled).length]).toEqual([0, 3]);
    // The router's own state, as Prometheus sees it: the endpoint's series in partial outage (1, from
    // the failures), the cooldown's series in outage (2), and the other region untouched.
    expect(await cooldownShown(eastId)).toEqual({ [`${east.url}/openai`]: 1, 'https://api.openai.com': 2 });
    expect(await states('failover-east2')).toEqual({ [`${east2.url}/openai`]: 0 });
  });

  it('after retry-after\'s 8 s (not cooldownTime\'s 30) the region is picked again', async () => {
    const [east, east2] = [backends.azure_credential_us_east, backends.azure_credential_us_east2];
    await sleep(Math.max(0, cooledDownAt + 8500 - Date.now()));
    const back = `back-${Date.now()}`;
    expect((await proxy.call('/v1/chat/completions', chatBody('gpt-4.1', back))).status).toBe(200);
    expect([attempts(east, back).length, attempts(east2, back).length]).toEqual([1, 0]);
    expect(Date.now() - cooledDownAt).toBeLessThan(30_000);
    // Served again, the endpoint's series is healthy; the cooldown's stays at 2 (so the chart's
    // LiteLLMDeploymentOutage alert also requires recent failures of the deployment).
    expect(await states(eastId)).toEqual({ [`${east.url}/openai`]: 0, 'https://api.openai.com': 2 });
  });

  it('Anthropic 529 on one deployment: the first request is retried there (500); the second fails over to the other (200)', async () => {
    const anthropic = backends.azure_anthropic;
    anthropic.failWith = { status: 529, deployment: 'claude-haiku-4-5-20251001' };
    const { first, second, firstAttempts, secondAttempts } = await failOver('claude-pair', anthropic);
    expect(first.status, first.text).toBe(500);
    expect(first.json.error.message).toContain('overloaded_error');
    expect(firstAttempts.map((request) => request.body.model)).toEqual(Array(3).fill('claude-haiku-4-5-20251001'));
    expect(Math.max(...gaps(firstAttempts))).toBeLessThan(1000);
    expect(second.status, second.text).toBe(200);
    expect(secondAttempts.map((request) => request.body.model)).toEqual(['claude-haiku-4-5-20251001', 'claude-sonnet-4-5-20250929']);
    const shown = await cooldownShown('failover-claude-a');
    // For Anthropic the cooldown's series has an empty api_base.
    expect(shown).toEqual({ [`${anthropic.url}/anthropic/v1/messages`]: 1, '': 2 });
  });
});
