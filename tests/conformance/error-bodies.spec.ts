// The fakes' error answers checked by the oracle nobody here wrote: each provider's official SDK
// (openai 2.9.0 for Azure, anthropic 0.75.0, cohere 5.20.0, boto3 1.36.0 for Bedrock) calls a fake
// backend over HTTP and must raise its typed error for the status, with the code, type and param read
// from the body. boto3 also signs for real, so Bedrock's SigV4 check is tested against AWS's own signer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rejectionsOf, startBackends, startBackendsFor, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { bedrockAuth } from '../../tools/conformance/scenario.ts';
import type { SdkCall } from '../../tools/conformance/validator.ts';

const ids = ['azure_credential_us_east', 'azure_anthropic', 'azure_ai_cohere_rerank'] as const;
let backends: Record<(typeof ids)[number] | 'bedrock', FakeBackend>;

beforeAll(async () => {
  const [seed, families] = await Promise.all([
    startBackends(ids, { azure_anthropic: '/anthropic' }),
    startBackendsFor([{ id: 'bedrock', provider: 'bedrock', auth: bedrockAuth }]),
  ]);
  backends = { ...seed, ...families };
});

afterAll(async () => {
  await stopBackends(backends);
});

afterEach(() => {
  Object.values(backends).forEach((backend) => (backend.failWith = undefined));
  // The refusals a test provokes it takes itself (rejectionsOf reports each once).
  expect(rejectionsOf(backends)).toEqual([]);
});

const call = (backend: FakeBackend, spec: Omit<SdkCall, 'base_url'>) => backend.validator.sdkCall({ base_url: backend.apiBase, ...spec });
const azure = (model: string, extra?: Record<string, unknown>) => ({ provider: 'azure' as const, model, api_version: '2025-01-01-preview', extra });

describe('Azure OpenAI errors, as the openai SDK reads them', () => {
  it('429 with retry-after-ms: RateLimitError, code "429", the SDK waits retry-after-ms (LiteLLM: retry-after)', async () => {
    backends.azure_credential_us_east.failWith = { status: 429, retryAfterMs: 1500 };
    const error = await call(backends.azure_credential_us_east, azure('gpt-4.1'));
    expect(error).toMatchObject({ error: 'openai.RateLimitError', status: 429, code: '429', retry_after: 1.5 });
    expect((error.body as { message: string }).message).toContain('Please retry after 2 seconds');
  });

  it('500: InternalServerError with type server_error', async () => {
    backends.azure_credential_us_east.failWith = { status: 500 };
    expect(await call(backends.azure_credential_us_east, azure('gpt-4.1'))).toMatchObject({ error: 'openai.InternalServerError', status: 500, type: 'server_error' });
  });

  it('no api-version: NotFoundError, code "404", "Resource not found"', async () => {
    const error = await call(backends.azure_credential_us_east, { provider: 'azure', model: 'gpt-4.1' });
    expect(error).toMatchObject({ error: 'openai.NotFoundError', status: 404, code: '404', body: { code: '404', message: 'Resource not found' } });
    expect(rejectionsOf(backends).map((rejection) => rejection.rule)).toEqual(['azure:api-version-required']);
  });

  it('a strict-fake refusal (max_tokens to o3): BadRequestError with code, type and param', async () => {
    const error = await call(backends.azure_credential_us_east, azure('o3', { max_tokens: 5 }));
    expect(error).toMatchObject({ error: 'openai.BadRequestError', status: 400, code: 'unsupported_parameter', type: 'invalid_request_error', param: 'max_tokens' });
    expect(rejectionsOf(backends).map((rejection) => rejection.rule)).toEqual(['reasoning:max_tokens']);
  });

  it('an accepted request raises nothing', async () => {
    expect(await call(backends.azure_credential_us_east, azure('gpt-4.1'))).toEqual({ error: null });
  });
});

describe('Anthropic errors, as the anthropic SDK reads them (body validated as its ErrorResponse)', () => {
  const claude = { provider: 'anthropic' as const, model: 'claude-haiku-4-5' };

  it.each([
    [429, 'anthropic.RateLimitError', 'rate_limit_error'],
    [529, 'anthropic.OverloadedError', 'overloaded_error'],
    [500, 'anthropic.InternalServerError', 'api_error'],
  ])('%i: %s with error type %s', async (status, error, type) => {
    backends.azure_anthropic.failWith = { status };
    expect(await call(backends.azure_anthropic, claude)).toMatchObject({ error, status, type });
  });

  it('a strict-fake refusal (thinking budget at max_tokens): BadRequestError with error type invalid_request_error', async () => {
    const error = await call(backends.azure_anthropic, { ...claude, extra: { max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 2048 } } });
    expect(error).toMatchObject({ error: 'anthropic.BadRequestError', status: 400, type: 'invalid_request_error' });
    expect(rejectionsOf(backends).map((rejection) => rejection.rule)).toEqual(['thinking:budget-below-max-tokens']);
  });
});

describe('Cohere errors, as the cohere SDK reads them', () => {
  it('429: TooManyRequestsError with the message', async () => {
    backends.azure_ai_cohere_rerank.failWith = { status: 429 };
    const error = await call(backends.azure_ai_cohere_rerank, { provider: 'cohere', model: 'rerank-v3.5' });
    expect(error).toMatchObject({ error: 'cohere.TooManyRequestsError', status: 429, body: { message: 'too many requests' } });
  });
});

describe('Bedrock, as boto3 signs and reads it (botocore ClientError codes from x-amzn-ErrorType)', () => {
  const claude = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
  const converse = (extra?: Record<string, unknown>, auth: Record<string, string> = bedrockAuth) => ({ provider: 'bedrock' as const, model: claude, auth, extra });
  const rules = () => rejectionsOf(backends).map((rejection) => rejection.rule);

  it('a Converse call signed with the pod\'s keys is accepted and its answer parsed', async () => {
    expect(await call(backends.bedrock, converse({ inferenceConfig: { maxTokens: 64, temperature: 0.2 } }))).toEqual({
      error: null, answer: { message: { role: 'assistant', content: [{ text: 'answer from bedrock' }] } },
    });
    expect(backends.bedrock.requests.at(-1)!.path).toBe(`/model/${encodeURIComponent(claude)}/converse`);
  });

  it.each([
    ['another secret key', 'InvalidSignatureException', { awsSecretAccessKey: 'not-the-pods-secret' }, 'bedrock:sigv4-signature'],
    ['another region', 'InvalidSignatureException', { awsRegionName: 'eu-west-1' }, 'bedrock:sigv4-region'],
    ['another access key id', 'UnrecognizedClientException', { awsAccessKeyId: 'AKIAOTHERKEY000000001' }, 'bedrock:sigv4-access-key'],
  ])('signed with %s: 403 %s', async (_title, code, change, rule) => {
    expect(await call(backends.bedrock, converse(undefined, { ...bedrockAuth, ...change }))).toMatchObject({ error: 'botocore.ClientError', status: 403, code });
    expect(rules()).toEqual([rule]);
  });

  it('a body botocore\'s Converse shape refuses (maxTokens below its min 1, a content block with two members): 400 ValidationException', async () => {
    const error = await call(backends.bedrock, converse({ inferenceConfig: { maxTokens: 0 }, messages: [{ role: 'user', content: [{ text: 'hi', image: { format: 'png', source: { bytes: 'aGk=' } } }] }] }));
    expect(error).toMatchObject({ error: 'botocore.ClientError', status: 400, code: 'ValidationException' });
    expect(error.body).toMatch(/maxTokens.*\n.*content\[0\]|content\[0\].*\n.*maxTokens/s);
    expect(rules()).toEqual(['botocore:bedrock-runtime.Converse']);
  });

  it('InvokeModel with Anthropic\'s Bedrock body is accepted; with `model` in it, or a thinking budget at max_tokens, refused', async () => {
    const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] };
    const invoke = (extra: object) => call(backends.bedrock, { provider: 'bedrock', model: claude, auth: bedrockAuth, operation: 'invoke_model', extra: { body: { ...body, ...extra } } });
    expect(await invoke({})).toMatchObject({ error: null, answer: { type: 'message', content: [{ type: 'text', text: 'answer from bedrock' }] } });
    expect(await invoke({ model: claude })).toMatchObject({ status: 400, code: 'ValidationException' });
    expect(await invoke({ max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 2048 } })).toMatchObject({ status: 400, code: 'ValidationException' });
    expect(rules()).toEqual(['anthropic:bedrock-body', 'thinking:budget-below-max-tokens']);
  });

  it('429: ThrottlingException', async () => {
    backends.bedrock.failWith = { status: 429 };
    expect(await call(backends.bedrock, converse())).toMatchObject({ error: 'botocore.ClientError', status: 429, code: 'ThrottlingException' });
  });
});
