// The real release CLI, run as a subprocess in a copy of the repository, against a real registry:
// first publish, idempotent re-publish, a conflicting re-publish refused, a dry run, a second
// version; then consuming the published chart by version and by digest under Helm 3 and Helm 4.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmMajors, type HelmMajor } from '../../tools/helm.ts';
import { parseObjects } from '../support/chart.ts';
import { consumerOf, type Consumer } from './support/consumer.ts';
import { startKubeStub, type KubeStub } from './support/kube-stub.ts';
import { startRegistry, type Registry } from './support/registry.ts';
import { copyRepo, type RepoCopy, type RunResult } from './support/repo.ts';

const repository = 'charts/litellm-stack';
let registry: Registry;
let repo: RepoCopy;
let env: NodeJS.ProcessEnv;
const published: Record<string, string> = {};

const sha256 = (path: string) => `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
const releaseJson = () => JSON.parse(repo.read('dist/release.json'));
const run = (...args: string[]) => repo.release(['--registry', registry.url('charts'), '--plain-http', ...args], env);

function expectOk(result: RunResult): void {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
}

beforeAll(async () => {
  registry = await startRegistry();
  repo = copyRepo();
  env = { REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: registry.password };
});

afterAll(async () => {
  await registry?.stop();
  repo?.cleanup();
});

describe('publishing', () => {
  it('publishes the first version, verified by digest, and writes dist/', async () => {
    const result = await run();
    expectOk(result);
    // One progress line per step, all ok.
    const progress = result.stdout.split('\n').filter((line) => /^\[\d+\/\d+\]/.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(10);
    for (const line of progress) expect(line).toMatch(/ … ok/);
    expect(await registry.tags(repository)).toEqual(['0.1.0']);

    const record = releaseJson();
    const manifest = await registry.manifest(repository, '0.1.0');
    expect(record).toMatchObject({ chart: 'litellm-stack', version: '0.1.0', appVersion: 'main-v1.80.8-stable.1', published: 'pushed', digest: manifest!.digest, signed: false, packagedWith: 'helm4' });
    expect(Object.keys(record.helm).sort()).toEqual(['helm3', 'helm4']);
    expect(record.helm.helm4).toMatch(/^v4\./);
    expect(record.helm.helm3).toMatch(/^v3\./);
    expect(new Date(record.timestamp).getTime()).toBeGreaterThan(Date.now() - 600_000);
    // The archive in dist/ is the chart layer the registry holds.
    const archive = join(repo.dir, 'dist', record.archive);
    expect(sha256(archive)).toBe(record.chartDigest);
    expect(statSync(archive).size).toBe(record.size);
    const chartLayer = manifest!.body.layers.find((layer: { mediaType: string }) => layer.mediaType === 'application/vnd.cncf.helm.chart.content.v1.tar+gzip');
    expect(chartLayer.digest).toBe(record.chartDigest);
    // Helm takes org.opencontainers.image.created from the archive's mtime, which the release pins.
    expect(manifest!.body.annotations['org.opencontainers.image.created']).toBe(new Date(record.sourceDateEpoch * 1000).toISOString().replace('.000Z', 'Z'));
    // The snippets name this exact version and digest.
    expect(result.stdout).toContain(`helm install litellm oci://${registry.host}/charts/litellm-stack --version 0.1.0 --plain-http`);
    expect(result.stdout).toContain(`helm install litellm oci://${registry.host}/charts/litellm-stack@${record.digest} --plain-http`);
    expect(result.stdout).toContain(`digest: ${record.digest}`);
    expect(readdirSync(join(repo.dir, 'dist')).sort()).toEqual(['litellm-stack-0.1.0.tgz', 'release.json']);
    published['0.1.0'] = record.digest;
  });

  it('puts the Artifact Hub annotations into the published Chart.yaml', async () => {
    const consumer = await consumerOf(registry);
    try {
      const shown = await consumer.helm('helm4', ['show', 'chart', `oci://${registry.host}/${repository}`, '--version', '0.1.0', '--plain-http']);
      const chart = parse(shown.stdout);
      expect(chart).toMatchObject({ name: 'litellm-stack', version: '0.1.0', appVersion: 'main-v1.80.8-stable.1' });
      expect(chart.annotations['artifacthub.io/license']).toBe('Apache-2.0');
      expect(parse(chart.annotations['artifacthub.io/images'])).toEqual([{ name: 'litellm', image: 'ghcr.io/berriai/litellm-non_root:main-v1.80.8-stable.1' }]);
      const changes = parse(chart.annotations['artifacthub.io/changes']);
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) expect(change).toEqual({ kind: expect.stringMatching(/^(added|changed|deprecated|removed|fixed|security)$/), description: expect.any(String) });
    } finally {
      consumer.cleanup();
    }
  });

  it('re-publishing the same version from the same commit is a no-op success', async () => {
    const before = await registry.snapshot([repository]);
    const result = await run();
    expectOk(result);
    expect(result.stdout).toMatch(/0\.1\.0 is already published with the same chart digest/);
    expect(result.stdout).toMatch(/push … ok: skipped: already published/);
    expect(await registry.snapshot([repository])).toEqual(before);
    expect(releaseJson()).toMatchObject({ version: '0.1.0', published: 'unchanged', digest: published['0.1.0'] });
  });

  it('refuses to publish other content under a published version, and changes nothing', async () => {
    const before = await registry.snapshot([repository]);
    const distBefore = repo.read('dist/release.json');
    const notes = 'charts/litellm-stack/templates/NOTES.txt';
    repo.write(notes, `${repo.read(notes)}\nA changed note.\n`);
    repo.commitAll('change the chart without bumping its version');
    try {
      const result = await run();
      expect(result.code).not.toBe(0);
      expect(result.reason).toMatch(/^release: version 0\.1\.0 is already published with chart digest sha256:[0-9a-f]{64}, but the local chart is sha256:[0-9a-f]{64}; differing files: litellm-stack\/templates\/NOTES\.txt\. A published version never changes: release a new version$/);
      expect(await registry.snapshot([repository])).toEqual(before);
      expect(repo.read('dist/release.json')).toBe(distBefore);
      expect(readdirSync(join(repo.dir, 'dist')).filter((file) => file.includes('partial'))).toEqual([]);
    } finally {
      repo.git('reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a dry run does every step but the push, and says so', async () => {
    repo.addChangelogEntry('0.2.0', 'Second release.');
    const before = await registry.snapshot([repository]);
    const result = await run('--version', '0.2.0', '--dry-run');
    expectOk(result);
    expect(result.stdout).toMatch(/dry run: every step except the push/);
    expect(result.stdout).toMatch(/push … ok: skipped: dry run/);
    expect(result.stdout).toMatch(/dry run: nothing was pushed/);
    expect(await registry.snapshot([repository])).toEqual(before);
    expect(releaseJson()).toMatchObject({ version: '0.2.0', published: 'dry-run', digest: null });
  });

  it('publishes a greater version', async () => {
    const result = await run('--version', '0.2.0');
    expectOk(result);
    expect(await registry.tags(repository)).toEqual(['0.1.0', '0.2.0']);
    const record = releaseJson();
    expect(record).toMatchObject({ version: '0.2.0', published: 'pushed' });
    expect(record.digest).not.toBe(published['0.1.0']);
    published['0.2.0'] = record.digest;
  });

  it('a later commit that only adds a changelog section leaves an earlier version unchanged', async () => {
    // HEAD now carries the 0.2.0 changelog commit; the 0.1.0 archive must come out byte-identical.
    const result = await run('--version', '0.1.0');
    expectOk(result);
    expect(releaseJson()).toMatchObject({ version: '0.1.0', published: 'unchanged', digest: published['0.1.0'] });
  });
});

describe('consuming the published chart', () => {
  let consumer: Consumer;
  let stub: KubeStub;
  const refs = () => [
    { name: 'by version', args: [`oci://${registry.host}/${repository}`, '--version', '0.2.0'] },
    { name: 'by digest', args: [`oci://${registry.host}/${repository}@${published['0.2.0']}`] },
  ];

  beforeAll(async () => {
    if (!published['0.2.0']) throw new Error('the publishing tests did not publish 0.2.0');
    consumer = await consumerOf(registry);
    const rendered = await consumer.helm('helm4', ['template', 'litellm', ...refs()[0]!.args, '--plain-http', '-f', join(repo.dir, 'charts/litellm-stack/ci/01-minimal.yaml')]);
    stub = await startKubeStub(parseObjects(rendered.stdout));
  });

  afterAll(async () => {
    consumer?.cleanup();
    await stub?.close();
  });

  const values = () => join(repo.dir, 'charts/litellm-stack/ci/01-minimal.yaml');

  describe.each(helmMajors.map((major) => [major] as [HelmMajor]))('%s', (major) => {
    it('helm show chart and helm show values, by version and by digest', async () => {
      for (const ref of refs()) {
        const chart = await consumer.helm(major, ['show', 'chart', ...ref.args, '--plain-http']);
        expect(chart.code, `${ref.name}: ${chart.stderr}`).toBe(0);
        expect(parse(chart.stdout)).toMatchObject({ name: 'litellm-stack', version: '0.2.0' });
        const shownValues = await consumer.helm(major, ['show', 'values', ...ref.args, '--plain-http']);
        expect(shownValues.code, `${ref.name}: ${shownValues.stderr}`).toBe(0);
        // Helm adds a final newline.
        expect(shownValues.stdout.trimEnd()).toBe(repo.read('charts/litellm-stack/values.yaml').trimEnd());
      }
    });

    it('helm template, by version and by digest', async () => {
      for (const ref of refs()) {
        const result = await consumer.helm(major, ['template', 'litellm', ...ref.args, '--plain-http', '--namespace', 'litellm', '-f', values()]);
        expect(result.code, `${ref.name}: ${result.stderr}`).toBe(0);
        const kinds = parseObjects(result.stdout).map((object) => object.kind);
        expect(kinds).toEqual(expect.arrayContaining(['Deployment', 'Service', 'ConfigMap', 'Secret']));
      }
    });

    it('helm install --dry-run=client, by version and by digest', async () => {
      for (const ref of refs()) {
        // Helm 3.17 reads the API server's version and discovery even in a client-side dry run: it
        // gets the discovery stub, and skips OpenAPI validation (the stub serves no OpenAPI).
        const extra = major === 'helm3' ? ['--disable-openapi-validation'] : [];
        const result = await consumer.helm(
          major,
          ['install', 'litellm', ...ref.args, '--plain-http', '--namespace', 'litellm', '--dry-run=client', '-f', values(), ...extra],
          major === 'helm3' ? { KUBECONFIG: stub.kubeconfig } : {},
        );
        expect(result.code, `${ref.name}: ${result.stderr}`).toBe(0);
        expect(result.stdout).toMatch(/STATUS: pending-install/);
        expect(result.stdout).toMatch(/kind: Deployment/);
      }
      expect(stub.writes).toEqual([]);
      if (major === 'helm3') expect(stub.requests).toContain('GET /version');
    });

    it('helm pull by digest gives the archive the release wrote to dist/', async () => {
      const into = mkdtempSync(join(tmpdir(), `pull-${major}-`));
      try {
        const result = await consumer.helm(major, ['pull', refs()[1]!.args[0]!, '--plain-http', '--destination', into]);
        expect(result.code, result.stderr).toBe(0);
        const files = readdirSync(into);
        expect(files).toHaveLength(1);
        expect(sha256(join(into, files[0]!))).toBe(sha256(join(repo.dir, 'dist', 'litellm-stack-0.2.0.tgz')));
      } finally {
        rmSync(into, { recursive: true, force: true });
      }
    });
  });
});
