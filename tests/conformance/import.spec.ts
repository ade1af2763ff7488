// Imported configs in the real proxy (issue 14): a LiteLLM config.yaml goes through `importConfig`,
// the chart renders its values, and the proxy runs what they render with each credential on a strict
// fake of its provider. /v1/models must list the input's names, and each chat deployment, called by
// its model_info.id (LiteLLM's router takes an id as a direct call to that deployment), must reach its
// provider's path with the key the input gave it. `npm test` runs fixture 01 (OpenAI with a literal
// and an os.environ key, a wildcard on a credential_list entry, an unprefixed Claude, Azure inline);
// `npm run test:import-proxy` adds fixture 02 (Bedrock, Vertex, Gemini, Groq, Mistral, OpenRouter,
// vLLM, Ollama, Azure Entra), fixture 03 (official-chart values) and the seed's own model_list with its
// credential_list, one proxy each (about 5 minutes in all on two busy cores, hence opt-in).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importConfig } from '../../packages/catalog/src/index.ts';
import { repoRoot } from '../../tools/helm.ts';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackendsFor, stopBackends, unservedRequestsOf, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { chatBody, masterKey, saltKey } from '../../tools/conformance/scenario.ts';
import { testServiceAccount, type TestServiceAccount } from '../../tools/conformance/service-account.ts';

const fixture = (name: string) => readFileSync(join(repoRoot, 'tests/fixtures', name), 'utf8');
const inputs: [string, string][] = [
  ['import/01-openai-azure-anthropic.yaml', fixture('import/01-openai-azure-anthropic.yaml')],
  ...(process.env.LITELLM_STACK_IMPORT_PROXY === '1'
    ? [
        ['import/02-every-family.yaml', fixture('import/02-every-family.yaml')],
        ['import/03-official-chart-values.yaml', fixture('import/03-official-chart-values.yaml')],
        // With the seed's drop_params (its configmap's litellm_settings): its o3 carries `thinking`, which Azure refuses otherwise.
        ['the seed\'s model_list and credential_list', `${fixture('seed/model-list-c999e057.yaml')}${fixture('import/seed-credentials.yaml')}litellm_settings:\n  drop_params: true\n`],
      ] as [string, string][]
    : []),
];

/** Where each provider's apiBase ends: OpenAI's carries /v1, as its default does; vLLM's as fixture 02's api_base does. */
const basePaths: Record<string, string> = { openai: '/v1', hosted_vllm: '/v1' };
/**
 * The path of the public service's default api_base (docs/providers.md), which its fake serves under the
 * service's own full paths. A Vertex apiBase is the whole model URL (LiteLLM 1.80.8 appends only
 * `:generateContent`), so it is made per credential below.
 */
const servicePaths: Record<string, string> = { gemini: '/v1beta', groq: '/openai/v1', mistral: '/v1', openrouter: '/api/v1' };

/** A Vertex service account for the import's workload identity: its token_uri is the fake's, which verifies the JWT with the public half. */
let madeServiceAccount: TestServiceAccount | undefined;
/** Made on first use, so the inputs without Vertex (fixture 01 in `npm test`) pay nothing for it. */
const serviceAccount = () => (madeServiceAccount ??= testServiceAccount());

/**
 * An Azure credential with Entra ID (tenantId, clientId, clientSecret) cannot reach a fake: LiteLLM
 * 1.80.8 hands them to azure-identity's ClientSecretCredential without an authority, which then takes
 * AZURE_AUTHORITY_HOST but refuses any authority that is not https (normalize_authority), and MSAL runs
 * instance discovery against it. A local token endpoint would need TLS the proxy trusts: not faked. Its
 * deployments are listed in /v1/models, rendered and compared; they are not called.
 */
const usesEntraSecret = (credential: any) => credential.provider === 'azure' && credential.tenantId !== undefined && credential.secretKeys?.clientSecret !== undefined;

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
  const credentialsDir = mkdtempSync(join(tmpdir(), 'import-credentials-'));

  /** What each fake verifies: the keys the chart hands the pod, from the Secret (SigV4 is recomputed with them). */
  function authOf(credential: any): Record<string, string> {
    const fromSecret = (key: string | undefined) => (key === undefined ? undefined : (secret.data as Record<string, string>)[key]);
    const auth = {
      apiKey: fromSecret(credential.secretKeys?.apiKey),
      awsAccessKeyId: fromSecret(credential.secretKeys?.awsAccessKeyId),
      awsSecretAccessKey: fromSecret(credential.secretKeys?.awsSecretAccessKey),
      awsRegionName: credential.awsRegionName,
      ...(credential.provider === 'vertex_ai' ? serviceAccount().auth : {}),
    };
    return Object.fromEntries(Object.entries(auth).filter(([, value]) => value !== undefined)) as Record<string, string>;
  }

  /** The apiBase of a credential on its fake: a Vertex one names its (only) model's URL. */
  function apiBaseOf(id: string, credential: any): string {
    if (credential.provider !== 'vertex_ai') return `${backends[id]!.apiBase}${servicePaths[credential.provider] ?? ''}`;
    const models = Object.values<any>(values.models).filter((model) => model.enabled !== false && model.credential === id);
    if (models.length !== 1) throw new Error(`Vertex credential ${id} serves ${models.length} models; its apiBase can name one`);
    return `${backends[id]!.url}/v1/projects/${credential.vertexProject}/locations/${credential.vertexLocation}/publishers/google/models/${models[0].model.replace(/^vertex_ai\//, '')}`;
  }

  beforeAll(async () => {
    backends = await startBackendsFor(credentialEntries.map(([id, credential]) => ({ id, provider: credential.provider, basePath: basePaths[credential.provider], auth: authOf(credential) })));
    const credentials = Object.fromEntries(credentialEntries.map(([id, credential]) => [id, { ...credential, enabled: true, apiBase: apiBaseOf(id, credential) }]));
    // Callbacks and alerting would call Langfuse and Slack, which are not here: the import carried them
    // (tests/chart/import.spec.ts checks that); this test is about the deployments.
    const { success_callback: _callbacks, ...settings } = values.litellm?.settings ?? {};
    const { alerting: _alerting, ...generalSettings } = values.litellm?.generalSettings ?? {};
    const litellm = { ...values.litellm, settings, generalSettings };
    const proxyInput = await renderProxyInput({ values: { ...values, credentials, litellm } }, [secret]);
    renderedConfig = proxyInput.config;
    // A Vertex credential imported without vertex_credentials runs on workload identity, i.e. Google's
    // application default credentials; here ADC is a key file whose token_uri is the fake's.
    const vertex = credentialEntries.find(([, credential]) => credential.provider === 'vertex_ai');
    if (vertex) {
      if (vertex[1].secretKeys?.vertexCredentials) throw new Error('a Vertex key file from the Secret is families.spec.ts\'s case, not wired here');
      const keyFile = join(credentialsDir, 'application-default.json');
      writeFileSync(keyFile, serviceAccount().keyFile(vertex[1].vertexProject, `${backends[vertex[0]]!.url}/token`), { mode: 0o600 });
      proxyInput.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
    }
    proxy = await LiteLLMProxy.start(proxyInput);
  });

  afterEach(() => {
    expect(rejectionsOf(backends)).toEqual([]);
    expect(unservedRequestsOf(backends)).toEqual([]);
  });

  afterAll(async () => {
    await proxy?.stop();
    await stopBackends(backends);
    rmSync(credentialsDir, { recursive: true, force: true });
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

  it('sends each chat deployment to its provider\'s path with the credential the input gave it', async () => {
    expect(renderedConfig.model_list).toHaveLength(input.model_list.length);
    let called = 0;
    const notCalled: string[] = [];
    for (const [index, entry] of input.model_list.entries()) {
      const { id } = imported.deployments.find((deployment) => deployment.path === `${imported.deployments[0]!.path.replace(/model_list\[\d+\]$/, '')}model_list[${index}]`)!;
      const backend = backends[values.models[id].credential]!;
      const deployment = renderedConfig.model_list.find((candidate: any) => candidate.model_info.id === (values.models[id].info.id ?? id));
      expect(deployment.model_name).toBe(entry.model_name);
      // Embeddings, rerank, speech, images and realtime are other endpoints: the other conformance specs call them.
      if (deployment.model_info.mode !== 'chat') continue;
      if (usesEntraSecret(values.credentials[values.models[id].credential])) {
        notCalled.push(entry.model_name);
        continue;
      }
      called++;
      // A wildcard is called through one concrete name that no other deployment's litellm_params.model
      // is (LiteLLM's router sends `openai/gpt-4o-mini` to the deployment whose model is exactly that,
      // not to the wildcard: measured): its health_check_model if it has one; the rest by their deployment's id.
      const model = entry.model_name.includes('*') ? entry.model_info?.health_check_model ?? entry.model_name.replace('*', 'gpt-4.1-nano') : deployment.model_info.id;
      const upstreamModel = entry.litellm_params.model.replace(/^[^/]+\//, '');
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
        case 'bedrock': {
          // Converse, the model id URL-encoded (docs/providers.md); the fake recomputed the SigV4 signature with the input's keys and region.
          expect(request!.path).toBe(`/model/${encodeURIComponent(upstreamModel)}/converse`);
          const scope = `Credential=${inputParam(entry, 'aws_access_key_id')}/`;
          expect(request!.headers.authorization).toContain(scope);
          expect(request!.headers.authorization).toContain(`/${inputParam(entry, 'aws_region_name')}/bedrock/aws4_request`);
          break;
        }
        case 'gemini':
          expect(request!.path).toBe(`/v1beta/models/${upstreamModel}:generateContent`);
          expect(request!.headers['x-goog-api-key']).toBe(key);
          break;
        case 'vertex_ai':
          expect(request!.path).toBe(`/v1/projects/${inputParam(entry, 'vertex_project')}/locations/${inputParam(entry, 'vertex_location')}/publishers/google/models/${upstreamModel}:generateContent`);
          // A token the fake's token endpoint issued for the service account's signed JWT, and no other.
          expect(backend.issuedTokens).toContain(request!.headers.authorization!.slice('Bearer '.length));
          break;
        case 'groq':
        case 'mistral':
        case 'openrouter':
          expect(request!.path).toBe(`${servicePaths[backend.provider]}/chat/completions`);
          expect(request!.headers.authorization).toBe(`Bearer ${key}`);
          expect(request!.body.model).toBe(entry.model_name.includes('*') ? model.replace(/^[^/]+\//, '') : upstreamModel);
          break;
        case 'hosted_vllm':
          // The input's api_base path; no key given, so the fake (as vLLM without --api-key) takes any.
          expect(`${request!.path}`).toBe(`${new URL(inputParam(entry, 'api_base')).pathname}/chat/completions`);
          expect(request!.body.model).toBe(upstreamModel);
          break;
        case 'ollama_chat':
          expect(request!.path).toBe('/api/chat');
          expect(request!.body.model).toBe(upstreamModel);
          break;
        default:
          throw new Error(`no expectation for provider ${backend.provider}`);
      }
    }
    expect(called).toBeGreaterThan(0);
    // Only the Entra ID deployments are left uncalled (see usesEntraSecret).
    expect(notCalled).toEqual(input.model_list.filter((entry: any) => entry.litellm_params.client_secret !== undefined && entry.litellm_params.model.startsWith('azure/')).map((entry: any) => entry.model_name));
  });
});
