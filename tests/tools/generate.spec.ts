// The generator as users run it: whole processes, real files.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedPaths, generateFiles, seedCatalog } from '@litellm-stack/catalog';
import { kubernetesSchemasFile } from '../../tools/cluster/kubernetes-schemas.ts';
import { repoRoot } from '../../tools/helm.ts';
import { writeFilesAtomically } from '../../tools/write-atomic.ts';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
async function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [join(repoRoot, 'tools', script), ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const tempDir = () => mkdtempSync(join(tmpdir(), 'litellm-stack-gen-test-'));
const snapshot = (dir: string) => Object.values(generatedPaths).map((p) => readFileSync(join(dir, p), 'utf8'));

describe('generate', () => {
  let out: string;
  beforeAll(async () => {
    out = tempDir();
    expect((await run('generate.ts', ['--out', out, '--quiet'])).code).toBe(0);
  });

  it('is deterministic: a second run writes identical bytes', async () => {
    const second = tempDir();
    expect((await run('generate.ts', ['--out', second, '--quiet'])).code).toBe(0);
    expect(snapshot(second)).toEqual(snapshot(out));
  });

  it('produces exactly the committed files', () => {
    expect(snapshot(out)).toEqual(snapshot(repoRoot));
  });

  it('verify:generated passes on a matching tree and shows the diff of a drifted one', async () => {
    // verify:generated also re-derives the Kubernetes types (from the pinned module, not the catalog).
    const kubernetes = kubernetesSchemasFile();
    writeFilesAtomically(out, [kubernetes]);
    expect((await run('verify-generated.ts', ['--root', out])).code).toBe(0);
    const drifted = tempDir();
    for (const path of [...Object.values(generatedPaths), kubernetes.path]) {
      mkdirSync(join(drifted, path, '..'), { recursive: true });
      writeFileSync(join(drifted, path), readFileSync(join(out, path)));
    }
    const values = join(drifted, generatedPaths.values);
    writeFileSync(values, readFileSync(values, 'utf8').replace('tag: main-v1.80.8-stable.1', 'tag: hand-edited'));
    const result = await run('verify-generated.ts', ['--root', drifted]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('-  tag: hand-edited');
    expect(result.stdout).toContain('+  tag: main-v1.80.8-stable.1');
    expect(result.stderr).toContain(`${generatedPaths.values} differ`);
  });

  it('a catalog error names every bad entry, exits 1 and leaves every output untouched', async () => {
    const dir = tempDir();
    const before = 'previous content\n';
    for (const path of Object.values(generatedPaths)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), before);
    }
    const module = join(dir, 'bad-catalog.ts');
    const bad = structuredClone(seedCatalog);
    bad.models[0]!.credential = 'nowhere';
    bad.models[1]!.rpm = 0;
    writeFileSync(module, `export const catalog = ${JSON.stringify(bad)};\n`);
    const result = await run('generate.ts', ['--out', dir, '--catalog', module]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`models.${bad.models[0]!.id}.credential: unknown credential "nowhere"`);
    expect(result.stderr).toContain(`models.${bad.models[1]!.id}.rpm: must be >= 1`);
    for (const path of Object.values(generatedPaths)) expect(readFileSync(join(dir, path), 'utf8')).toBe(before);
  });

  it('rejects an unknown flag with a clear message', async () => {
    const result = await run('generate.ts', ['--outdir', '/tmp/x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/generate: Unknown option '--outdir'/);
  });
});

describe('writeFilesAtomically', () => {
  it('writes nothing when one file cannot be written, and leaves no partial files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'old a');
    mkdirSync(join(dir, 'blocked'));
    writeFileSync(join(dir, 'blocked', 'x'), '');
    // A path below a regular file cannot be created: the second write fails.
    expect(() => writeFilesAtomically(dir, [{ path: 'a.txt', content: 'new a' }, { path: 'a.txt/b.txt', content: 'b' }])).toThrow();
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
