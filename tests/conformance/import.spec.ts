// An imported config in the real proxy (issue 14): tests/fixtures/import/01's LiteLLM config.yaml
// (OpenAI with a literal key and an os.environ key, a wildcard on a credential_list entry, an
// unprefixed Claude, Azure inline) goes through `importConfig`, the chart renders its values under
// both Helm majors, and the proxy runs what they render with each credential on a strict fake of its
// provider. /v1/models must list the input's names, and each deployment, called by its
// model_info.id (LiteLLM's router takes an id as a direct call to that deployment), must reach its
// provider's path with the key the input gave it.
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

const inputFile = join(repoRoot, 'tests/fixtures/import/01-openai-azure-anthropic.yaml');
const input = parse(readFileSync(inputFile, 'utf8'));
const imported = importConfig(readFileSync(inputFile, 'utf8'));
const values = imported.values as any;
// The os.environ/NAME keys of the input are the user's to put in the Secret; the test makes them up.
const environmentKeys = { OPENAI_API_KEY: 'sk-from-env-openai', ANTHROPIC_API_KEY: 'sk-ant-from-env', AZURE_API_KEY: 'azure-from-env' };
const secret = { name: values.secrets.existingSecret, data: { ...imported.secrets, ...environmentKeys, LITELLM_MASTER_KEY: masterKey, LITELLM_SALT_KEY: saltKey } };

/** Where each provider's apiBase ends: OpenAI's carries /v1, as its default does. */
const basePaths: Record<string, string> = { openai: '/v1' };
const enabledCredentials = Object.entries<any>(values.credentials).filter(([, credential]) => credential.enabled);

let backends: Record<string, FakeBackend>;
let proxy: LiteLLMProxy;
let renderedConfig: any;

beforeAll(async () => {
  backends = await startBackendsFor(enabledCredentials.map(([id, credential]) => ({ id, provider: credential.provider, basePath: basePaths[credential.provider] })));
  const credentials = Object.fromEntries(enabledCredentials.map(([id, credential]) => [id, { ...credential, apiBase: backends[id]!.apiBase }]));
  // Callbacks and alerting would call Langfuse and Slack, which are not here: the import carried them
  // (tests/chart/import.spec.ts checks that); this test is about the deployments.
  const { success_callback: _callbacks, ...settings } = values.litellm.settings ?? {};
  const { alerting: _alerting, ...generalSettings } = values.litellm.generalSettings ?? {};
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

/** The key each deployment of the input uses, as the provider's fake must receive it. */
function inputKey(entry: any): string {
  const fromCredential = input.credential_list?.find((credential: any) => credential.credential_name === entry.litellm_params.litellm_credential_name);
  const key: string = entry.litellm_params.api_key ?? fromCredential?.credential_values.api_key;
  return key.startsWith('os.environ/') ? environmentKeys[key.slice('os.environ/'.length) as keyof typeof environmentKeys] : key;
}

describe('an imported LiteLLM config.yaml in the real proxy', () => {
  it('lists the input\'s public names in /v1/models', async () => {
    const { status, json } = await proxy.call('/v1/models');
    expect(status).toBe(200);
    const names = json.data.map((model: { id: string }) => model.id);
    for (const entry of input.model_list) {
      if (!entry.model_name.includes('*')) expect(names).toContain(entry.model_name);
    }
  });

  it('sends each deployment to its provider\'s path with the key the input gave it', async () => {
    expect(renderedConfig.model_list).toHaveLength(input.model_list.length);
    for (const [index, entry] of input.model_list.entries()) {
      const { id } = imported.deployments.find((deployment) => deployment.path === `model_list[${index}]`)!;
      const backend = backends[values.models[id].credential]!;
      const deployment = renderedConfig.model_list.find((candidate: any) => candidate.model_info.id === (values.models[id].info.id ?? id));
      expect(deployment.model_name).toBe(entry.model_name);
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
      const key = inputKey(entry);
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
          expect(request!.path).toBe(`/openai/deployments/${entry.litellm_params.model.replace(/^azure\//, '')}/chat/completions`);
          expect(request!.query['api-version']).toBe(entry.litellm_params.api_version);
          expect(request!.headers['api-key']).toBe(key);
          break;
        default:
          throw new Error(`no expectation for provider ${backend.provider}`);
      }
    }
  });
});
