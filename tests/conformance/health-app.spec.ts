// healthApp in the real LiteLLM 1.80.8: the separate health app answers the liveness probe while the
// proxy cannot (its process is frozen with SIGSTOP: the stand-in for an event loop busy with traffic or
// spend-log writes), and its readiness is blind to the proxy, which is why readiness stays on the proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noDatabase, proxyInputFromObjects } from '../../tools/conformance/chart-input.ts';
import { startBackends, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { HealthApp, LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { backendValues, existingSecretName, existingSecretValues, testSecret, oneRegionScenario } from '../../tools/conformance/scenario.ts';
import { proxyContainer, render, type K8sObject } from '../support/chart.ts';

/** A probe as the kubelet runs it: HTTP GET with the probe's timeout; 'timeout' counts as a failure. */
async function probe(base: string, path: string, timeoutSeconds: number): Promise<{ status: number | 'timeout'; body: any }> {
  try {
    const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutSeconds * 1000) });
    return { status: response.status, body: await response.json() };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { status: 'timeout', body: undefined };
    throw error;
  }
}

let backends: Record<'azure_credential_us_east', FakeBackend>;
let objects: K8sObject[];
let proxy: LiteLLMProxy;
let healthApp: HealthApp;

beforeAll(async () => {
  backends = await startBackends(['azure_credential_us_east']);
  const values = { ...noDatabase, ...existingSecretValues, ...backendValues(backends), healthApp: { enabled: true } };
  objects = await render('helm3', { files: [oneRegionScenario], values });
  const input = proxyInputFromObjects(objects, [testSecret(existingSecretName)]);
  expect(input.env).toMatchObject({ SEPARATE_HEALTH_APP: '1' });
  proxy = await LiteLLMProxy.start(input);
  healthApp = await HealthApp.start(input, proxy.dir);
});

afterAll(async () => {
  await healthApp?.stop();
  await proxy?.stop();
  await stopBackends(backends);
});

describe('healthApp.enabled', () => {
  it('answers the rendered liveness probe on the health app while the proxy is frozen; the proxy port does not', async () => {
    const container = proxyContainer(objects);
    const liveness = container.livenessProbe;
    expect(liveness.httpGet.port).toBe('health');
    process.kill(proxy.pid, 'SIGSTOP');
    try {
      const [onProxy, onHealthApp] = await Promise.all([
        probe(proxy.url, liveness.httpGet.path, liveness.timeoutSeconds),
        probe(healthApp.url, liveness.httpGet.path, liveness.timeoutSeconds),
      ]);
      expect(onProxy.status).toBe('timeout');
      expect(onHealthApp.status).toBe(200);
    } finally {
      process.kill(proxy.pid, 'SIGCONT');
    }
    expect((await probe(proxy.url, liveness.httpGet.path, 30)).status).toBe(200);
  });

  it('reports readiness without knowing the proxy (why the chart keeps readiness on the proxy port)', async () => {
    const readiness = proxyContainer(objects).readinessProbe;
    expect(readiness.httpGet.port).toBe('http');
    // Its first /health/readiness imports the whole proxy server module (seconds on a busy machine).
    expect((await probe(healthApp.url, readiness.httpGet.path, 120)).status).toBe(200);
    process.kill(proxy.pid, 'SIGSTOP');
    try {
      const onHealthApp = await probe(healthApp.url, readiness.httpGet.path, readiness.timeoutSeconds);
      expect(onHealthApp.status).toBe(200);
      expect(onHealthApp.body).toMatchObject({ status: 'healthy', db: 'Not connected' });
    } finally {
      process.kill(proxy.pid, 'SIGCONT');
    }
  });
});
