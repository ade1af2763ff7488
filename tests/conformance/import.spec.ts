// Imported configs in the real proxy (issue 14): a LiteLLM config.yaml goes through `importConfig`,
// the chart renders its values, and the proxy runs what they render with each credential on a strict
// fake of its provider. /v1/models must list the input's names, and each chat deployment, called by
// its model_info.id (LiteLLM's router takes an id as a direct call to that deployment), must reach its
// provider's path with the key the input gave it. `npm test` runs fixture 01 (OpenAI with a literal
// and an os.environ key, a wildcard on a credential_list entry, an unprefixed Claude, Azure inline);
// `npm run test:import-proxy` adds fixture 03 (official-chart values) and the seed's own model_list
// with its credential_list, one proxy each (about 140 s more on two cores, hence opt-in).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importConfig } from '../../packages/catalog/src/index.ts';
import { repoRoot } from '../../tools/helm.ts';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackendsFor, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { chatBody, masterKey, saltKey } from '../../tools/conformance/scenario.ts';

const fixture = (name: string) => readFileSync(join(repoRoot, 'tests/fixtures', name), 'utf8');
const inputs: [string, string][] = [
  ['import/01-openai-azure-anthropic.yaml', fixture('import/01-openai-azure-anthropic.yaml')],
  ...(process.env.LITELLM_STACK_IMPORT_PROXY === '1'
    ? [
        ['import/03-official-chart-values.yaml', fixture('import/03-official-chart-values.yaml')],
        // With the seed's drop_params (its configmap's litellm_settings): its o3 carries `thinking`, which Azure refuses otherwise.
        ['the seed\'s model_list and credential_list', `${fixture('seed/model-list-c999e057.yaml')}${fixture('import/seed-credentials.yaml')}litellm_settings:\n  drop_params: true\n`],
      ] as [string, string][]
    : []),
];

/** Where each provider's apiBase ends: OpenAI's carries /v1, as its default does. */
const basePaths: Record<string, string> = { openai: '/v1' };

describe.each(inputs)('%s, imported, in the real proxy', (_, text) => {
  const document = parse(text);
  const input = document.proxy_config ?? document;
  const imported = importConfig(text);
  const values = imported.values as any;
  // The os.environ/NAME values of the input are the user's to put in the Secret; the test makes them up.
  const environmentKeys: Record<string, string> = Object.fromEntries([...text.matchAll(/os\.environ\/([A-Za-z_][A-Za-z0-9_]*)/g)].map(([, name]) => [name!, `from-env-${name!.toLowerCase()}`]));
  const secret = { name: values.secrets.existingSecret, data: { ...environmentKeys, ...imported.secrets, LITELLM_MASTER_KEY: masterKey, LITELLM_SALT_KEY: saltKey } };
  // Credentials the import disabled for want of an endpoint (the seed's api_base: os.environ/…) get the fake's.
  const usedCredentials = new Set(Object.values<any>(values.models).filter((model) => model.enabled !== false).map((model) => model.credential));
  const credentialEntries = Object.entries<any>(values.credentials).filter(([id]) => usedCredentials.has(id));

  let backends: Record<string, FakeBackend>;
  let proxy: LiteLLMProxy;
  let renderedConfig: any;

  beforeAll(async () => {
    backends = await startBackendsFor(credentialEntries.map(([id, credential]) => ({ id, provider: credential.provider, basePath: basePaths[credential.provider] })));
    const credentials = Object.fromEntries(credentialEntries.map(([id, credential]) => [id, { ...credential, enabled: true, apiBase: backends[id]!.apiBase }]));
    // Callbacks and alerting would call Langfuse and Slack, which are not here: the import carried them
    // (tests/chart/import.spec.ts checks that); this test is about the deployments.
    const { success_callback: _callbacks, ...settings } = values.litellm?.settings ?? {};
    const { alerting: _alerting, ...generalSettings } = values.litellm?.generalSettings ?? {};
    const litellm = { ...values.litellm, settings, generalSettings };
    const proxyInput = await renderProxyInput({ values: { ...values, credentials, litellm } }, [secret]);
    renderedConfig = proxyInput.config;
    proxy = await LiteLLMProxy.start(proxyInput);
  });

  afterEach(() => {
    expect(rejectionsOf(backends)).toEqual([]);
  });

  afterAll(async () => {
    await proxy?.stop();
    await stopBackends(backends);
  });

  /** A value of a deployment's params, or of its credential_list entry where it leaves it unset. */
  function inputParam(entry: any, key: string): string {
    const fromCredential = input.credential_list?.find((credential: any) => credential.credential_name === entry.litellm_params.litellm_credential_name);
    const value: string = entry.litellm_params[key] ?? fromCredential?.credential_values[key];
    return value?.startsWith('os.environ/') ? environmentKeys[value.slice('os.environ/'.length)]! : value;
  }

  it('lists the input\'s public names in /v1/models', async () => {
    const { status, json } = await proxy.call('/v1/models');
    expect(status).toBe(200);
    const names = json.data.map((model: { id: string }) => model.id);
    for (const entry of input.model_list) {
      if (!entry.model_name.includes('*')) expect(names).toContain(entry.model_name);
    }
  });

  it('sends each chat deployment to its provider\'s path with the key the input gave it', async () => {
    expect(renderedConfig.model_list).toHaveLength(input.model_list.length);
    let called = 0;
    for (const [index, entry] of input.model_list.entries()) {
      const { id } = imported.deployments.find((deployment) => deployment.path === `${imported.deployments[0]!.path.replace(/model_list\[\d+\]$/, '')}model_list[${index}]`)!;
      const backend = backends[values.models[id].credential]!;
      const deployment = renderedConfig.model_list.find((candidate: any) => candidate.model_info.id === (values.models[id].info.id ?? id));
      expect(deployment.model_name).toBe(entry.model_name);
      // Embeddings, rerank, speech, images and realtime are other endpoints: the other conformance specs call them.
      if (deployment.model_info.mode !== 'chat') continue;
      called++;
      // A wildcard is called through one concrete name that no other deployment's litellm_params.model
      // is (LiteLLM's router sends `openai/gpt-4o-mini` to the deployment whose model is exactly that,
      // not to the wildcard: measured); the rest by their deployment's id.
      const model = entry.model_name.includes('*') ? entry.model_name.replace('*', 'gpt-4.1-nano') : deployment.model_info.id;
      const marker = `import-${index}-${Date.now()}`;
      const { status, text } = await proxy.call('/v1/chat/completions', chatBody(model, marker));
      expect(status, `${entry.model_name}: ${text}`).toBe(200);
      const received = backend.requests.filter((request) => JSON.stringify(request.body ?? '').includes(marker));
      const everywhere = Object.values(backends).flatMap((candidate) => candidate.requests.filter((request) => JSON.stringify(request.body ?? '').includes(marker)).map((request) => `${candidate.name} ${request.path} ${request.headers.authorization ?? ''}`));
      expect(received, `${entry.model_name} reached ${backend.name}; requests with the marker: ${JSON.stringify(everywhere)}`).toHaveLength(1);
      const [request] = received;
      const key = inputParam(entry, 'api_key');
      switch (backend.provider) {
        case 'openai':
          expect(request!.path).toBe('/v1/chat/completions');
          expect(request!.headers.authorization).toBe(`Bearer ${key}`);
          expect(request!.body.model).toBe(model.startsWith('openai/') ? model.slice('openai/'.length) : entry.litellm_params.model.replace(/^openai\//, ''));
          break;
        case 'anthropic':
          expect(request!.path).toBe('/v1/messages');
          expect(request!.headers['x-api-key']).toBe(key);
          break;
        case 'azure':
          // LiteLLM drops the o_series/ and gpt5_series/ routing prefixes from the deployment name it calls.
          expect(request!.path).toBe(`/openai/deployments/${entry.litellm_params.model.replace(/^azure\/((o_series|gpt5_series)\/)?/, '')}/chat/completions`);
          expect(request!.query['api-version']).toBe(inputParam(entry, 'api_version') ?? values.credentials[values.models[id].credential].apiVersion);
          expect(request!.headers['api-key']).toBe(key);
          break;
        default:
          throw new Error(`no expectation for provider ${backend.provider}`);
      }
    }
    expect(called).toBeGreaterThan(0);
  });
});
