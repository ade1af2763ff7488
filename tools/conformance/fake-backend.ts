// A fake model provider on 127.0.0.1: answers the provider paths the chart's credentials use
// (DESIGN.md §4) with well-formed bodies and records every request, so tests can check what the
// real LiteLLM proxy sent upstream. One instance stands for one credential's endpoint.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type UpstreamKind = 'azure-chat' | 'azure-embeddings' | 'azure-images' | 'embeddings' | 'anthropic-messages' | 'cohere-rerank';

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
  /** Azure deployment name from `/openai/deployments/<name>/…`. */
  deployment: string | undefined;
  /** A websocket upgrade (realtime) rather than a plain request. */
  upgrade: boolean;
}

// Azure deployment names may contain slashes (the seed's `gpt5_series/gpt-5`).
const routes: Array<[RegExp, UpstreamKind]> = [
  [/\/openai\/deployments\/(.+)\/chat\/completions$/, 'azure-chat'],
  [/\/openai\/deployments\/(.+)\/embeddings$/, 'azure-embeddings'],
  [/\/openai\/deployments\/(.+)\/images\/generations$/, 'azure-images'],
  [/\/v1\/messages$/, 'anthropic-messages'],
  [/\/v2\/rerank$/, 'cohere-rerank'],
  [/\/embeddings$/, 'embeddings'],
];

/** Which provider call a path is, and the Azure deployment it names. */
export function classifyPath(path: string): { kind: UpstreamKind | undefined; deployment: string | undefined } {
  for (const [pattern, kind] of routes) {
    const match = pattern.exec(path);
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
      return {
        id: `chatcmpl-${name}`, object: 'chat.completion', created, model: body?.model ?? 'fake',
        choices: [{ index: 0, message: { role: 'assistant', content: `answer from ${name}` }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
      };
    case 'azure-embeddings':
    case 'embeddings':
      return { object: 'list', model: body?.model ?? 'fake', data: embeddingData(body?.encoding_format, inputs), usage: { prompt_tokens: 2, total_tokens: 2 } };
    case 'azure-images':
      return { created, data: [{ b64_json: Buffer.from(`image from ${name}`).toString('base64'), revised_prompt: body?.prompt ?? '' }] };
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

function parseBody(raw: string): any {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function record(request: IncomingMessage, raw: string, upgrade: boolean): RecordedRequest {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
  return {
    method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers,
    body: parseBody(raw), ...classifyPath(url.pathname), upgrade,
  };
}

export class FakeBackend {
  readonly requests: RecordedRequest[] = [];
  /** When set, every request is answered with this HTTP status (a failing provider). */
  failWith: number | undefined;
  private server: Server | undefined;

  constructor(readonly name: string) {}

  get url(): string {
    if (!this.server) throw new Error(`fake backend ${this.name} is not started`);
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => this.handle(request, response));
    this.server.on('upgrade', (request, socket) => {
      this.requests.push(record(request, '', true));
      socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject).listen(0, '127.0.0.1', resolve);
    });
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = record(request, Buffer.concat(chunks).toString('utf8'), false);
      this.requests.push(recorded);
      const [status, reply] = this.failWith !== undefined
        ? [this.failWith, { error: { message: `${this.name} is failing on purpose`, type: 'server_error' } }]
        : recorded.kind
          ? [200, answer(recorded.kind, recorded.body, this.name)]
          : [404, { error: { message: `fake backend does not serve ${recorded.path}`, type: 'invalid_request_error' } }];
      const bytes = Buffer.from(JSON.stringify(reply));
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
      response.end(bytes);
    });
  }
}

/** Starts one backend per name (e.g. per credential id). */
export async function startBackends<T extends string>(names: readonly T[]): Promise<Record<T, FakeBackend>> {
  const started = await Promise.all(names.map((name) => new FakeBackend(name).start()));
  return Object.fromEntries(started.map((backend) => [backend.name, backend])) as Record<T, FakeBackend>;
}
