// Zero-drop rollouts against the real LiteLLM 1.80.8 proxy: a long stream through the proxy to a slow
// provider, then the pod's stop sequence as the chart renders it (the preStop command really runs,
// then SIGTERM to the main process as the kubelet sends it). The stream must complete, new
// connections must be refused once SIGTERM arrived, and the process must exit within the grace period.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyInputFromObjects, noDatabase } from '../../tools/conformance/chart-input.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { sleep } from '../../tools/conformance/process.ts';
import { backendValues, chatBody, existingSecretName, existingSecretValues, testSecret, oneRegionScenario } from '../../tools/conformance/scenario.ts';
import { SlowStreamBackend, streamedText } from '../../tools/conformance/slow-stream.ts';
import { proxyContainer, render, single, type K8sObject } from '../support/chart.ts';

const chunks = 12;
const intervalMs = 500;

interface StreamResult {
  text: string;
  done: boolean;
  /** ms since the request was sent at which the first and the last byte arrived. */
  firstMs: number;
  lastMs: number;
}

/** Sends a streaming chat request and reads its SSE body to the end; `onFirst` fires at the first chunk. */
async function stream(url: string, key: string, onFirst: () => void): Promise<StreamResult> {
  const sent = Date.now();
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...chatBody('gpt-4.1', `drain-${Date.now()}`), stream: true }),
  });
  expect(response.status).toBe(200);
  const decoder = new TextDecoder();
  let raw = '';
  let firstMs = -1;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (firstMs < 0) {
      firstMs = Date.now() - sent;
      onFirst();
    }
    raw += decoder.decode(chunk, { stream: true });
  }
  const events = raw.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
  const text = events.filter((data) => data !== '[DONE]').map((data) => JSON.parse(data).choices?.[0]?.delta?.content ?? '').join('');
  return { text, done: events.at(-1) === '[DONE]', firstMs, lastMs: Date.now() - sent };
}

/** How a connection attempt ends: 'refused' (nothing listens), or the HTTP status. */
async function connect(url: string): Promise<'refused' | number> {
  try {
    return (await fetch(`${url}/health/liveliness`, { signal: AbortSignal.timeout(3000) })).status;
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'ECONNREFUSED') return 'refused';
    throw error;
  }
}

/** Runs the rendered preStop exec command as the kubelet would (in the container, before SIGTERM). */
function runPreStop(command: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'ignore' });
    child.once('error', reject).once('exit', resolve);
  });
}

// One worker, as LiteLLM recommends per pod. Several workers are not run here: under this machine's
// load uvicorn 0.31 killed every worker that took over 5 s to start, so the proxy never came up
// (docs/operations.md).
describe('stop sequence', () => {
  let backend: SlowStreamBackend;
  let proxy: LiteLLMProxy;
  let objects: K8sObject[];

  beforeAll(async () => {
    backend = await new SlowStreamBackend(chunks, intervalMs).start();
    const values = {
      ...noDatabase, ...existingSecretValues, ...backendValues({ azure_credential_us_east: backend }),
      shutdown: { preStopSleepSeconds: 2 },
    };
    objects = await render('helm3', { files: [oneRegionScenario], values });
    proxy = await LiteLLMProxy.start(proxyInputFromObjects(objects, [testSecret(existingSecretName)]));
  });

  afterAll(async () => {
    await proxy?.stop();
    await backend?.stop();
  });

  it('logs JSON at the rendered level (litellm.logLevel ERROR, litellm.jsonLogs)', async () => {
    const env = Object.fromEntries(proxyContainer(objects).env.map((e: { name: string; value?: string }) => [e.name, e.value]));
    expect(env).toMatchObject({ LITELLM_LOG: 'ERROR', JSON_LOGS: 'True', LITELLM_LOCAL_MODEL_COST_MAP: 'True' });
    expect((await proxy.call('/v1/chat/completions', chatBody('no-such-model', 'drain-log'))).status).toBe(400);
    // Besides the JSON records, the log holds only LiteLLM's startup prints: its banner and one notice.
    const lines = proxy.log().split('\n').filter((line) => line.trim() !== '');
    const records = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    const prints = lines.filter((line) => !line.startsWith('{'));
    expect(prints.filter((line) => !/^[\s█╗╔═╝╚║]+$/.test(line))).toEqual(['Using json logs. Setting log_config to None.']);
    expect(records.some((record) => record.level === 'ERROR' && record.message.includes('no-such-model'))).toBe(true);
    expect(records.filter((record) => !['ERROR', 'CRITICAL'].includes(record.level))).toEqual([]);
  });

  it('finishes a stream begun before the stop sequence, serves no new connection after SIGTERM and exits within the grace period', async () => {
    const container = proxyContainer(objects);
    const grace = single(objects, 'Deployment').spec.template.spec.terminationGracePeriodSeconds as number;
    const preStop = container.lifecycle.preStop.exec.command as string[];
    expect(preStop).toEqual(['sleep', '2']);

    let firstChunk!: () => void;
    const streaming = new Promise<void>((resolve) => (firstChunk = resolve));
    const result = stream(proxy.url, proxy.masterKey, firstChunk);
    await streaming;

    const stopBegan = Date.now();
    // During preStop the pod still serves: endpoints and gateways are still dropping it.
    const preStopRun = runPreStop(preStop);
    expect(await connect(proxy.url)).toBe(200);
    expect(await preStopRun).toBe(0);

    const exited = proxy.terminate();
    await sleep(500);
    const afterSigterm = await connect(proxy.url);
    const streamed = await result;
    const exit = await exited;
    const exitMs = Date.now() - stopBegan;

    expect(afterSigterm).toBe('refused');
    expect(streamed.done).toBe(true);
    expect(streamed.text).toBe(streamedText(chunks));
    // The stream was still running when SIGTERM arrived, and the process waited for it.
    expect(streamed.lastMs).toBeGreaterThan(2000 + 500);
    expect(backend.finished).toBe(backend.started);
    // uvicorn re-raises the SIGTERM it handled once it has shut down: a clean exit shows as that signal.
    expect(exit.code === 0 || exit.signal === 'SIGTERM', JSON.stringify(exit)).toBe(true);
    expect(exitMs).toBeLessThan(grace * 1000);
    console.log(`stream ${streamed.lastMs} ms, process exited ${exitMs} ms after the stop sequence began (grace ${grace} s)`);
  });
});
