// The chart README's quick start, first request: its values rendered, the real LiteLLM proxy started
// from the rendered config with the credential on a strict fake Azure backend, and the README's curl
// lines run as written (the port-forward's localhost:4000 replaced by the proxy's address).
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blocksRunBy, repoBlocks } from '../../tools/docs/blocks.ts';
import { repoRoot } from '../../tools/helm.ts';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackends, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { apiKeyFor, backendValues, credentialOf, existingSecretName, masterKey, testSecret } from '../../tools/conformance/scenario.ts';

const readme = 'charts/litellm-stack/README.md';
const [requestBlock, ...others] = blocksRunBy(repoRoot, 'tests/docs/quick-start.spec.ts');
// The quick start's values: the yaml block of step 2, the one that names the Secret of step 1.
const valuesBlock = repoBlocks(repoRoot).find((block) => block.file === readme && block.lang === 'yaml' && /existingSecret: litellm-secrets/.test(block.body));

let backends: Record<'azure_credential_us_east', FakeBackend>;
let proxy: LiteLLMProxy;
let bin: string;

beforeAll(async () => {
  backends = await startBackends(['azure_credential_us_east']);
  const values = parse(valuesBlock!.body);
  const credential = { ...values.credentials.azure_credential_us_east, ...backendValues(backends).credentials.azure_credential_us_east };
  const input = await renderProxyInput({ values: { ...values, credentials: { ...values.credentials, azure_credential_us_east: credential } } }, [testSecret(existingSecretName)]);
  proxy = await LiteLLMProxy.start(input);
  // curl as the reader runs it, plus the status of each response on a line of its own.
  bin = mkdtempSync(join(tmpdir(), 'quick-start-'));
  writeFileSync(join(bin, 'curl'), '#!/bin/bash\n/usr/bin/curl "$@" --write-out \'\\n%{http_code}\\n\'\n');
  chmodSync(join(bin, 'curl'), 0o755);
});

afterAll(async () => {
  await proxy?.stop();
  await stopBackends(backends);
  if (bin) rmSync(bin, { recursive: true, force: true });
});

describe('chart README quick start: first request', () => {
  it('is the one block marked for this spec, after the values of step 2', () => {
    expect(requestBlock?.file).toBe(readme);
    expect(others).toEqual([]);
    expect(valuesBlock!.line).toBeLessThan(requestBlock!.line);
  });

  it('lists the models and answers the chat completion (200) from the Azure deployment, which accepted the request', async () => {
    const script = requestBlock!.body.replaceAll('localhost:4000', proxy.url.replace('http://', ''));
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile('bash', ['-euo', 'pipefail', '-c', script], { env: { PATH: `${bin}:/usr/bin:/bin`, MASTER_KEY: masterKey } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? -1) : 0, output: `${stdout}${stderr}` }));
    });
    expect(code, output).toBe(0);
    // Each curl prints its body, then its status on the next line.
    const [models, modelsStatus, chat, chatStatus] = output.trim().split('\n');
    expect([modelsStatus, chatStatus], output).toEqual(['200', '200']);
    expect(JSON.parse(models!).data.map((model: { id: string }) => model.id)).toContain('gpt-4o-mini');
    const completion = JSON.parse(chat!);
    expect(completion).toMatchObject({ object: 'chat.completion', choices: [{ message: { role: 'assistant', content: 'answer from azure_credential_us_east' } }] });
    const upstream = backends.azure_credential_us_east.requests.filter((request) => request.kind === 'azure-chat');
    expect(upstream.map((request) => [request.deployment, request.headers['api-key']])).toEqual([['gpt-4o-mini', apiKeyFor(credentialOf('azure_credential_us_east'))]]);
    expect(upstream[0]!.body.messages).toEqual([{ role: 'user', content: 'Hello' }]);
    expect(rejectionsOf(backends)).toEqual([]);
  });
});
