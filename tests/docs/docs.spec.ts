// Docs are executed, not trusted: every fenced block of every markdown file in the repository is run
// here or carries `<!-- illustrative: reason -->` on the line above it.
//   values YAML      → `helm template` under Helm 3 and Helm 4 (schema and template checks)
//   manifests        → validated against their schemas (core kinds and the CRDs)
//   sh               → run with bash in a throwaway copy of the repository, `helm` on PATH being the
//                      pinned Helm of each major, in document order (a block may build on the one before)
//   output           → `<!-- output: id -->`: must equal what tools/docs/outputs.ts produces from a real run
//   run-by           → `<!-- run-by: spec -->`: needs servers (the proxy); that spec runs it (blocksRunBy)
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { repoBlocks, type FencedBlock } from '../../tools/docs/blocks.ts';
import { generateOutputs } from '../../tools/docs/outputs.ts';
import { chartDir, helmBin, helmMajors, repoRoot, type HelmMajor } from '../../tools/helm.ts';
import { objectsOfKind, parseObjects, proxyContainer, render, type K8sObject } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';
import { copyRepo, type RepoCopy } from '../release/support/repo.ts';

const blocks = repoBlocks(repoRoot);
const valuesKeys = new Set(Object.keys(JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')).properties));

type Kind = 'illustrative' | 'output' | 'run-by' | 'values' | 'manifest' | 'sh' | 'unrunnable';

function kindOf(block: FencedBlock): Kind {
  if (block.marker) return block.marker.kind;
  if (['sh', 'bash', 'shell'].includes(block.lang)) return 'sh';
  if (['yaml', 'yml'].includes(block.lang)) {
    const documents = parseAllDocuments(block.body).map((doc) => doc.toJS());
    if (documents.every((doc) => doc && typeof doc === 'object' && 'apiVersion' in doc && 'kind' in doc)) return 'manifest';
    if (documents.length === 1 && Object.keys(documents[0] ?? {}).every((key) => valuesKeys.has(key))) return 'values';
  }
  return 'unrunnable';
}

const where = (block: FencedBlock) => `${block.file}:${block.line}`;

const kubectlOut = () => join(copy.home, 'kubectl-objects.yaml');

/** Runs an sh block in the repository copy; returns its exit code, output and the objects `kubectl create` made. */
async function runSh(block: FencedBlock, major: HelmMajor) {
  rmSync(kubectlOut(), { force: true });
  writeFileSync(kubectlOut(), '');
  const env = { ...process.env, HOME: copy.home, PATH: pathWithHelm[major], NX_DAEMON: 'false', CI: 'true', KUBECTL_OUT: kubectlOut(), REAL_KUBECTL: realKubectl };
  const result = await bash(block.body, copy.dir, env);
  return { ...result, objects: parseObjects(readFileSync(kubectlOut(), 'utf8')) };
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

// `kubectl create …` in a doc runs client-side and its objects are kept for the checks below;
// any other kubectl command needs a cluster, so a block using one must be marked illustrative.
const kubectlShim = `#!/bin/bash
for arg in "$@"; do [ "$arg" = create ] && exec_create=1; done
if [ -z "\${exec_create:-}" ]; then echo "kubectl $*: needs a cluster" >&2; exit 1; fi
"$REAL_KUBECTL" "$@" --dry-run=client -o yaml >> "$KUBECTL_OUT" && echo --- >> "$KUBECTL_OUT"
`;
const realKubectl = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => { try { return readFileSync(path).length > 0; } catch { return false; } }) ?? 'kubectl';

let outputs: Record<string, string> = {};
let copy: RepoCopy;
const pathWithHelm: Partial<Record<HelmMajor, string>> = {};

beforeAll(async () => {
  copy = copyRepo();
  for (const major of helmMajors) {
    // `helm` in a doc is the pinned binary of that major.
    const bin = join(copy.home, `bin-${major}`);
    mkdirSync(bin);
    symlinkSync(helmBin(major), join(bin, 'helm'));
    writeFileSync(join(bin, 'kubectl'), kubectlShim);
    chmodSync(join(bin, 'kubectl'), 0o755);
    pathWithHelm[major] = `${bin}:${join(copy.dir, 'node_modules', '.bin')}:${process.env.PATH}`;
  }
  if (blocks.some((block) => block.marker?.kind === 'output')) outputs = await generateOutputs();
}, 600_000);

afterAll(() => copy?.cleanup());

describe('docs', () => {
  it('finds the blocks of every markdown file (the pages other changes add included)', () => {
    const files = new Set(blocks.map((block) => block.file));
    for (const file of ['README.md', 'charts/litellm-stack/README.md', 'docs/release.md', 'charts/litellm-stack/docs/database.md']) expect(files).toContain(file);
  });

  it.each(blocks.map((block) => [where(block), block] as const))('%s', async (_, block) => {
    const kind = kindOf(block);
    switch (kind) {
      case 'illustrative':
        expect((block.marker as { reason: string }).reason, `${where(block)}: say why it is not run`).toMatch(/\w{3,}/);
        return;
      case 'run-by': {
        // The named spec runs the block: it must exist and select its blocks by this marker.
        const spec = (block.marker as { spec: string }).spec;
        const source = existsSync(join(repoRoot, spec)) ? readFileSync(join(repoRoot, spec), 'utf8') : '';
        expect(source, `${where(block)}: ${spec} must exist and run the blocks that name it (blocksRunBy)`).toMatch(/\bblocksRunBy\(/);
        return;
      }
      case 'output':
        expect(block.body, `${where(block)} is stale: run \`npm run docs:outputs\``).toBe(outputs[(block.marker as { id: string }).id]);
        return;
      case 'values':
        for (const major of helmMajors) await render(major, { values: parseAllDocuments(block.body)[0]!.toJS() ?? {} });
        return;
      case 'manifest':
        expect(await schemaErrors(parseAllDocuments(block.body).map((doc) => doc.toJS() as K8sObject))).toEqual([]);
        return;
      case 'sh':
        for (const major of /\bhelm\b/.test(block.body) ? helmMajors : helmMajors.slice(1)) {
          const result = await runSh(block, major);
          expect(result.code, `${where(block)} failed under ${major}:\n${result.output}`).toBe(0);
        }
        return;
      default:
        expect.fail(`${where(block)}: a ${block.lang || 'plain'} block no test can run: generate it (<!-- output: id -->) or mark it <!-- illustrative: reason -->`);
    }
  });

  describe('the chart README (what `helm show readme` prints, outside the repository)', () => {
    const readme = 'charts/litellm-stack/README.md';
    const text = readFileSync(join(repoRoot, readme), 'utf8');

    it('links only absolutely, or to its own headings', () => {
      const relative = [...text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!).filter((target) => !/^(https:\/\/|#)/.test(target));
      expect(relative).toEqual([]);
    });

    it('quick start: the Secret it creates holds every key its values make the proxy read, and the keys are valid', async () => {
      const own = blocks.filter((block) => block.file === readme);
      const secretBlock = own.find((block) => block.lang === 'sh' && block.body.includes('create secret generic'))!;
      const values = own[own.indexOf(secretBlock) + 1]!;
      expect(kindOf(values)).toBe('values');
      const { code, output, objects } = await runSh(secretBlock, 'helm4');
      expect(code, output).toBe(0);
      expect(objects.map((o) => o.kind)).toEqual(['Namespace', 'Secret']);
      const secret = objectsOfKind(objects, 'Secret')[0]!;
      const data = Object.fromEntries(Object.entries<string>(secret.data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString()]));
      expect(data.LITELLM_MASTER_KEY).toMatch(/^sk-.{29,}$/);
      expect(data.LITELLM_SALT_KEY!.length).toBeGreaterThanOrEqual(32);
      for (const major of helmMajors) {
        const rendered = await render(major, { values: parseAllDocuments(values.body)[0]!.toJS(), namespace: secret.metadata.namespace });
        const read = proxyContainer(rendered).env.filter((e: any) => e.valueFrom?.secretKeyRef?.name === secret.metadata.name).map((e: any) => e.valueFrom.secretKeyRef.key);
        expect(read.length).toBeGreaterThan(0);
        expect(Object.keys(data)).toEqual(expect.arrayContaining(read));
      }
    });
  });
});

