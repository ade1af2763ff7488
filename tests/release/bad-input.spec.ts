// Bad input: each case ends with one line "release: <reason>", a non-zero exit, nothing pushed to the
// registry and dist/ exactly as it was. The CLI runs as a subprocess in a copy of the repository.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmBin, runHelm } from '../../tools/helm.ts';
import { freePort, startRegistry, type Registry } from './support/registry.ts';
import { copyRepo, type RepoCopy } from './support/repo.ts';

const repository = 'charts/litellm-stack';
let registry: Registry;
let repo: RepoCopy;

function distState(): Record<string, string> {
  const dist = join(repo.dir, 'dist');
  if (!existsSync(dist)) return {};
  return Object.fromEntries(readdirSync(dist).sort().map((file) => [file, createHash('sha256').update(readFileSync(join(dist, file))).digest('hex')]));
}

const credentials = () => ({ REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: registry.password });

beforeAll(async () => {
  registry = await startRegistry();
  repo = copyRepo();
});

afterAll(async () => {
  await registry?.stop();
  repo?.cleanup();
});

describe('npm run release', () => {
  it('is wired in package.json: --help prints the usage', () => {
    const out = execFileSync('npm', ['run', '--silent', 'release', '--', '--help'], { cwd: repo.dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: repo.home } });
    expect(out).toMatch(/^Usage: npm run release -- --registry oci:\/\/HOST\/NAMESPACE/);
  });
});

describe('credentials', () => {
  it('reach Helm on stdin only: never on a command line, never in the output', async () => {
    // Shims that log every Helm command line before running the real binary.
    const dir = mkdtempSync(join(tmpdir(), 'helm-shim-'));
    const log = join(dir, 'argv.log');
    const shims: NodeJS.ProcessEnv = {};
    for (const major of ['helm3', 'helm4'] as const) {
      const shim = join(dir, major);
      writeFileSync(shim, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${helmBin(major)}' "$@"\n`);
      chmodSync(shim, 0o755);
      shims[major === 'helm3' ? 'HELM3_BIN' : 'HELM4_BIN'] = shim;
    }
    const result = await repo.release(['--registry', registry.url('charts'), '--plain-http'], { ...credentials(), ...shims });
    const argv = readFileSync(log, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(result.code, result.stderr).toBe(0);
    expect(argv).toMatch(/^registry login 127\.0\.0\.1:\d+ --username releaser --password-stdin --plain-http$/m);
    expect(argv).toMatch(/^push /m);
    expect(argv).not.toContain(registry.password);
    expect(`${result.stdout}${result.stderr}`).not.toContain(registry.password);
    expect(await registry.tags(repository)).toEqual(['0.1.0']);
  });

  it('an existing Helm registry login is used when REGISTRY_USERNAME/REGISTRY_PASSWORD are unset', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'helm-login-')), 'config.json');
    const login = await runHelm('helm4', ['registry', 'login', registry.host, '--username', registry.username, '--password-stdin', '--plain-http'], {
      env: { HELM_REGISTRY_CONFIG: config },
      input: registry.password,
    });
    expect(login.code, login.stderr).toBe(0);
    // 0.1.0 is published: the re-run reads tags, the manifest and pulls by digest, all authenticated.
    const result = await repo.release(['--registry', registry.url('charts'), '--plain-http'], { HELM_REGISTRY_CONFIG: config });
    rmSync(dirname(config), { recursive: true, force: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/already published with the same chart digest/);
    expect(result.stdout).toMatch(/verify: .* … ok/);
  });
});

interface BadCase {
  name: string;
  args?: string[];
  env?: () => NodeJS.ProcessEnv;
  /** Changes the copy before the run; returns how to undo it. */
  arrange?: () => void | (() => void);
  reason: RegExp;
}

const registryArgs = () => ['--registry', registry.url('charts'), '--plain-http'];

const cases: BadCase[] = [
  { name: 'invalid semver', args: ['--version', '1.0'], reason: /^release: invalid semver version "1\.0" \(expected MAJOR\.MINOR\.PATCH, e\.g\. 1\.2\.3\)$/ },
  { name: 'invalid semver (leading v)', args: ['--version', 'v0.2.0'], reason: /^release: invalid semver version "v0\.2\.0"/ },
  { name: 'version not greater than the last released', args: ['--version', '0.0.9'], reason: /^release: version 0\.0\.9 is not greater than the last released version 0\.1\.0$/ },
  { name: 'appVersion mismatch', args: ['--app-version', 'v9.9.9'], reason: /^release: appVersion "v9\.9\.9" does not equal the image tag "main-v1\.80\.8-stable\.1" in values\.yaml \(image\.tag\)$/ },
  { name: 'unknown flag', args: ['--bogus'], reason: /^release: unknown flag --bogus \(see --help\)$/ },
  { name: 'missing registry', args: [], reason: /^release: missing --registry oci:\/\/HOST\/NAMESPACE \(see --help\)$/ },
  { name: 'registry without oci://', args: ['--registry', 'ghcr.io/acme/charts'], reason: /^release: --registry must start with oci:\/\// },
  {
    name: 'unreachable registry',
    args: [],
    reason: /^release: registry 127\.0\.0\.1:\d+ is unreachable: connection refused \(is it running\?\)$/,
  },
  { name: 'wrong credentials', env: () => ({ REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: 'not-the-password' }), reason: /^release: registry 127\.0\.0\.1:\d+ rejected the credentials of user "releaser" \(HTTP 401 Unauthorized\)$/ },
  { name: 'half the credentials', env: () => ({ REGISTRY_USERNAME: registry.username }), reason: /^release: REGISTRY_USERNAME is set but REGISTRY_PASSWORD is not$/ },
  { name: 'no credentials', env: () => ({}), reason: /^release: registry 127\.0\.0\.1:\d+ requires credentials \(HTTP 401\): set REGISTRY_USERNAME and REGISTRY_PASSWORD, or log in with helm registry login$/ },
  { name: 'HTTPS to a plain-HTTP registry', args: ['--registry', '@registry'], reason: /^release: registry 127\.0\.0\.1:\d+ did not complete a TLS handshake .*; for a plain-HTTP registry add --plain-http$/ },
  {
    name: 'existing version with another digest',
    arrange: () => {
      const path = 'charts/litellm-stack/templates/NOTES.txt';
      repo.write(path, `${repo.read(path)}\nChanged without a new version.\n`);
      repo.commitAll('change the chart, keep the version');
      return () => repo.git('reset', '-q', '--hard', 'HEAD~1');
    },
    reason: /^release: version 0\.1\.0 is already published with chart digest sha256:[0-9a-f]{64}, but the local chart is sha256:[0-9a-f]{64}; differing files: litellm-stack\/templates\/NOTES\.txt\. A published version never changes: release a new version$/,
  },
  {
    name: 'dirty git tree (untracked file)',
    arrange: () => {
      repo.write('stray.txt', 'not committed\n');
      return () => repo.git('clean', '-q', '-f', 'stray.txt');
    },
    reason: /^release: git tree is dirty \(1 change, e\.g\. "\?\? stray\.txt"\): commit or stash before releasing$/,
  },
  {
    name: 'dirty git tree (modified file)',
    arrange: () => {
      repo.write('charts/litellm-stack/Chart.yaml', `${repo.read('charts/litellm-stack/Chart.yaml')}# edited\n`);
      return () => repo.git('checkout', '-q', '--', 'charts/litellm-stack/Chart.yaml');
    },
    reason: /^release: git tree is dirty \(1 change, e\.g\. "M charts\/litellm-stack\/Chart\.yaml"\)/,
  },
  {
    name: 'drifted generated files',
    arrange: () => {
      const path = 'charts/litellm-stack/values.yaml';
      repo.write(path, repo.read(path).replace('replicas: 1', 'replicas: 2'));
      repo.commitAll('edit a generated file by hand');
      return () => repo.git('reset', '-q', '--hard', 'HEAD~1');
    },
    reason: /^release: generated files differ from the catalog \(npm run verify:generated\): run `npm run generate` and commit$/,
  },
  { name: 'no changelog section for the version', args: ['--version', '0.3.0'], reason: /^release: charts\/litellm-stack\/CHANGELOG\.md has no section "## 0\.3\.0": describe the release there first$/ },
  {
    name: 'a chart that fails helm lint --strict',
    arrange: () => {
      repo.addChangelogEntry('0.4.0');
      repo.write('charts/litellm-stack/templates/broken.yaml', '{{ if }}\n');
      repo.commitAll('break a template');
      return () => repo.git('reset', '-q', '--hard', 'HEAD~2');
    },
    args: ['--version', '0.4.0'],
    reason: /^release: helm lint --strict \(helm3\): .*broken\.yaml/,
  },
  { name: '--sign without a key', args: ['--sign'], reason: /^release: --sign needs --key NAME \(or HELM_SIGN_KEY\)$/ },
  { name: 'invalid SOURCE_DATE_EPOCH', env: () => ({ ...credentials(), SOURCE_DATE_EPOCH: 'yesterday' }), reason: /^release: SOURCE_DATE_EPOCH "yesterday" is not a whole number of seconds$/ },
];

describe('bad input', () => {
  it.each(cases)('$name: one-line reason, exit ≠ 0, nothing pushed, dist/ untouched', async (badCase) => {
    const undo = badCase.arrange?.();
    try {
      let args = badCase.args ?? [];
      if (badCase.name === 'unreachable registry') args = ['--registry', `oci://127.0.0.1:${await freePort()}/charts`, '--plain-http'];
      else if (args[1] === '@registry') args = ['--registry', registry.url('charts')];
      else if (!args.includes('--registry') && badCase.name !== 'missing registry') args = [...registryArgs(), ...args];
      const registryBefore = await registry.snapshot([repository]);
      const distBefore = distState();
      const result = await repo.release(args, badCase.env ? badCase.env() : credentials());
      expect(result.code, result.stdout).not.toBe(0);
      expect(result.reason).toMatch(badCase.reason);
      expect(result.reason.startsWith('release: ')).toBe(true);
      expect(`${result.stdout}${result.stderr}`).not.toContain(registry.password);
      expect(await registry.snapshot([repository])).toEqual(registryBefore);
      expect(distState()).toEqual(distBefore);
      expect(repo.git('status', '--porcelain', '--ignored', 'dist')).not.toMatch(/partial/);
    } finally {
      if (typeof undo === 'function') undo();
    }
  });
});
