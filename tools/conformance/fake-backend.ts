// A fake model provider on 127.0.0.1: serves exactly the paths the real service of one credential's
// provider serves under its apiBase, refuses what the real service refuses (the
// providers' SDK request types and per-deployment rules, tools/conformance/validator/) with the
// provider's own error, answers the rest with well-formed bodies, and records every request, so tests
// can check what the real LiteLLM proxy sent upstream. One instance stands for one credential's endpoint.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedCatalog, type ModelDeployment } from '../../packages/catalog/src/index.ts';

/** The providers this fake speaks: the seed's, OpenAI itself, and issue 14's families. */
export const fakedProviders = ['azure', 'azure_ai', 'anthropic', 'cohere', 'openai', 'bedrock', 'gemini', 'vertex_ai', 'groq', 'mistral', 'openrouter', 'hosted_vllm', 'ollama', 'ollama_chat'] as const;
export type FakedProvider = (typeof fakedProviders)[number];
import { profileFor, ProviderValidator, type Rejection } from './validator.ts';

export type UpstreamKind =
  | 'azure-chat' | 'azure-embeddings' | 'azure-images' | 'azure-ai-embeddings' | 'anthropic-messages' | 'cohere-rerank' | 'openai-chat' | 'openai-embeddings'
  | 'bedrock-converse' | 'bedrock-invoke' | 'gemini-generate' | 'vertex-generate' | 'vertex-token'
  | 'groq-chat' | 'mistral-chat' | 'openrouter-chat' | 'vllm-chat' | 'ollama-chat' | 'ollama-generate' | 'ollama-embed';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: any;
  /** What the path asked for; undefined for a path the fake does not serve (answered 404). */
  kind: UpstreamKind | undefined;
  /** Azure deployment name from `/openai/deployments/<name>/…`; Bedrock's model id from `/model/<id>/…`. */
  deployment: string | undefined;
  /** A websocket upgrade (realtime) rather than a plain request. */
  upgrade: boolean;
  /** When it arrived (ms since the epoch): back-off shows in the gaps. */
  at: number;
  /** Set when the fake refused the request as the real provider would. */
  rejection?: Rejection;
}

/** Ollama's API at the server's root: LiteLLM's `ollama/` generates, `ollama_chat/` chats, both embed. */
const ollamaRoutes: Array<[string, UpstreamKind]> = [['/api/generate', 'ollama-generate'], ['/api/chat', 'ollama-chat'], ['/api/embed', 'ollama-embed']];

/** The paths each provider serves, relative to the credential's apiBase (which may carry a path itself). */
const routes: Record<FakedProvider, Array<[string, UpstreamKind]>> = {
  azure: [
    ['/openai/deployments/([^/]+)/chat/completions', 'azure-chat'],
    ['/openai/deployments/([^/]+)/embeddings', 'azure-embeddings'],
    ['/openai/deployments/([^/]+)/images/generations', 'azure-images'],
  ],
  // The Azure AI Model Inference route and the route Cohere serves on Azure (validator/azure_ai.py).
  azure_ai: [['/embeddings', 'azure-ai-embeddings'], ['/v1/embeddings', 'azure-ai-embeddings']],
  anthropic: [['/v1/messages', 'anthropic-messages']],
  cohere: [['/v2/rerank', 'cohere-rerank']],
  // OpenAI's apiBase ends in /v1 (LiteLLM's default https://api.openai.com/v1).
  openai: [['/chat/completions', 'openai-chat'], ['/embeddings', 'openai-embeddings']],
  // bedrock-runtime's Converse and InvokeModel (botocore's service model); the model id is URL-encoded.
  bedrock: [['/model/([^/]+)/converse', 'bedrock-converse'], ['/model/([^/]+)/invoke', 'bedrock-invoke']],
  // The Gemini API's versions (LiteLLM 1.80.8: v1alpha for Gemini 3, else v1beta) with the model in the path.
  gemini: [['/(?:v1beta|v1alpha)/models/([^/:]+):generateContent', 'gemini-generate']],
  // Vertex AI's publisher-model path, and the service account's token endpoint (Google serves it on
  // oauth2.googleapis.com; one fake serves both, and the service-account JSON's token_uri points here).
  vertex_ai: [
    ['/(?:v1|v1beta1)/projects/[^/]+/locations/[^/]+/publishers/google/models/([^/:]+):generateContent', 'vertex-generate'],
    ['/token', 'vertex-token'],
  ],
  // The public services' own paths (LiteLLM's defaults: api.groq.com/openai/v1, api.mistral.ai/v1, openrouter.ai/api/v1).
  groq: [['/openai/v1/chat/completions', 'groq-chat']],
  mistral: [['/v1/chat/completions', 'mistral-chat']],
  openrouter: [['/api/v1/chat/completions', 'openrouter-chat']],
  // vLLM's OpenAI server under the apiBase users give it (ending in /v1).
  hosted_vllm: [['/chat/completions', 'vllm-chat']],
  ollama: ollamaRoutes,
  ollama_chat: ollamaRoutes,
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Which provider call a path is for a provider under `basePath` (anchored both ends), and the Azure deployment it names. */
export function classifyPath(provider: FakedProvider, path: string, basePath = ''): { kind: UpstreamKind | undefined; deployment: string | undefined } {
  for (const [route, kind] of routes[provider]) {
    const match = new RegExp(`^${escapeRegExp(basePath)}${route}$`).exec(path);
    if (match) return { kind, deployment: match[1] && decodeURIComponent(match[1]) };
  }
  return { kind: undefined, deployment: undefined };
}

/** OpenAI clients ask for base64 embeddings by default and decode them: answer in the format asked. */
function embeddingData(encodingFormat: unknown, inputs: number): object[] {
  const vector = [0.25, -0.5, 0.75];
  const embedding = encodingFormat === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
  return Array.from({ length: inputs }, (_, index) => ({ object: 'embedding', index, embedding }));
}

/** A well-formed provider answer for a request of this kind. `name` identifies the backend in replies. */
export function answer(kind: UpstreamKind, body: any, name: string): object {
  const created = Math.floor(Date.now() / 1000);
  const inputs = Array.isArray(body?.input) ? body.input.length : 1;
  switch (kind) {
    case 'azure-chat':
    case 'openai-chat':
    case 'groq-chat':
    case 'mistral-chat':
    case 'openrouter-chat':
    case 'vllm-chat':
      return {
        id: `chatcmpl-${name}`, object: 'chat.completion', created, model: body?.model ?? 'fake',
        choices: [{ index: 0, message: { role: 'assistant', content: `answer from ${name}` }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
        // Groq's answer carries its service tier and request id; LiteLLM 1.80.8 fails on an answer without service_tier.
        ...(kind === 'groq-chat' ? { service_tier: 'on_demand', system_fingerprint: 'fp_fake', x_groq: { id: `req_${name}` } } : {}),
      };
    case 'azure-embeddings':
    case 'azure-ai-embeddings':
    case 'openai-embeddings':
      return { object: 'list', model: body?.model ?? 'fake', data: embeddingData(body?.encoding_format, inputs), usage: { prompt_tokens: 2, total_tokens: 2 } };
    case 'azure-images':
      return { created, data: [{ b64_json: Buffer.from(`image from ${name}`).toString('base64'), revised_prompt: body?.prompt ?? '' }] };
    case 'bedrock-converse':
      return {
        output: { message: { role: 'assistant', content: [{ text: `answer from ${name}` }] } }, stopReason: 'end_turn',
        usage: { inputTokens: 5, outputTokens: 4, totalTokens: 9 }, metrics: { latencyMs: 12 },
      };
    case 'gemini-generate':
    case 'vertex-generate':
      return {
        candidates: [{ content: { role: 'model', parts: [{ text: `answer from ${name}` }] }, finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 4, totalTokenCount: 9 }, modelVersion: 'fake',
      };
    case 'ollama-chat':
    case 'ollama-generate': {
      const reply = kind === 'ollama-chat' ? { message: { role: 'assistant', content: `answer from ${name}` } } : { response: `answer from ${name}`, context: [] };
      return { model: body?.model ?? 'fake', created_at: new Date().toISOString(), ...reply, done: true, done_reason: 'stop', prompt_eval_count: 5, eval_count: 4 };
    }
    case 'ollama-embed':
      return { model: body?.model ?? 'fake', embeddings: Array.from({ length: inputs }, () => [0.25, -0.5, 0.75]), prompt_eval_count: 2 };
    case 'vertex-token':
      return { access_token: `ya29.${name}-${randomUUID()}`, expires_in: 3599, token_type: 'Bearer' };
    // InvokeModel answers in the model's own format; the fake serves Anthropic models there (Messages).
    case 'bedrock-invoke':
    case 'anthropic-messages':
      return {
        id: `msg_${name}`, type: 'message', role: 'assistant', model: body?.model ?? 'fake',
        content: [{ type: 'text', text: `answer from ${name}` }], stop_reason: 'end_turn', stop_sequence: null,
        usage: { input_tokens: 5, output_tokens: 4 },
      };
    case 'cohere-rerank':
      return {
        id: `rerank-${name}`,
        results: (body?.documents ?? []).map((_: unknown, index: number) => ({ index, relevance_score: 1 / (index + 1) })),
        meta: { api_version: { version: '2' }, billed_units: { search_units: 1 } },
      };
  }
}

/**
 * The server-sent events a streaming request (`stream: true`) gets instead of `answer`'s body, in the
 * provider's framing: OpenAI chunks ending in `[DONE]` (Azure first sends its prompt filter results),
 * Anthropic's typed events. Undefined for a kind or body that does not stream.
 */
export function streamFrames(kind: UpstreamKind, body: any, name: string): string[] | undefined {
  if (body?.stream !== true) return undefined;
  const words = [`answer `, `from ${name}`];
  const model = body?.model ?? 'fake';
  switch (kind) {
    case 'azure-chat':
    case 'openai-chat': {
      const chunk = (choices: object[], extra: object = {}) => ({
        id: `chatcmpl-${name}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices, ...extra,
      });
      const data = (value: object | string) => `data: ${typeof value === 'string' ? value : JSON.stringify(value)}\n\n`;
      return [
        ...(kind === 'azure-chat' ? [data({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] })] : []),
        data(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])),
        ...words.map((word) => data(chunk([{ index: 0, delta: { content: word }, finish_reason: null }]))),
        data(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }])),
        ...(body?.stream_options?.include_usage ? [data(chunk([], { usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 } }))] : []),
        data('[DONE]'),
      ];
    }
    case 'anthropic-messages': {
      const event = (type: string, value: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...value })}\n\n`;
      return [
        event('message_start', {
          message: { id: `msg_${name}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 5, output_tokens: 1 } },
        }),
        event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
        event('ping', {}),
        ...words.map((text) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })),
        event('content_block_stop', { index: 0 }),
        event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 4 } }),
        event('message_stop', {}),
      ];
    }
    default:
      return undefined;
  }
}

/** A provider failing on purpose: every request (or the next `times`) gets `status`. */
export interface Failure {
  status: number;
  /** Sent as `retry-after-ms` and `retry-after` (whole seconds, rounded up), as Azure OpenAI does. */
  retryAfterMs?: number;
  times?: number;
  /** Only requests for this deployment fail (Azure: the path's deployment; others: the body's model). */
  deployment?: string;
}

/** The provider's own error body for a failure status (429 rate limit, 529 overloaded, 5xx). */
export function failureBody(provider: FakedProvider, failure: Failure): object {
  const seconds = Math.ceil((failure.retryAfterMs ?? 0) / 1000);
  switch (provider) {
    case 'azure':
      return failure.status === 429
        ? { error: { code: '429', message: `Requests to the ChatCompletions_Create Operation under Azure OpenAI API have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after ${seconds} seconds.` } }
        : { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } };
    case 'anthropic': {
      const [type, message] = failure.status === 429 ? ['rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit']
        : failure.status === 529 ? ['overloaded_error', 'Overloaded'] : ['api_error', 'Internal server error'];
      return { type: 'error', error: { type, message } };
    }
    case 'azure_ai':
      return { error: { code: String(failure.status), message: failure.status === 429 ? `Rate limit is exceeded. Try again in ${seconds} seconds.` : 'Internal server error', status: failure.status } };
    case 'cohere':
      return { id: `fail-${Date.now()}`, message: failure.status === 429 ? 'too many requests' : 'internal server error' };
    case 'openai':
      return failure.status === 429
        ? { error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' } }
        : { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } };
    case 'gemini':
    case 'vertex_ai':
      return failure.status === 429
        ? { error: { code: 429, message: 'Resource exhausted. Please try again later.', status: 'RESOURCE_EXHAUSTED' } }
        : { error: { code: failure.status, message: 'Internal error encountered.', status: 'INTERNAL' } };
    case 'groq':
    case 'mistral':
    case 'openrouter':
    case 'hosted_vllm':
      return { error: { message: failure.status === 429 ? 'Rate limit reached for requests' : 'Internal server error', type: failure.status === 429 ? 'requests' : 'server_error', code: failure.status === 429 ? 'rate_limit_exceeded' : null } };
    case 'ollama':
    case 'ollama_chat':
      return { error: failure.status === 429 ? 'server busy, please try again.  maximum pending requests exceeded' : 'internal server error' };
    case 'bedrock':
      return { message: failure.status === 429 ? 'Too many requests, please wait before trying again.' : 'The system encountered an unexpected error during processing. Try your request again.' };
  }
}

export function failureHeaders(failure: Failure, provider?: FakedProvider): Record<string, string> {
  // Bedrock names the error in a header (botocore's rest-json parser reads the code from it).
  const errorType: Record<string, string> = provider === 'bedrock' ? { 'x-amzn-errortype': `${failure.status === 429 ? 'ThrottlingException' : 'InternalServerException'}:http://internal.amazon.com/coral/com.amazon.bedrock/` } : {};
  if (failure.retryAfterMs === undefined) return errorType;
  return { ...errorType, 'retry-after-ms': String(failure.retryAfterMs), 'retry-after': String(Math.ceil(failure.retryAfterMs / 1000)) };
}

function parseBody(raw: string): any {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export class FakeBackend {
  readonly requests: RecordedRequest[] = [];
  /** Access tokens this fake's token endpoint issued (Vertex): the only ones its API accepts. */
  readonly issuedTokens: string[] = [];
  /** When set, requests are answered with this failure, in the provider's error shape. */
  failWith: Failure | undefined;
  /** What the provider's resource runs under each deployment name: the seed catalog, plus a test's own. */
  deployments: readonly ModelDeployment[] = seedCatalog.models;
  private server: Server | undefined;

  constructor(
    readonly name: string,
    readonly provider: FakedProvider,
    /** Shared by the backends of one startBackends call. */
    readonly validator: ProviderValidator,
    /** The path of the credential's apiBase in the scenario (`/anthropic`), kept as users write it. */
    readonly basePath = '',
    /** What the chart gave the pod to authenticate with, for providers whose fake verifies it (Bedrock's SigV4 keys and region). */
    readonly auth: Record<string, string> = {},
  ) {}

  get url(): string {
    if (!this.server) throw new Error(`fake backend ${this.name} is not started`);
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What the credential's apiBase becomes: this backend, with the scenario's path. */
  get apiBase(): string {
    return `${this.url}${this.basePath}`;
  }

  /** The requests refused as the real provider would refuse them. */
  get rejections(): RecordedRequest[] {
    return this.requests.filter((request) => request.rejection);
  }

  private record(request: IncomingMessage, raw: string, upgrade: boolean): RecordedRequest {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
    return {
      method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers,
      body: parseBody(raw), ...classifyPath(this.provider, url.pathname, this.basePath), upgrade, at: Date.now(),
    };
  }

  /** The provider's refusal, if any; a validator failure is recorded as one too, so no test passes over it. */
  private async check(recorded: RecordedRequest, raw: string): Promise<Rejection | undefined> {
    const name = recorded.deployment ?? String(recorded.body?.model ?? '');
    try {
      return await this.validator.check({
        kind: recorded.kind!, path: recorded.path, query: recorded.query, headers: recorded.headers, body: recorded.body,
        deployment: recorded.deployment ?? null, profile: profileFor(this.deployments, name), raw,
        auth: { ...this.auth, issuedTokens: this.issuedTokens.join(' ') },
      });
    } catch (error) {
      return { status: 500, body: { error: { message: String(error) } }, rule: 'validator:error', headers: {} };
    }
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => this.handle(request, response));
    this.server.on('upgrade', (request, socket) => {
      this.requests.push(this.record(request, '', true));
      socket.destroy();
    });
    await listenOnLoopback(this.server);
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await closeServer(server);
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const recorded = this.record(request, raw, false);
      this.requests.push(recorded);
      const failing = this.failWith;
      const failure = failing && [undefined, recorded.deployment ?? recorded.body?.model].includes(failing.deployment) ? failing : undefined;
      if (failure?.times !== undefined && --failure.times <= 0) this.failWith = undefined;
      if (!failure && recorded.kind) recorded.rejection = await this.check(recorded, raw);
      const frames = !failure && !recorded.rejection && recorded.kind ? streamFrames(recorded.kind, recorded.body, this.name) : undefined;
      if (frames) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        for (const frame of frames) response.write(frame);
        response.end();
        return;
      }
      const accepted = !failure && !recorded.rejection && recorded.kind ? answer(recorded.kind, recorded.body, this.name) : undefined;
      if (recorded.kind === 'vertex-token' && accepted) this.issuedTokens.push((accepted as { access_token: string }).access_token);
      const [status, reply, headers] = failure
        ? [failure.status, failureBody(this.provider, failure), failureHeaders(failure, this.provider)]
        : recorded.rejection
          ? [recorded.rejection.status, recorded.rejection.body, recorded.rejection.headers]
          : accepted
            ? [200, accepted, {}]
            : [404, { error: { code: '404', message: 'Resource not found' } }, {}];
      const bytes = Buffer.from(JSON.stringify(reply));
      response.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': bytes.length });
      response.end(bytes);
    });
  }
}

export type Backends<T extends string> = Record<T, FakeBackend>;

/**
 * Starts one backend per seed credential id, and the validator they share. `basePaths` are the paths of
 * the scenario's apiBase per credential (scenarioBasePaths), so the proxy calls the paths users configure.
 */
export async function startBackends<T extends string>(ids: readonly T[], basePaths: Partial<Record<string, string>> = {}): Promise<Backends<T>> {
  return startBackendsFor(ids.map((id) => {
    const credential = seedCatalog.credentials.find((candidate) => candidate.id === id);
    if (!credential) throw new Error(`no seed credential ${id}`);
    return { id, provider: credential.provider, basePath: basePaths[id] };
  }));
}

/** Starts one backend per credential (any catalog's: an imported one, say), and the validator they share. */
export async function startBackendsFor<T extends string>(credentials: ReadonlyArray<{ id: T; provider: string; basePath?: string; auth?: Record<string, string> }>): Promise<Backends<T>> {
  for (const { provider } of credentials) {
    if (!(fakedProviders as readonly string[]).includes(provider)) throw new Error(`no fake for provider ${provider}`);
  }
  const validator = await ProviderValidator.start(credentials.map(({ provider }) => provider));
  const started = await Promise.all(credentials.map(({ id, provider, basePath, auth }) => new FakeBackend(id, provider as FakedProvider, validator, basePath, auth).start()));
  return Object.fromEntries(started.map((backend) => [backend.name, backend])) as Backends<T>;
}

/** Stops the backends of one startBackends call and their validator. */
export async function stopBackends(backends: Backends<string> | undefined): Promise<void> {
  const all = Object.values(backends ?? {});
  await Promise.all(all.map((backend) => backend.stop()));
  await Promise.all([...new Set(all.map((backend) => backend.validator))].map((validator) => validator.stop()));
}

/**
 * The refusals of these backends not reported before, with the backend's name; tests require none
 * (an afterEach per file), and each is reported once, to the test during which it happened.
 */
export function rejectionsOf(backends: Backends<string> | undefined): Array<{ backend: string; path: string; rule: string; body: object }> {
  return Object.values(backends ?? {}).flatMap((backend) => backend.rejections.filter((request) => !reported.has(request)).map((request) => {
    reported.add(request);
    return { backend: backend.name, path: request.path, rule: request.rejection!.rule, body: request.rejection!.body };
  }));
}

const reported = new WeakSet<RecordedRequest>();

/**
 * Requests to a path the real service does not serve (no route kind): the fake answers them 404, which
 * is no refusal, so tests assert there are none, as "<backend> <METHOD> <path>".
 */
export function unservedRequestsOf(backends: Backends<string>): string[] {
  return Object.values(backends).flatMap((backend) => backend.requests.filter((request) => !request.kind).map((request) => `${backend.name} ${request.method} ${request.path}`));
}

/** Listens on a free loopback port. */
export function listenOnLoopback(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve);
  });
}

/** Closes the server and its open connections (streams included). */
export async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
