// Docs are executed, not trusted: every fenced block of every markdown file in the repository is run
// here or carries `<!-- illustrative: reason -->` on the line above it.
//   values YAML      → `helm template` under Helm 3 and Helm 4 (schema and template checks)
//   manifests        → validated against their schemas (core kinds and the CRDs)
//   sh               → run with bash in a throwaway copy of the repository, `helm` on PATH being the
//                      pinned Helm of each major, in document order (a block may build on the one before)
//   output           → `<!-- output: id -->`: must equal what tools/docs/outputs.ts produces from a real run
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { repoBlocks, type FencedBlock } from '../../tools/docs/blocks.ts';
import { generateOutputs } from '../../tools/docs/outputs.ts';
import { chartDir, helmBin, helmMajors, repoRoot, type HelmMajor } from '../../tools/helm.ts';
import { render, type K8sObject } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';
import { copyRepo, type RepoCopy } from '../release/support/repo.ts';

const blocks = repoBlocks(repoRoot);
const valuesKeys = new Set(Object.keys(JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')).properties));

type Kind = 'illustrative' | 'output' | 'values' | 'manifest' | 'sh' | 'unrunnable';

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

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

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
          const result = await bash(block.body, copy.dir, { ...process.env, HOME: copy.home, PATH: pathWithHelm[major], NX_DAEMON: 'false', CI: 'true' });
          expect(result.code, `${where(block)} failed under ${major}:\n${result.output}`).toBe(0);
        }
        return;
      default:
        expect.fail(`${where(block)}: a ${block.lang || 'plain'} block no test can run: generate it (<!-- output: id -->) or mark it <!-- illustrative: reason -->`);
    }
  });
});
