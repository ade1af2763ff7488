// A real OCI registry for the tests: CNCF distribution (Debian package docker-registry) on a free
// loopback port, filesystem storage in a temp dir, htpasswd (bcrypt) auth. Each test file starts its own.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const registryBin = process.env.DOCKER_REGISTRY_BIN ?? '/usr/bin/docker-registry';
const htpasswdBin = process.env.HTPASSWD_BIN ?? '/usr/bin/htpasswd';

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Registry {
  host: string;
  username: string;
  password: string;
  /** oci://host/<namespace> */
  url: (namespace: string) => string;
  tags: (repository: string) => Promise<string[]>;
  manifest: (repository: string, reference: string) => Promise<{ digest: string; body: any } | undefined>;
  /** Every repository:tag → manifest digest, to show that nothing changed. */
  snapshot: (repositories: string[]) => Promise<Record<string, string>>;
  log: () => string;
  stop: () => Promise<void>;
}

export async function startRegistry(credentials = { username: 'releaser', password: 'registry-test-password' }): Promise<Registry> {
  for (const bin of [registryBin, htpasswdBin]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: apt-get install -y docker-registry apache2-utils (.ci/run does this)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'litellm-registry-'));
  // bcrypt, as distribution requires.
  writeFileSync(join(dir, 'htpasswd'), execFileSync(htpasswdBin, ['-Bbn', credentials.username, credentials.password]));
  let child: ChildProcess | undefined;
  let host = '';
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    const port = await freePort();
    host = `127.0.0.1:${port}`;
    writeFileSync(
      join(dir, 'config.yml'),
      [
        'version: 0.1',
        'log: {level: warn, accesslog: {disabled: true}}',
        `storage: {filesystem: {rootdirectory: ${join(dir, 'data')}}, delete: {enabled: false}}`,
        `http: {addr: "${host}", secret: test-only-http-secret}`,
        `auth: {htpasswd: {realm: litellm-stack-test, path: ${join(dir, 'htpasswd')}}}`,
        '',
      ].join('\n'),
    );
    const logFile = openSync(join(dir, 'registry.log'), 'a');
    const started = spawn(registryBin, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', logFile, logFile] });
    const exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
    let up = false;
    for (let i = 0; i < 200 && !up; i++) {
      const done = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 50))]);
      if (done) break;
      try {
        const response = await fetch(`http://${host}/v2/`);
        up = response.status === 401 || response.status === 200;
      } catch {
        // not listening yet
      }
    }
    if (up) child = started;
    else started.kill('SIGKILL');
  }
  if (!child) throw new Error(`docker-registry did not start:\n${readFileSync(join(dir, 'registry.log'), 'utf8')}`);
  const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const api = (path: string, accept?: string) => fetch(`http://${host}${path}`, { headers: { Authorization: auth, ...(accept ? { Accept: accept } : {}) } });
  const running = child;
  // An interrupted run skips the tests' stop(); the registry still goes with the worker.
  const stopWithWorker = () => running.kill('SIGKILL');
  process.once('exit', stopWithWorker);
  const registry: Registry = {
    host,
    ...credentials,
    url: (namespace) => `oci://${host}/${namespace}`,
    async tags(repository) {
      const response = await api(`/v2/${repository}/tags/list`);
      if (response.status === 404) return [];
      return (((await response.json()) as { tags?: string[] }).tags ?? []).sort();
    },
    async manifest(repository, reference) {
      const response = await api(`/v2/${repository}/manifests/${reference}`, 'application/vnd.oci.image.manifest.v1+json');
      if (response.status === 404) return undefined;
      return { digest: response.headers.get('docker-content-digest')!, body: await response.json() };
    },
    async snapshot(repositories) {
      const state: Record<string, string> = {};
      for (const repository of repositories) {
        for (const tag of await registry.tags(repository)) state[`${repository}:${tag}`] = (await registry.manifest(repository, tag))!.digest;
      }
      return state;
    },
    log: () => readFileSync(join(dir, 'registry.log'), 'utf8'),
    async stop() {
      process.off('exit', stopWithWorker);
      if (running.exitCode === null) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return registry;
}
