// The fake providers' validator alone (no proxy): each rule refuses what it names, with the provider's
// status and error shape, and lets the well-formed request through. The SDK types are the oracle.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog, type ModelDeployment } from '../../packages/catalog/src/index.ts';
import { bedrockAuth } from '../../tools/conformance/scenario.ts';
import { profileFor, ProviderValidator, type ValidationRequest } from '../../tools/conformance/validator.ts';

let validator: ProviderValidator;
beforeAll(async () => {
  validator = await ProviderValidator.start();
});
afterAll(async () => {
  await validator?.stop();
});

const azureQuery = { 'api-version': '2025-04-01-preview' };
const anthropicHeaders = { 'anthropic-version': '2023-06-01' };
const chat = { messages: [{ role: 'user', content: 'hi' }] };
const claude = { model: 'claude-sonnet-4-5', max_tokens: 4096, messages: [{ role: 'user', content: 'hi' }] };
const cached = { type: 'text', text: 'x', cache_control: { type: 'ephemeral' } };

// A deployment whose name hides its model (LiteLLM decides "o-series" from the name; Azure from the model).
const hiddenO3: ModelDeployment = {
  id: 'reasoning-prod', modelName: 'reasoning-prod', model: 'azure/reasoning-prod', credential: 'azure_credential_us_east',
  info: { mode: 'chat', baseModel: 'azure/us/o3-2025-04-16' },
};
const models = [...seedCatalog.models, hiddenO3];

function request(kind: string, name: string, body: unknown, extra: Partial<ValidationRequest> = {}): ValidationRequest {
  const azure = kind.startsWith('azure-') && kind !== 'azure-ai-embeddings';
  return {
    kind, path: '/', query: azure ? azureQuery : {}, headers: kind === 'anthropic-messages' ? anthropicHeaders : {}, body,
    deployment: azure ? name : null, profile: profileFor(models, name), ...extra,
  };
}

const geminiBody = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], generationConfig: { temperature: 0.2, maxOutputTokens: 10 } };
const gemini = (body: unknown, headers: Record<string, string> = { 'x-goog-api-key': 'gemini-key' }, query: Record<string, string> = {}) =>
  request('gemini-generate', 'gemini-2.5-flash', body, { headers, query, auth: { apiKey: 'gemini-key' } });
const vertex = (body: unknown, token = 'ya29.issued') =>
  request('vertex-generate', 'gemini-2.5-flash', body, { headers: { authorization: `Bearer ${token}` }, auth: { issuedTokens: 'ya29.issued' } });

// A service account's token request: a JWT assertion (RS256) as google-auth makes it, signed with `key`.
const serviceAccount = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function tokenRequest(key = serviceAccount.privateKey, claims: Record<string, unknown> = {}): ValidationRequest {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url({
    iss: 'sa@contoso-ai.iam.gserviceaccount.com', aud: 'https://oauth2.googleapis.com/token', scope: 'https://www.googleapis.com/auth/cloud-platform', iat: now, exp: now + 3600, ...claims,
  })}`;
  const assertion = `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
  const raw = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString();
  return request('vertex-token', '', raw, {
    raw, auth: { publicKey: serviceAccount.publicKey.export({ type: 'spki', format: 'pem' }).toString(), clientEmail: 'sa@contoso-ai.iam.gserviceaccount.com' },
  });
}

// [title, request, the rule that refuses (undefined: accepted)]
const cases: Array<[string, ValidationRequest, string | undefined]> = [
  ['Azure chat', request('azure-chat', 'gpt-4.1', { model: 'gpt-4.1', ...chat, temperature: 0.2, max_tokens: 5 }), undefined],
  ['Azure chat, streaming with usage', request('azure-chat', 'gpt-4.1', { model: 'gpt-4.1', ...chat, stream: true, stream_options: { include_usage: true } }), undefined],
  ['Azure chat, unknown parameter', request('azure-chat', 'gpt-4.1', { model: 'gpt-4.1', ...chat, return_documents: true }), 'sdk:openai.CompletionCreateParamsNonStreaming'],
  ['Azure chat, unknown role', request('azure-chat', 'gpt-4.1', { model: 'gpt-4.1', messages: [{ role: 'robot', content: 'hi' }] }), 'sdk:openai.CompletionCreateParamsNonStreaming'],
  ['Azure chat without api-version', request('azure-chat', 'gpt-4.1', { model: 'gpt-4.1', ...chat }, { query: {} }), 'azure:api-version-required'],
  ['OpenAI chat', request('openai-chat', 'gpt-4o', { model: 'gpt-4o', ...chat, temperature: 0.2 }, { headers: { authorization: 'Bearer sk-test' } }), undefined],
  ['OpenAI chat without a key', request('openai-chat', 'gpt-4o', { model: 'gpt-4o', ...chat }), 'openai:authorization-required'],
  ['OpenAI chat, unknown parameter', request('openai-chat', 'gpt-4o', { model: 'gpt-4o', ...chat, return_documents: true }, { headers: { authorization: 'Bearer sk-test' } }), 'sdk:openai.CompletionCreateParamsNonStreaming'],
  ['OpenAI embeddings, dimensions on ada-002', request('openai-embeddings', 'text-embedding-ada-002', { model: 'text-embedding-ada-002', input: ['a'], dimensions: 8 }, { headers: { authorization: 'Bearer sk-test' } }), 'embeddings:dimensions'],
  ['reasoning model with max_completion_tokens', request('azure-chat', 'o3', { model: 'o3', ...chat, max_completion_tokens: 5 }), undefined],
  ['reasoning model with max_tokens', request('azure-chat', 'o3', { model: 'o3', ...chat, max_tokens: 5 }), 'reasoning:max_tokens'],
  ['reasoning model with temperature 0.2', request('azure-chat', 'gpt-5', { model: 'gpt-5', ...chat, temperature: 0.2 }), 'reasoning:temperature'],
  // "Reasoning" is LiteLLM's cost map's supports_reasoning for the deployment's base model.
  ['a deployment named after nothing, base model o3, with max_tokens', request('azure-chat', 'reasoning-prod', { model: 'reasoning-prod', ...chat, max_tokens: 5 }), 'reasoning:max_tokens'],
  ['gpt-audio (cost map: supports_reasoning false) with temperature 0.2', request('azure-chat', 'gpt-audio', { model: 'gpt-audio', ...chat, temperature: 0.2 }), undefined],
  ['gpt-5.2 (not in the cost map: the catalog\'s supportsReasoning) with max_tokens', request('azure-chat', 'gpt-5.2', { model: 'gpt-5.2', ...chat, max_tokens: 5 }), 'reasoning:max_tokens'],
  ['dimensions on text-embedding-3-large', request('azure-embeddings', 'text-embedding-3-large', { model: 'text-embedding-3-large', input: ['a'], dimensions: 256 }), undefined],
  ['dimensions on text-embedding-ada-002', request('azure-embeddings', 'text-embedding-ada-002', { model: 'text-embedding-ada-002', input: ['a'], dimensions: 256 }), 'embeddings:dimensions'],
  ['gpt-image-1', request('azure-images', 'gpt-image-1', { model: 'gpt-image-1', prompt: 'a cat' }), undefined],
  ['gpt-image-1 with response_format', request('azure-images', 'gpt-image-1', { model: 'gpt-image-1', prompt: 'a cat', response_format: 'b64_json' }), 'gpt-image-1:response_format'],
  ['gpt-image-1 before 2025-04-01-preview', request('azure-images', 'gpt-image-1', { model: 'gpt-image-1', prompt: 'a cat' }, { query: { 'api-version': '2025-01-01-preview' } }), 'gpt-image-1:api-version'],
  ['Anthropic with thinking', request('anthropic-messages', 'claude-sonnet-4-5', { ...claude, thinking: { type: 'enabled', budget_tokens: 1024 } }), undefined],
  ['Anthropic without anthropic-version', request('anthropic-messages', 'claude-sonnet-4-5', claude, { headers: {} }), 'anthropic:version-header'],
  ['Anthropic without max_tokens', request('anthropic-messages', 'claude-sonnet-4-5', { model: 'claude-sonnet-4-5', messages: claude.messages }), 'sdk:anthropic.MessageCreateParamsNonStreaming'],
  ['thinking budget below 1024', request('anthropic-messages', 'claude-sonnet-4-5', { ...claude, thinking: { type: 'enabled', budget_tokens: 1000 } }), 'thinking:budget-min'],
  ['thinking budget at max_tokens', request('anthropic-messages', 'claude-sonnet-4-5', { ...claude, thinking: { type: 'enabled', budget_tokens: 4096 } }), 'thinking:budget-below-max-tokens'],
  ['thinking with temperature', request('anthropic-messages', 'claude-sonnet-4-5', { ...claude, temperature: 0.5, thinking: { type: 'enabled', budget_tokens: 1024 } }), 'thinking:temperature'],
  ['thinking with top_k', request('anthropic-messages', 'claude-sonnet-4-5', { ...claude, top_k: 5, thinking: { type: 'enabled', budget_tokens: 1024 } }), 'thinking:top_k'],
  ['4 cache_control breakpoints', request('anthropic-messages', 'claude-sonnet-4-5', { ...claude, system: [cached], messages: [{ role: 'user', content: [cached, cached, cached] }] }), undefined],
  ['5 cache_control breakpoints', request('anthropic-messages', 'claude-sonnet-4-5', { ...claude, system: [cached], messages: [{ role: 'user', content: [cached, cached, cached, cached] }] }), 'cache_control:max-4'],
  ['Cohere v2 rerank', request('cohere-rerank', 'rerank-v3.5', { model: 'rerank-v3.5', query: 'q', documents: ['a'], top_n: 1 }), undefined],
  ['Cohere v2 rerank with return_documents', request('cohere-rerank', 'rerank-v3.5', { model: 'rerank-v3.5', query: 'q', documents: ['a'], return_documents: true }), 'sdk:cohere.V2Client.rerank'],
  ['Cohere v2 rerank with object documents', request('cohere-rerank', 'rerank-v3.5', { model: 'rerank-v3.5', query: 'q', documents: [{ text: 'a' }] }), 'sdk:cohere.V2Client.rerank'],
  ['Azure AI /v1/embeddings without api-version', request('azure-ai-embeddings', 'embed-v-4-0', { model: 'embed-v-4-0', input: ['a'], input_type: 'text', encoding_format: 'base64' }, { path: '/v1/embeddings' }), undefined],
  ['Azure AI /embeddings without api-version', request('azure-ai-embeddings', 'embed-v-4-0', { model: 'embed-v-4-0', input: ['a'] }, { path: '/embeddings' }), 'azure-ai:api-version-required'],
  ['Azure AI /embeddings with api-version', request('azure-ai-embeddings', 'embed-v-4-0', { model: 'embed-v-4-0', input: ['a'] }, { path: '/embeddings', query: { 'api-version': '2024-05-01-preview' } }), undefined],
  // Signed requests are boto3's (error-bodies.spec.ts); these are refused before the signature is recomputed.
  ['Bedrock Converse without SigV4', request('bedrock-converse', 'x', { messages: [] }, { path: '/model/x/converse', auth: bedrockAuth }), 'bedrock:sigv4-required'],
  ['Bedrock Converse scoped to bedrock-runtime (the endpoint prefix, not the signing name)', request('bedrock-converse', 'x', { messages: [] }, {
    path: '/model/x/converse', auth: bedrockAuth,
    headers: { authorization: `AWS4-HMAC-SHA256 Credential=${bedrockAuth.awsAccessKeyId}/20261129/us-east-1/bedrock-runtime/aws4_request, SignedHeaders=host;x-amz-date, Signature=00` },
  }), 'bedrock:sigv4-service'],
  ['Gemini generateContent, key in x-goog-api-key', gemini(geminiBody), undefined],
  ['Gemini generateContent, key in ?key=', gemini(geminiBody, {}, { key: 'gemini-key' }), undefined],
  ['Gemini without a key', gemini(geminiBody, {}), 'gemini:api-key-required'],
  ['Gemini with another key', gemini(geminiBody, { 'x-goog-api-key': 'another' }), 'gemini:api-key-invalid'],
  ['Gemini with OpenAI\'s messages', gemini({ messages: [{ role: 'user', content: 'hi' }] }), 'sdk:google.genai.types (Gemini GenerateContentRequest)'],
  ['Gemini with max_tokens in generationConfig', gemini({ ...geminiBody, generationConfig: { max_tokens: 5 } }), 'sdk:google.genai.types (Gemini GenerateContentRequest)'],
  ['Gemini with labels (Vertex only)', gemini({ ...geminiBody, labels: { team: 'a' } }), 'sdk:google.genai.types (Gemini GenerateContentRequest)'],
  ['Vertex generateContent with the issued token and labels', vertex({ ...geminiBody, labels: { team: 'a' }, system_instruction: { parts: [{ text: 'be brief' }] } }), undefined],
  ['Vertex with a token the token endpoint never issued', vertex(geminiBody, 'ya29.forged'), 'vertex:access-token'],
  ['Vertex with a part of an unknown kind', vertex({ contents: [{ role: 'user', parts: [{ image: 'x' }] }] }), 'sdk:google.genai.types (Vertex GenerateContentRequest)'],
  ['Vertex token: JWT signed with the service account\'s key', tokenRequest(), undefined],
  ['Vertex token: JWT signed with another key', tokenRequest(otherKey), 'vertex:token-jwt'],
  ['Vertex token: JWT for another audience', tokenRequest(undefined, { aud: 'https://example.test/token' }), 'vertex:token-jwt'],
  ['Vertex token: JWT from another service account', tokenRequest(undefined, { iss: 'other@contoso-ai.iam.gserviceaccount.com' }), 'vertex:token-issuer'],
  ['Vertex token: JWT without the cloud-platform scope', tokenRequest(undefined, { scope: 'https://www.googleapis.com/auth/userinfo.email' }), 'vertex:token-scope'],
  ['Azure AI embeddings, unknown input_type', request('azure-ai-embeddings', 'embed-v-4-0', { model: 'embed-v-4-0', input: ['a'], input_type: 'search_query' }, { path: '/v1/embeddings' }), 'sdk:azure.ai.inference.EmbeddingsClient.embed'],
];

describe('provider validator', () => {
  it.each(cases)('%s', async (_title, validation, rule) => {
    expect((await validator.check(validation))?.rule).toBe(rule);
  });

  it('answers in each provider\'s own error shape and status', async () => {
    const shapes = await Promise.all([
      validator.check(request('azure-chat', 'o3', { model: 'o3', ...chat, max_tokens: 5 })),
      validator.check(request('anthropic-messages', 'claude-sonnet-4-5', { ...claude, thinking: { type: 'enabled', budget_tokens: 4096 } })),
      validator.check(request('cohere-rerank', 'rerank-v3.5', { model: 'rerank-v3.5', query: 'q', documents: [{ text: 'a' }] })),
      validator.check(request('azure-ai-embeddings', 'embed-v-4-0', { model: 'embed-v-4-0', input: [1] }, { path: '/v1/embeddings' })),
    ]);
    expect(shapes.map((rejection) => rejection?.status)).toEqual([400, 400, 400, 422]);
    expect(shapes[0]!.body).toEqual({ error: { message: expect.stringContaining('max_completion_tokens'), type: 'invalid_request_error', param: 'max_tokens', code: 'unsupported_parameter' } });
    expect(shapes[1]!.body).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('thinking.budget_tokens') } });
    expect(shapes[2]!.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), message: expect.stringContaining('documents.0') });
    expect(shapes[3]!.body).toEqual({ error: { code: 'Invalid input', message: expect.stringContaining('input.0'), status: 422 } });
  });
});
