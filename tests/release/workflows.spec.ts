// .github/workflows: linted by actionlint (built from the Go module proxy), every action pinned by a
// full commit SHA, and the parts the release process relies on present.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../tools/helm.ts';
import { ensureActionlint } from './support/actionlint.ts';

const dir = join(repoRoot, '.github', 'workflows');
const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort();
const text = (file: string) => readFileSync(join(dir, file), 'utf8');
const workflow = (file: string) => parse(text(file));

/** Every `uses:` of a workflow: job-level (reusable workflows) and step-level. */
function uses(file: string): string[] {
  const found: string[] = [];
  for (const job of Object.values<any>(workflow(file).jobs ?? {})) {
    if (job.uses) found.push(job.uses);
    for (const step of job.steps ?? []) if (step.uses) found.push(step.uses);
  }
  return found;
}

const allSteps = (file: string) => Object.values<any>(workflow(file).jobs).flatMap((job) => job.steps ?? []);
const scripts = (file: string) => allSteps(file).map((step: { run?: string }) => step.run ?? '').join('\n');

describe('workflows', () => {
  let actionlint: string;
  beforeAll(() => {
    actionlint = ensureActionlint();
  });

  it('are the three the release process needs and the heavy suites', () => {
    expect(files).toEqual(['ci.yaml', 'e2e.yaml', 'heavy.yaml', 'release.yaml']);
  });

  it('pass actionlint', async () => {
    try {
      await promisify(execFile)(actionlint, ['-no-color', ...files.map((file) => join(dir, file))], { cwd: repoRoot });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      expect.fail(`actionlint:\n${stdout}${stderr}`);
    }
  });

  it('actionlint has teeth: it rejects a broken workflow', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'actionlint-'));
    const broken = join(scratch, 'broken.yaml');
    writeFileSync(broken, 'on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n        uses: actions/checkout@v4\n');
    const result = await promisify(execFile)(actionlint, ['-no-color', broken]).then(() => undefined, (error: { code?: number; stdout?: string }) => error);
    rmSync(scratch, { recursive: true, force: true });
    expect(result?.code).toBe(1);
    expect(result?.stdout).toMatch(/nope|"run" and "uses"/);
  });

  it.each(files)('%s pins every action by a full commit SHA, with the version in a comment', (file) => {
    const found = uses(file);
    expect(found.length).toBeGreaterThan(0);
    for (const ref of found) {
      if (ref.startsWith('./')) continue; // an action in this repository
      expect(ref, `${file}: ${ref}`).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$/);
      const line = text(file).split('\n').find((l) => l.includes(`uses: ${ref}`));
      expect(line, `${file}: ${ref} has no "# vX.Y.Z" comment`).toMatch(/ # v\d+\.\d+\.\d+$/);
    }
  });

  it('pin each action to one SHA across all workflows', () => {
    const byAction = new Map<string, Set<string>>();
    for (const file of files) for (const ref of uses(file)) {
      const [action, sha] = ref.split('@') as [string, string];
      byAction.set(action, (byAction.get(action) ?? new Set()).add(sha));
    }
    for (const [action, shas] of byAction) expect([...shas], action).toHaveLength(1);
  });
});

describe('ci.yaml', () => {
  it('runs on pull requests and pushes: npm ci, verify:generated, npm test, and a Helm 3/Helm 4 matrix', () => {
    const ci = workflow('ci.yaml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const all = scripts('ci.yaml');
    for (const command of ['npm ci', 'npm run verify:generated', 'npm test']) expect(all).toContain(command);
    expect(ci.jobs.helm.strategy.matrix.helm).toEqual(['helm3', 'helm4']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });
});

describe('release.yaml', () => {
  const release = workflow('release.yaml');
  const job = release.jobs.publish;

  it('runs on v* tags with the least permissions: packages and id-token write, contents write for the release', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'write', packages: 'write', 'id-token': 'write' });
  });

  it('publishes with tools/release to ghcr.io/<owner>/charts, credentials from the environment', () => {
    const publish = job.steps.find((step: { name?: string }) => step.name === 'Publish the chart');
    expect(publish.run).toContain('npm run release -- --registry "oci://ghcr.io/${owner}/charts" --version "${TAG#v}"');
    expect(publish.env).toMatchObject({ REGISTRY_USERNAME: '${{ github.actor }}', REGISTRY_PASSWORD: '${{ secrets.GITHUB_TOKEN }}' });
    // Secrets reach commands through the environment, never spliced into the script.
    for (const step of job.steps) expect(step.run ?? '', step.name).not.toContain('${{ secrets.');
  });

  it('signs the pushed digest with cosign keyless, and attaches release.json', () => {
    const all = scripts('release.yaml');
    expect(uses('release.yaml').some((ref) => ref.startsWith('sigstore/cosign-installer@'))).toBe(true);
    expect(all).toContain('cosign sign --yes "${REFERENCE}@${DIGEST}"');
    expect(all).not.toMatch(/cosign sign .*--key/);
    expect(all).toMatch(/gh release upload "\$TAG" dist\/release\.json/);
  });

  it('checks out full history, which the reproducible archive timestamps come from', () => {
    expect(job.steps[0].with['fetch-depth']).toBe(0);
  });
});

describe('e2e.yaml', () => {
  it('installs into kind with CNPG and prometheus-operator CRDs, waits, and curls /health/liveliness via port-forward', () => {
    expect(uses('e2e.yaml').some((ref) => ref.startsWith('helm/kind-action@'))).toBe(true);
    const all = scripts('e2e.yaml');
    expect(all).toMatch(/cnpg\/cloudnative-pg --version \d+\.\d+\.\d+/);
    expect(all).toMatch(/prometheus-community\/prometheus-operator-crds --version \d+\.\d+\.\d+/);
    expect(all).toContain('rollout status deployment');
    expect(all).toContain('port-forward');
    expect(all).toContain('curl -fsS http://127.0.0.1:4000/health/liveliness');
  });
});

describe('heavy.yaml', () => {
  const heavy = workflow('heavy.yaml');

  it('runs the suites npm test leaves out, nightly and on demand only (not on pull requests or pushes)', () => {
    expect(Object.keys(heavy.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(heavy.on.schedule).toHaveLength(1);
    expect(heavy.permissions).toEqual({ contents: 'read' });
    const run = (job: string) => heavy.jobs[job].steps.map((step: { run?: string }) => step.run ?? '');
    expect(run('flux')).toContain('npm run test:flux');
    // All four binaries built before the suite, so no test's setup waits for a compiler.
    expect(run('flux')).toContain('node --import tsx tools/cluster/binaries.ts');
    expect(run('scale')).toContain('npm run test:scale');
  });

  it('caches ~/.cache/litellm-stack keyed by every file binaries.ts and crds.ts key their entries by', () => {
    const keyed = ['tools/cluster/go/*/go.mod', 'tools/cluster/go/*/go.sum', 'tools/cluster/crds.json', 'tools/cluster/crds.ts', 'tools/cluster/crds/**'];
    for (const job of ['flux', 'scale']) {
      const cache = heavy.jobs[job].steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/cache@'));
      expect(cache?.with.path, job).toBe('~/.cache/litellm-stack');
      expect(cache.with.key, job).toBe(`litellm-stack-\${{ runner.os }}-\${{ hashFiles(${keyed.map((glob) => `'${glob}'`).join(', ')}) }}`);
    }
    // The Go modules the binaries are built from, one go.mod and go.sum each, are what the globs match.
    const modules = readdirSync(join(repoRoot, 'tools', 'cluster', 'go'));
    expect(modules.sort()).toEqual(['helm-controller', 'kube', 'source-controller']);
    for (const module of modules) for (const file of ['go.mod', 'go.sum']) expect(readdirSync(join(repoRoot, 'tools', 'cluster', 'go', module))).toContain(file);
  });
});
