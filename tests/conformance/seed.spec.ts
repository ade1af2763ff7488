// The seed catalog (ci/02-seed-full) in the real proxy: every credential pointed at a fake backend,
// one extra disabled credential, background health checks on so the disabled ones can be shown idle.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { seedCatalog } from '../../packages/catalog/src/index.ts';
import { chartDir } from '../../tools/helm.ts';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackends, stopBackends, type FakeBackend, type RecordedRequest } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { waitFor } from '../../tools/conformance/process.ts';
import { sendSequentially } from '../../tools/conformance/traffic.ts';
import { apiKeyFor, backendValues, chatBody, credentialOf, scenarioBasePaths, testSecret } from '../../tools/conformance/scenario.ts';
import { anthropicDefaultMaxTokens, carries, clientRequest, expectedUpstream, observedUpstream, requestableModes } from '../../tools/conformance/upstream.ts';

const scenario = parse(readFileSync(join(chartDir, 'ci', '02-seed-full.yaml'), 'utf8'));
const enabledCredentials = new Set(Object.entries(scenario.credentials).filter(([, c]: [string, any]) => c.enabled).map(([id]) => id));
// The seed gives no Claude deployment a thinking budget; the overlay below gives this one one.
const claudeThinking = { type: 'enabled', budgetTokens: 2048 } as const;
const enabledModels = seedCatalog.models
  .filter((model) => model.enabled !== false && enabledCredentials.has(model.credential))
  .map((model) => (model.id === 'claude-sonnet-4-5' ? { ...model, thinking: claudeThinking } : model));
const requestable = enabledModels.filter((model) => (requestableModes as readonly string[]).includes(model.info.mode));

// A credential the scenario leaves disabled, with a model on it: neither may reach the proxy.
const disabledOverlay = {
  credentials: {
    conformance_disabled: {
      enabled: false, provider: 'azure', apiBase: 'http://127.0.0.1:9', apiVersion: '2025-01-01-preview',
      secretKeys: { apiKey: 'CONFORMANCE_DISABLED_API_KEY' },
    },
  },
  models: {
    'disabled-probe': { modelName: 'disabled-probe', model: 'azure/disabled-probe', credential: 'conformance_disabled', info: { mode: 'chat' } },
    // Under the chart's default routing (simple-shuffle) this must turn out to be a weight, not a limit.
    'gpt-4-1-nano': { rpm: 2 },
    'claude-sonnet-4-5': { thinking: claudeThinking },
  },
};

let backends: Record<string, FakeBackend>;
let proxy: LiteLLMProxy;

const allRequests = (): Array<RecordedRequest & { backend: string }> =>
  Object.values(backends).flatMap((backend) => backend.requests.map((request) => ({ ...request, backend: backend.name })));

beforeAll(async () => {
  expect(enabledModels.length, 'ci/02-seed-full enables the whole seed catalog').toBe(seedCatalog.models.length);
  backends = await startBackends([...enabledCredentials], scenarioBasePaths('ci/02-seed-full.yaml'));
  const values = {
    ...disabledOverlay,
    credentials: { ...backendValues(backends).credentials, ...disabledOverlay.credentials },
    // Once at startup (the interval is far beyond the test), so the test can see which deployments it probes.
    litellm: { backgroundHealthChecks: true, healthCheckInterval: 3600 },
  };
  const input = await renderProxyInput({ files: ['ci/02-seed-full.yaml'], values }, [testSecret('litellm-secrets')]);
  proxy = await LiteLLMProxy.start(input);
  console.log(`[conformance] seed catalog (${enabledModels.length} deployments): ready in ${proxy.startupMs} ms`);
});

afterAll(async () => {
  await proxy?.stop();
  await stopBackends(backends);
});

afterEach(() => {
  expect(rejectionsOf(backends)).toEqual([]);
});

describe('02-seed-full in LiteLLM', () => {
  it('is alive and ready', async () => {
    expect((await fetch(`${proxy.url}/health/liveliness`)).status).toBe(200);
    const readiness = await proxy.call('/health/readiness');
    expect(readiness.status).toBe(200);
    expect(readiness.json.status).toBe('healthy');
  });

  it('lists exactly the enabled deployments\' public names to the master key, and none of a disabled credential', async () => {
    const models = await proxy.call('/v1/models');
    expect(models.status).toBe(200);
    const listed = models.json.data.map((entry: { id: string }) => entry.id).sort();
    expect(listed).toEqual([...new Set(enabledModels.map((model) => model.modelName))].sort());
    expect(listed).not.toContain('disabled-probe');
    expect(listed).toEqual(expect.arrayContaining(['gpt-realtime', 'gpt-realtime-mini', 'gpt-audio', 'gpt-audio-mini']));
  });

  // Access groups restrict virtual keys and teams, which live in the database; the suite has none, and the
  // master key reaches every model. What can be shown without one: LiteLLM holds each deployment's
  // groups, id and base model as the seed wrote them (docs/conformance.md).
  it('holds the seed\'s model_info ids, access groups and base models for every deployment (/model/info)', async () => {
    const info = await proxy.call('/v1/model/info');
    expect(info.status).toBe(200);
    const byId = new Map(info.json.data.map((entry: any) => [entry.model_info.id, entry.model_info]));
    for (const model of enabledModels) {
      expect(byId.get(model.info.id ?? model.id), model.id).toMatchObject({
        ...(model.info.accessGroups ? { access_groups: model.info.accessGroups } : {}),
        ...(model.info.baseModel ? { base_model: model.info.baseModel } : {}),
      });
    }
  });

  it('answers 401 without a key, and refuses a wrong key', async () => {
    const none = await fetch(`${proxy.url}/v1/models`);
    expect(none.status).toBe(401);
    // Without a database LiteLLM cannot look a non-master key up: it refuses with 400 no_db_connection.
    const wrong = await proxy.call('/v1/models', undefined, 'sk-wrong-key-0123456789abcdef0123');
    expect([wrong.status, wrong.json?.error?.type]).toEqual([400, 'no_db_connection']);
    const marker = `conformance-wrong-key-${Date.now()}`;
    expect((await proxy.call('/v1/chat/completions', chatBody('gpt-4.1', marker), 'sk-wrong')).status).toBe(400);
    expect(allRequests().filter((recorded) => carries(recorded, marker))).toEqual([]);
  });

  it.each(requestable.map((model) => [model.id, model.info.mode, model] as const))(
    '%s (%s): one request reaches the backend at the right path, deployment, api-version and key',
    async (id, mode, model) => {
      const marker = `conformance-${id}-${Date.now()}`;
      const request = clientRequest(mode, model.modelName, marker);
      const response = await proxy.call(request.path, request.body);
      expect(response.status, response.text).toBe(200);
      const credential = credentialOf(model.credential);
      const upstream = allRequests().filter((recorded) => carries(recorded, marker));
      expect(upstream.map((recorded) => recorded.backend)).toEqual([credential.id]);
      const expected = expectedUpstream(model, credential, apiKeyFor(credential));
      expect(observedUpstream(upstream[0]!, expected)).toEqual(expected);
      // Cost tracking: a base model LiteLLM's bundled cost map prices gives the request a cost.
      const cost = Number(response.headers.get('x-litellm-response-cost'));
      if (model.info.baseModel !== undefined && !model.info.unpricedBaseModel && model.info.mode !== 'image_generation') expect(cost).toBeGreaterThan(0);
      if (model.info.unpricedBaseModel) expect(cost).toBe(0);
    },
  );

  it('the fake Anthropic backend receives the thinking budget and cache_control on the system message (and LiteLLM\'s max_tokens, not the deployment\'s cap)', async () => {
    const marker = `conformance-claude-${Date.now()}`;
    const response = await proxy.call('/v1/chat/completions', {
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'system', content: `answer briefly ${marker}` }, { role: 'user', content: marker }],
    });
    expect(response.status, response.text).toBe(200);
    const upstream = backends.azure_anthropic!.requests.filter((recorded) => carries(recorded, marker));
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.body).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: claudeThinking.budgetTokens },
      // Not the deployment's max_completion_tokens (16384): see anthropicMaxTokens.
      max_tokens: claudeThinking.budgetTokens + anthropicDefaultMaxTokens,
      system: [{ type: 'text', text: `answer briefly ${marker}`, cache_control: { type: 'ephemeral' } }],
    });
  });

  // One per provider family that streams chat: Azure OpenAI's chunks and Anthropic's events, through the proxy's OpenAI stream.
  it.each([['gpt-4.1', 'azure_credential_us_east'], ['claude-sonnet-4-5', 'azure_anthropic']])(
    '%s streams: the provider gets stream: true and its events reach the client as OpenAI chunks ending in [DONE]',
    async (modelName, backend) => {
      const marker = `conformance-stream-${modelName}-${Date.now()}`;
      const response = await proxy.call('/v1/chat/completions', { ...chatBody(modelName, marker), stream: true });
      expect(response.status, response.text).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const data = response.text.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice('data: '.length));
      expect(data.at(-1)).toBe('[DONE]');
      const chunks = data.slice(0, -1).map((line) => JSON.parse(line));
      expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
      expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe(`answer from ${backend}`);
      expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason).filter(Boolean)).toEqual(['stop']);
      const upstream = allRequests().filter((recorded) => carries(recorded, marker));
      expect(upstream.map((recorded) => [recorded.backend, recorded.body.stream])).toEqual([[backend, true]]);
    },
  );

  it('does not enforce rpm under the default simple-shuffle routing (only usage-based-routing-v2 does, see router.spec.ts)', async () => {
    expect(proxy.config.router_settings.routing_strategy).toBe('simple-shuffle');
    const marker = `conformance-rpm-${Date.now()}`;
    const responses = await sendSequentially(proxy, 4, (index) => chatBody('gpt-4.1-nano', `${marker}-${index}`));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(allRequests().filter((recorded) => carries(recorded, marker))).toHaveLength(4);
  });

  it('runs background health checks only at deployments that allow them (never at realtime, audio or Azure AI embeddings)', async () => {
    // With background checks on, /health returns the last background run; wait for the first one.
    await waitFor('the first background health check', 60_000, async () => {
      const health = await proxy.call('/health');
      return health.status === 200 && health.json.healthy_count + health.json.unhealthy_count > 0;
    });
    const probed = new Set(allRequests().filter((recorded) => !recorded.body || !JSON.stringify(recorded.body).includes('conformance-'))
      .map((recorded) => recorded.deployment ?? `${recorded.backend}:${recorded.body?.model}`));
    const checkable = enabledModels.filter((model) => !model.info.disableBackgroundHealthCheck);
    const skipped = enabledModels.filter((model) => model.info.disableBackgroundHealthCheck);
    expect(skipped.map((model) => model.id).sort()).toEqual(['cohere-embed-v-4-0', 'gpt-audio', 'gpt-audio-mini', 'gpt-realtime', 'gpt-realtime-mini']);
    const name = (model: (typeof enabledModels)[number]) =>
      model.model.startsWith('azure/') ? model.model.slice('azure/'.length).replace('gpt5_series/', '') : `${model.credential}:${model.model.split('/')[1]}`;
    expect([...probed].sort()).toEqual(checkable.map(name).sort());
  });
});
