// Issue 14's provider families in the real proxy, each credential on a strict fake of its service
// (tools/conformance/validator/: the providers' official SDK types and auth): the chart renders the
// credentials and models under both Helm majors, one proxy runs them, and one chat request per
// deployment must reach its provider's path, authenticated with what the chart gave the pod, and be
// accepted. One proxy for the file.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackendsFor, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { bedrockAuth, chatBody, existingSecretName, existingSecretValues, testSecret } from '../../tools/conformance/scenario.ts';

const claude = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

/** The test's credentials: values (apiBase added per fake), the Secret keys they name, and what their fake verifies. */
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
} as const;
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
};

let backends: Record<CredentialId, FakeBackend>;
let proxy: LiteLLMProxy;

beforeAll(async () => {
  backends = await startBackendsFor(Object.entries(credentials).map(([id, credential]) => ({ id: id as CredentialId, provider: credential.values.provider, auth: credential.auth })));
  const values = {
    ...existingSecretValues,
    credentials: Object.fromEntries(Object.entries(credentials).map(([id, credential]) => [id, { enabled: true, ...credential.values, apiBase: backends[id as CredentialId].apiBase }])),
    // Public names differ from the ids (the chart refuses an id equal to a public name); one per deployment, so each is called alone.
    models: Object.fromEntries(Object.entries(deployments).map(([id, deployment]) => [id, { modelName: `${id}-public`, model: deployment.model, credential: deployment.credential, info: { mode: 'chat' } }])),
    litellm: { router: { numRetries: 0 } },
  };
  const secrets = Object.assign({}, ...Object.values(credentials).map((credential) => credential.secrets));
  proxy = await LiteLLMProxy.start(await renderProxyInput({ values }, [testSecret(existingSecretName, secrets)]));
});

afterEach(() => {
  expect(rejectionsOf(backends)).toEqual([]);
});

afterAll(async () => {
  await proxy?.stop();
  await stopBackends(backends);
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
