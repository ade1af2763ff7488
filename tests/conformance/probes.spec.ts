// Requests LiteLLM accepts from a client that the real providers refuse: each is sent through the real
// proxy (ci/02-seed-full) and must be refused by the strict fake with the provider's error and rule,
// or be blocked (or repaired) by the proxy itself before any upstream call; which one is pinned here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackends, stopBackends, type FakeBackend, type RecordedRequest } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { backendValues, scenarioBasePaths, testSecret } from '../../tools/conformance/scenario.ts';
import { carries } from '../../tools/conformance/upstream.ts';
import { tryRender } from '../support/chart.ts';
import { seedCatalog, type ModelDeployment } from '../../packages/catalog/src/index.ts';

const scenario = 'ci/02-seed-full.yaml';

// o3 deployed on Azure under names that do not say so: LiteLLM decides "o-series" from the deployment
// name ("o1"/"o3"/"o4" in it, or its `o_series/` marker), Azure from the model the deployment runs.
const hiddenO3 = (id: string, deployment: string): ModelDeployment => ({
  id, modelName: id, model: `azure/${deployment}`, credential: 'azure_credential_us_east',
  info: { mode: 'chat', id: `${id}-deployment`, baseModel: 'azure/us/o3-2025-04-16' },
});
const ownDeployments = [hiddenO3('reasoning-prod', 'reasoning-prod'), hiddenO3('reasoning-marked', 'o_series/reasoning-marked')];
const ids = ['azure_credential_us_east', 'azure_credential_us_east2', 'azure_anthropic', 'azure_ai_cohere_embed', 'azure_ai_cohere_rerank'] as const;

let backends: Record<(typeof ids)[number], FakeBackend>;
let proxy: LiteLLMProxy;

beforeAll(async () => {
  backends = await startBackends(ids, scenarioBasePaths(scenario));
  backends.azure_credential_us_east.deployments = [...seedCatalog.models, ...ownDeployments];
  // The probes send what a client sends: without ci/02's deployment caps (they replace a client's
  // max_tokens) and without its drop_params (it drops what LiteLLM would otherwise refuse).
  const values = {
    ...backendValues(backends),
    models: {
      'claude-sonnet-4-5': { maxCompletionTokens: null }, 'gpt-5-mini': { maxCompletionTokens: null },
      ...Object.fromEntries(ownDeployments.map(({ id, ...model }) => [id, model])),
    },
    litellm: { settings: { drop_params: false } },
  };
  const secret = testSecret('litellm-secrets');
  proxy = await LiteLLMProxy.start(await renderProxyInput({ files: [scenario], values }, [secret]));
});

afterAll(async () => {
  await proxy?.stop();
  await stopBackends(backends);
});

afterEach(() => {
  expect(rejectionsOf(backends)).toEqual([]);
});

/** Sends one marked request; returns the proxy's answer, what reached upstream, and the refusals it caused. */
async function probe(path: string, body: Record<string, unknown>) {
  const marker = `probe-${Date.now()}-${Math.random()}`;
  const tagged = 'messages' in body
    ? { ...body, messages: [{ role: 'user', content: marker }, ...(body.messages as object[])] }
    : 'query' in body ? { ...body, query: marker } : 'prompt' in body ? { ...body, prompt: marker } : { ...body, input: [marker] };
  const response = await proxy.call(path, tagged);
  const upstream = Object.values(backends).flatMap((backend) => backend.requests.filter((request) => carries(request, marker)));
  const refused = rejectionsOf(backends).filter((rejection) => upstream.some((request: RecordedRequest) => request.path === rejection.path));
  return { status: response.status, text: response.text, upstream, rules: refused.map((rejection) => rejection.rule) };
}

describe('accepted by LiteLLM, refused by the provider', () => {
  it('dimensions to text-embedding-ada-002 (only text-embedding-3 and later)', async () => {
    const result = await probe('/v1/embeddings', { model: 'text-embedding-ada-002', dimensions: 256 });
    expect(result.upstream.length, result.text).toBeGreaterThan(0);
    expect(result.rules).toContain('embeddings:dimensions');
    expect(result.status).toBe(400);
  });

  it('Anthropic thinking with budget_tokens at max_tokens', async () => {
    const result = await probe('/v1/chat/completions', { model: 'claude-sonnet-4-5', max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: [] });
    expect(result.upstream.length, result.text).toBeGreaterThan(0);
    expect(result.rules).toContain('thinking:budget-below-max-tokens');
    expect(result.status).toBe(400);
  });

  it('Anthropic thinking with a temperature', async () => {
    const result = await probe('/v1/chat/completions', { model: 'claude-sonnet-4-5', max_tokens: 4096, temperature: 0.2, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [] });
    expect(result.upstream.length, result.text).toBeGreaterThan(0);
    expect(result.rules).toContain('thinking:temperature');
    expect(result.status).toBe(400);
  });

  it('more than 4 cache_control breakpoints to Anthropic', async () => {
    const block = (text: string) => ({ type: 'text', text, cache_control: { type: 'ephemeral' } });
    const messages = [{ role: 'user', content: [1, 2, 3, 4, 5].map((index) => block(`part ${index}`)) }];
    const result = await probe('/v1/chat/completions', { model: 'claude-haiku-4-5', max_tokens: 256, messages });
    expect(result.upstream.length, result.text).toBeGreaterThan(0);
    expect(result.rules).toContain('cache_control:max-4');
    expect(result.status).toBe(400);
  });

  it('Cohere v2 rerank with return_documents', async () => {
    const result = await probe('/v1/rerank', { model: 'cohere-rerank-v3.5', query: '', documents: ['a', 'b'], return_documents: true });
    expect(result.upstream.length, result.text).toBeGreaterThan(0);
    expect(result.rules).toContain('sdk:cohere.V2Client.rerank');
    expect(result.status).toBe(400);
  });

  it('Cohere v2 rerank with documents given as objects', async () => {
    const result = await probe('/v1/rerank', { model: 'cohere-rerank-v3.5', query: '', documents: [{ text: 'a' }, { text: 'b' }] });
    expect(result.upstream.length, result.text).toBeGreaterThan(0);
    expect(result.rules).toContain('sdk:cohere.V2Client.rerank');
    expect(result.status).toBe(400);
  });

  // The reasoning rules: "reasoning" is LiteLLM's own cost map's supports_reasoning for the deployment's
  // base model (validator/cost_map.py), so they hold for every deployment, whatever its name. LiteLLM
  // 1.80.8 takes any Azure 400 with "invalid_request_error" for a ContentPolicyViolationError and
  // retries it: every attempt is the same request, and every one is refused.
  it('max_tokens to o3 deployed as "reasoning-prod": passed through unchanged, refused by Azure', async () => {
    const result = await probe('/v1/chat/completions', { model: 'reasoning-prod', max_tokens: 100, messages: [] });
    expect(result.upstream.length, result.text).toBeGreaterThan(0);
    expect(new Set(result.upstream.map((request) => JSON.stringify([request.deployment, request.body.max_tokens])))).toEqual(new Set([JSON.stringify(['reasoning-prod', 100])]));
    expect(result.rules).toEqual(result.upstream.map(() => 'reasoning:max_tokens'));
    expect(result.status).toBe(400);
    expect(result.text).toContain('ContentPolicyViolationError');
  });

  it('a non-default temperature to o3 deployed as "reasoning-prod": passed through, refused by Azure', async () => {
    const result = await probe('/v1/chat/completions', { model: 'reasoning-prod', temperature: 0.2, messages: [] });
    expect(result.upstream.length, result.text).toBeGreaterThan(0);
    expect(new Set(result.upstream.map((request) => request.body.temperature))).toEqual(new Set([0.2]));
    expect(result.rules).toEqual(result.upstream.map(() => 'reasoning:temperature'));
    expect(result.status).toBe(400);
  });
});

describe('repaired or blocked by LiteLLM before the provider', () => {
  // A user who copies the portal's ".../openai" endpoint into apiBase: the Azure client appends
  // /openai/deployments/… again, and the service serves /openai/deployments/… only.
  it('a doubled /openai path prefix: the chart refuses the apiBase, and the service answers such a path 404', async () => {
    const doubled = {
      enabled: true, provider: 'azure', apiBase: `${backends.azure_credential_us_east.url}/openai`, apiVersion: '2025-01-01-preview',
      secretKeys: { apiKey: 'CONFORMANCE_DOUBLED_PREFIX_API_KEY' },
    };
    const refused = await tryRender('helm3', { files: [scenario], values: { credentials: { ...backendValues(backends).credentials, conformance_doubled_prefix: doubled } } });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('credentials.conformance_doubled_prefix.apiBase: ');
    const response = await fetch(`${backends.azure_credential_us_east.url}/openai/openai/deployments/gpt-4.1-nano/chat/completions?api-version=2025-01-01-preview`, {
      method: 'POST', headers: { 'api-key': 'key', 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(404);
  });

  it('gpt-image-1 with response_format: LiteLLM refuses it (UnsupportedParamsError) unless drop_params', async () => {
    const result = await probe('/v1/images/generations', { model: 'gpt-image-1', prompt: '', response_format: 'b64_json' });
    expect([result.status, result.upstream.length]).toEqual([400, 0]);
    expect(result.text).toContain('UnsupportedParamsError');
  });

  it('max_tokens to a reasoning model (gpt-5-mini) reaches Azure as max_completion_tokens', async () => {
    const result = await probe('/v1/chat/completions', { model: 'gpt-5-mini', max_tokens: 100, messages: [] });
    expect(result.status, result.text).toBe(200);
    expect(result.upstream.map((request) => [request.body.max_tokens, request.body.max_completion_tokens])).toEqual([[undefined, 100]]);
  });

  it('max_tokens to o3 deployed as "o_series/reasoning-marked": LiteLLM\'s marker makes it max_completion_tokens', async () => {
    const result = await probe('/v1/chat/completions', { model: 'reasoning-marked', max_tokens: 100, messages: [] });
    expect(result.status, result.text).toBe(200);
    expect(result.upstream.map((request) => [request.deployment, request.body.max_tokens, request.body.max_completion_tokens])).toEqual([['reasoning-marked', undefined, 100]]);
  });

  it('a non-default temperature to a reasoning model (gpt-5-mini): LiteLLM refuses it (UnsupportedParamsError)', async () => {
    const result = await probe('/v1/chat/completions', { model: 'gpt-5-mini', temperature: 0.2, messages: [] });
    expect([result.status, result.upstream.length]).toEqual([400, 0]);
    expect(result.text).toContain('UnsupportedParamsError');
  });
});
