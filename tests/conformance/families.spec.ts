// Issue 14's provider families in the real proxy, each credential on a strict fake of its service
// (tools/conformance/validator/: the providers' official SDK types and auth): the chart renders the
// credentials and models under both Helm majors, one proxy runs them, and one chat request per
// deployment must reach its provider's path, authenticated with what the chart gave the pod, and be
// accepted. One proxy for the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { credentialFilesDir } from '../../packages/catalog/src/index.ts';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackendsFor, stopBackends, unservedRequestsOf, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { bedrockAuth, chatBody, existingSecretName, existingSecretValues, testSecret } from '../../tools/conformance/scenario.ts';
import { testServiceAccount } from '../../tools/conformance/service-account.ts';

const claude = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const vertexModelPath = '/v1/projects/contoso-ai/locations/us-central1/publishers/google/models/gemini-2.5-flash';
// The Vertex service account: its fake verifies the token request's JWT with the public half.
const serviceAccount = testServiceAccount();

/** A provider with an API key from the Secret, on the path its public service serves. */
function keyed<P extends string>(provider: P, secretKey: string, apiPath: string) {
  const key = `${provider}-key-for-the-test`;
  return { [provider]: { values: { provider, secretKeys: { apiKey: secretKey } }, secrets: { [secretKey]: key }, auth: { apiKey: key }, apiPath } } as Record<P, {
    values: { provider: P; secretKeys: { apiKey: string } }; secrets: Record<string, string>; auth: { apiKey: string }; apiPath: string;
  }>;
}

/**
 * The test's credentials: values (apiBase: the fake's URL and `apiPath`), the Secret keys they name,
 * and what their fake verifies. LiteLLM 1.80.8 appends `/models/<model>:generateContent` to a Gemini
 * api_base, but only `:generateContent` to a Vertex one, whose api_base must be the model's whole URL.
 */
const credentials = {
  bedrock: {
    values: { provider: 'bedrock', awsRegionName: bedrockAuth.awsRegionName, secretKeys: { awsAccessKeyId: 'BEDROCK_ACCESS_KEY_ID', awsSecretAccessKey: 'BEDROCK_SECRET_ACCESS_KEY' } },
    secrets: { BEDROCK_ACCESS_KEY_ID: bedrockAuth.awsAccessKeyId, BEDROCK_SECRET_ACCESS_KEY: bedrockAuth.awsSecretAccessKey },
    auth: bedrockAuth,
  },
  // The same keys, but the chart says another region than the account's endpoint serves: SigV4 must fail.
  bedrock_wrong_region: {
    values: { provider: 'bedrock', awsRegionName: 'eu-west-1', secretKeys: { awsAccessKeyId: 'BEDROCK_ACCESS_KEY_ID', awsSecretAccessKey: 'BEDROCK_SECRET_ACCESS_KEY' } },
    secrets: {},
    auth: bedrockAuth,
  },
  gemini: {
    values: { provider: 'gemini', secretKeys: { apiKey: 'GEMINI_API_KEY' } },
    secrets: { GEMINI_API_KEY: 'gemini-key-for-the-test' },
    auth: { apiKey: 'gemini-key-for-the-test' },
    apiPath: '/v1beta',
  },
  vertex: {
    values: { provider: 'vertex_ai', vertexProject: 'contoso-ai', vertexLocation: 'us-central1', secretKeys: { vertexCredentials: 'VERTEX_SERVICE_ACCOUNT_JSON' } },
    secrets: {},
    auth: serviceAccount.auth,
    apiPath: vertexModelPath,
  },
  ...keyed('groq', 'GROQ_API_KEY', '/openai/v1'),
  ...keyed('mistral', 'MISTRAL_API_KEY', '/v1'),
  ...keyed('openrouter', 'OPENROUTER_API_KEY', '/api/v1'),
  // vLLM under the apiBase a user gives it (…/v1), started with --api-key.
  vllm: { ...keyed('hosted_vllm', 'VLLM_API_KEY', '').hosted_vllm, basePath: '/v1' },
  ollama: { values: { provider: 'ollama' }, secrets: {}, auth: {} },
  ollama_chat: { values: { provider: 'ollama_chat' }, secrets: {}, auth: {} },
} as const satisfies Record<string, { values: object; secrets: object; auth: Record<string, string>; apiPath?: string; basePath?: string }>;
type CredentialId = keyof typeof credentials;

/**
 * Each deployment (values key: its id), its credential, and the path its request must take. LiteLLM
 * 1.80.8 URL-encodes the Bedrock model id on Converse (`%3A`) but not on InvokeModel (`:`, as the
 * anthropic SDK's Bedrock client sends it too); both are signed as sent.
 */
const deployments: Record<string, { credential: CredentialId; model: string; path: string }> = {
  'bedrock-converse': { credential: 'bedrock', model: `bedrock/${claude}`, path: `/model/${encodeURIComponent(claude)}/converse` },
  'bedrock-invoke': { credential: 'bedrock', model: `bedrock/invoke/${claude}`, path: `/model/${claude}/invoke` },
  'bedrock-wrong-region': { credential: 'bedrock_wrong_region', model: `bedrock/${claude}`, path: `/model/${encodeURIComponent(claude)}/converse` },
  'gemini-flash': { credential: 'gemini', model: 'gemini/gemini-2.5-flash', path: '/v1beta/models/gemini-2.5-flash:generateContent' },
  'vertex-flash': { credential: 'vertex', model: 'vertex_ai/gemini-2.5-flash', path: `${vertexModelPath}:generateContent` },
  'groq-llama': { credential: 'groq', model: 'groq/llama-3.3-70b-versatile', path: '/openai/v1/chat/completions' },
  'mistral-small': { credential: 'mistral', model: 'mistral/mistral-small-latest', path: '/v1/chat/completions' },
  'openrouter-claude': { credential: 'openrouter', model: 'openrouter/anthropic/claude-sonnet-4.5', path: '/api/v1/chat/completions' },
  'vllm-qwen': { credential: 'vllm', model: 'hosted_vllm/Qwen/Qwen3-32B', path: '/v1/chat/completions' },
  'ollama-generate': { credential: 'ollama', model: 'ollama/llama3.2', path: '/api/generate' },
  'ollama-chat': { credential: 'ollama_chat', model: 'ollama_chat/llama3.2', path: '/api/chat' },
};

let backends: Record<CredentialId, FakeBackend>;
let proxy: LiteLLMProxy;
/** Where the Vertex key file lives here (a pod has it at the chart's mount path). */
const credentialsDir = mkdtempSync(join(tmpdir(), 'families-credentials-'));

beforeAll(async () => {
  backends = await startBackendsFor(Object.entries(credentials).map(([id, credential]) => ({
    id: id as CredentialId, provider: credential.values.provider, auth: credential.auth, basePath: 'basePath' in credential ? credential.basePath : undefined,
  })));
  const apiPath = (credential: object) => ('apiPath' in credential ? credential.apiPath : '');
  const values = {
    ...existingSecretValues,
    credentials: Object.fromEntries(Object.entries(credentials).map(([id, credential]) => [id, { enabled: true, ...credential.values, apiBase: `${backends[id as CredentialId].apiBase}${apiPath(credential)}` }])),
    // Public names differ from the ids (the chart refuses an id equal to a public name); one per deployment, so each is called alone.
    models: Object.fromEntries(Object.entries(deployments).map(([id, deployment]) => [id, { modelName: `${id}-public`, model: deployment.model, credential: deployment.credential, info: { mode: 'chat' } }])),
    litellm: { router: { numRetries: 0 } },
  };
  const secrets = Object.assign({}, ...Object.values(credentials).map((credential) => credential.secrets));
  const input = await renderProxyInput({ values }, [testSecret(existingSecretName, secrets)]);
  // The chart mounts the key file from the Secret (tests/chart/providers.spec.ts); here it is written where the config names it.
  const vertexCredential = input.config.credential_list.find((credential: { credential_name: string }) => credential.credential_name === 'vertex').credential_values;
  expect(vertexCredential.vertex_credentials).toBe(`${credentialFilesDir}/vertex/vertexCredentials`);
  vertexCredential.vertex_credentials = join(credentialsDir, 'vertexCredentials');
  // The service account's token_uri points at its fake (as it would at Google's token endpoint).
  writeFileSync(vertexCredential.vertex_credentials, serviceAccount.keyFile(credentials.vertex.values.vertexProject, `${backends.vertex.url}/token`), { mode: 0o600 });
  proxy = await LiteLLMProxy.start(input);
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

/** Sends one chat request for the deployment and returns the proxy's answer and what its fake received. */
async function callDeployment(id: string) {
  const marker = `${id}-${Date.now()}`;
  const response = await proxy.call('/v1/chat/completions', chatBody(`${id}-public`, marker));
  const received = backends[deployments[id]!.credential].requests.filter((request) => JSON.stringify(request.body ?? '').includes(marker));
  return { ...response, received };
}

describe('issue 14\'s provider families through the real proxy, each on its strict fake', () => {
  it.each(Object.keys(deployments).filter((id) => id !== 'bedrock-wrong-region'))('%s reaches its path, authenticated, and is accepted', async (id) => {
    const { status, text, json, received } = await callDeployment(id);
    expect(status, text).toBe(200);
    expect(received.map((request) => request.path)).toEqual([deployments[id]!.path]);
    expect(json.choices[0].message.content).toBe(`answer from ${deployments[id]!.credential}`);
  });

  it('Bedrock: a region the account does not sign for is refused by the fake (SigV4 scope), and the proxy fails the call', async () => {
    const { status, received } = await callDeployment('bedrock-wrong-region');
    expect(status).not.toBe(200);
    expect(received.map((request) => request.rejection?.rule)).toEqual(['bedrock:sigv4-region']);
    expect(received[0]!.headers.authorization).toContain(`/eu-west-1/bedrock/aws4_request`);
    expect(rejectionsOf(backends).map((rejection) => rejection.body)).toEqual([{ message: "Credential should be scoped to a valid region, not 'eu-west-1'. " }]);
  });
});

describe('authentication as each service checks it', () => {
  it('Gemini: the key from the Secret in x-goog-api-key (LiteLLM\'s header with an api_base), none in the query', async () => {
    const { received } = await callDeployment('gemini-flash');
    expect(received[0]!.headers['x-goog-api-key']).toBe(credentials.gemini.auth.apiKey);
    expect(received[0]!.query).toEqual({});
  });

  it('Vertex: a token from the service account\'s token_uri (JWT signed with its key, verified by google-auth), then generateContent with it', async () => {
    const { received } = await callDeployment('vertex-flash');
    const tokenRequests = backends.vertex.requests.filter((request) => request.kind === 'vertex-token');
    expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
    expect(tokenRequests.every((request) => !request.rejection)).toBe(true);
    expect(backends.vertex.issuedTokens).toContain(received[0]!.headers.authorization!.slice('Bearer '.length));
  });
});
