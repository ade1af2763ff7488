// A slow streaming model provider on 127.0.0.1: answers Azure OpenAI chat completions with
// `stream: true` as server-sent events, one chunk every `intervalMs`, so a stream outlives a pod's stop
// sequence (tests/conformance/drain.spec.ts). Other requests get the fake backend's plain answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answer, classifyPath, closeServer, listenOnLoopback } from './fake-backend.ts';

/** The text a stream of `chunks` chunks carries in total, so a client can check it got all of it. */
export const streamedText = (chunks: number) => Array.from({ length: chunks }, (_, index) => `part-${index + 1} `).join('');

export class SlowStreamBackend {
  private server: Server | undefined;
  /** Streams begun and streams whose last event ([DONE]) was written. */
  started = 0;
  finished = 0;

  constructor(readonly chunks: number, readonly intervalMs: number) {}

  get url(): string {
    if (!this.server) throw new Error('slow stream backend is not started');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What the credential's apiBase becomes (no path: Azure's paths start at the resource). */
  get apiBase(): string {
    return this.url;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const body: Buffer[] = [];
      request.on('data', (chunk: Buffer) => body.push(chunk));
      request.on('end', () => {
        const parsed = JSON.parse(Buffer.concat(body).toString('utf8') || '{}');
        const { kind } = classifyPath('azure', new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
        if (kind !== 'azure-chat' || parsed.stream !== true) {
          const bytes = Buffer.from(JSON.stringify(kind ? answer(kind, parsed, 'slow') : { error: { message: 'not served' } }));
          response.writeHead(kind ? 200 : 404, { 'content-type': 'application/json', 'content-length': bytes.length }).end(bytes);
          return;
        }
        this.started++;
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const created = Math.floor(Date.now() / 1000);
        const event = (delta: object, finish: string | null) =>
          `data: ${JSON.stringify({ id: 'chatcmpl-slow', object: 'chat.completion.chunk', created, model: parsed.model ?? 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
        let sent = 0;
        const timer = setInterval(() => {
          if (response.destroyed) return clearInterval(timer);
          sent++;
          response.write(event({ role: 'assistant', content: `part-${sent} ` }, null));
          if (sent < this.chunks) return;
          clearInterval(timer);
          response.end(`${event({}, 'stop')}data: [DONE]\n\n`);
          this.finished++;
        }, this.intervalMs);
        response.on('close', () => clearInterval(timer));
      });
    });
    await listenOnLoopback(this.server);
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await closeServer(server);
  }
}
