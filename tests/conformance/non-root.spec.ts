// The proxy pod as the chart renders it by default, run here under its own security context with the
// real LiteLLM 1.80.8 (tools/conformance/pod-sandbox.ts): the `ui` init container, then the proxy, as
// the pod's UID/GID without capabilities, on a read-only root with only the rendered emptyDirs
// writable. It must start, serve a request and the admin UI, and write nowhere else.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noDatabase, proxyInputFromObjects } from '../../tools/conformance/chart-input.ts';
import { startBackends, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { hostRootLinks, quantityBytes, sandboxScript } from '../../tools/conformance/pod-sandbox.ts';
import { LiteLLMProxy, type Launcher } from '../../tools/conformance/proxy.ts';
import { backendValues, chatBody, existingSecretName, existingSecretValues, oneRegionScenario, testSecret } from '../../tools/conformance/scenario.ts';
import { venvBin, venvDir } from '../../tools/python-env.ts';
import { render, single, type K8sObject } from '../support/chart.ts';

let backends: Record<'azure_credential_us_east', FakeBackend>;
let objects: K8sObject[];
let pod: any;
let proxy: LiteLLMProxy;
let root: string;

/** Bytes under a directory (files only), read through the process's root. */
function usedBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

beforeAll(async () => {
  backends = await startBackends(['azure_credential_us_east']);
  objects = await render('helm4', { files: [oneRegionScenario], values: { ...noDatabase, ...existingSecretValues, ...backendValues(backends) } });
  pod = single(objects, 'Deployment').spec.template.spec;
  const main = pod.containers.find((container: { name: string }) => container.name === 'litellm');
  // The install is the venv and the Python it was made from (an image's layers hold both).
  const pythonHome = execFileSync(venvBin('python'), ['-c', 'import sys; print(sys.base_prefix)'], { encoding: 'utf8' }).trim();
  root = mkdtempSync(join(tmpdir(), 'conformance-pod-root-'));
  const launch: Launcher = ({ argv, env, configPath }) => {
    const script = sandboxScript({
      pod,
      initContainers: pod.initContainers.map((container: any) => ({ name: container.name, argv: container.command, volumeMounts: container.volumeMounts })),
      container: { name: main.name, argv: argv.map((arg) => (arg === configPath ? '/app/config.yaml' : arg)), volumeMounts: main.volumeMounts },
      root,
      workingDir: '/app',
      readOnlyPaths: [venvDir, pythonHome],
      configFiles: { config: { 'config.yaml': configPath } },
      hostLinks: hostRootLinks(),
    });
    // HOME as a pod without one gets it for a UID the image's passwd does not name: `/`, read-only here.
    return { command: 'unshare', args: ['--mount', '--', 'sh', '-c', script], env: { ...env, HOME: '/' } };
  };
  proxy = await LiteLLMProxy.start(proxyInputFromObjects(objects, [testSecret(existingSecretName)]), 180_000, launch);
}, 240_000);

afterAll(async () => {
  await proxy?.stop();
  await stopBackends(backends);
  // The mounts died with the proxy's mount namespace; only the empty mount points are left.
  if (root) for (const dir of [root, `${root}-volumes`]) rmSync(dir, { recursive: true, force: true });
});

describe('the default pod security context, run', () => {
  it('runs the proxy as the pod\'s UID and GID (fsGroup as its group), with no capabilities and no_new_privs', () => {
    const status = Object.fromEntries(readFileSync(`/proc/${proxy.pid}/status`, 'utf8').split('\n').map((line) => line.split(':\t')));
    const { runAsUser, runAsGroup, fsGroup } = pod.securityContext;
    expect(status.Uid.split('\t')).toEqual(Array(4).fill(String(runAsUser)));
    expect(status.Gid.split('\t')).toEqual(Array(4).fill(String(runAsGroup)));
    expect(status.Groups.trim()).toBe(String(fsGroup));
    expect([status.CapEff, status.CapPrm, status.CapBnd]).toEqual(Array(3).fill('0000000000000000'));
    expect(status.NoNewPrivs).toBe('1');
  });

  it('sees a read-only root and install, writable only at the rendered emptyDirs (and the runtime\'s /dev/shm)', () => {
    const mounts = readFileSync(`/proc/${proxy.pid}/mountinfo`, 'utf8').trim().split('\n').map((line) => {
      const fields = line.split(' ');
      return { path: fields[4]!, writable: fields[5]!.split(',').includes('rw') };
    });
    expect(mounts.find((mount) => mount.path === '/')!.writable).toBe(false);
    expect(mounts.find((mount) => mount.path === venvDir)!.writable).toBe(false);
    const writable = mounts.filter((mount) => mount.writable && !mount.path.startsWith('/dev') && !mount.path.startsWith('/proc')).map((mount) => mount.path);
    const emptyDirs = new Set(pod.volumes.filter((volume: any) => volume.emptyDir).map((volume: any) => volume.name));
    const declared = pod.containers[0].volumeMounts.filter((mount: any) => emptyDirs.has(mount.name)).map((mount: any) => mount.mountPath);
    expect(writable.sort()).toEqual([...declared].sort());
  });

  it('serves a chat completion through the fake backend', async () => {
    const response = await proxy.call('/v1/chat/completions', chatBody('gpt-4.1', `non-root-${Date.now()}`));
    expect(response.status, response.text).toBe(200);
  });

  it('serves the admin UI\'s login page from the copy the ui init container staged in /tmp', async () => {
    const login = await fetch(`${proxy.url}/ui/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('<html');
    expect(statSync(`/proc/${proxy.pid}/root/tmp/litellm_ui/login/index.html`).isFile()).toBe(true);
  });

  it('stays within the /tmp sizeLimit', () => {
    const limit = quantityBytes(pod.volumes.find((volume: any) => volume.name === 'tmp').emptyDir.sizeLimit);
    const used = usedBytes(`/proc/${proxy.pid}/root/tmp`);
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThan(limit / 10);
  });
});
