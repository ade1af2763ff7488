// npm run verify:generated [-- --root DIR]: regenerates into a temp dir and fails, showing the diff,
// when a committed generated file (under DIR, default the repository) differs from what the generator
// produces: the catalog's files, and the Kubernetes types derived from the pinned module's OpenAPI spec.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateFiles, seedCatalog } from '@litellm-stack/catalog';
import { kubernetesSchemasFile } from './cluster/kubernetes-schemas.ts';
import { repoRoot } from './helm.ts';
import { writeFilesAtomically } from './write-atomic.ts';

const out = mkdtempSync(join(tmpdir(), 'litellm-stack-generated-'));
try {
  const { values: options } = parseArgs({ options: { root: { type: 'string' } }, strict: true });
  const root = options.root ?? repoRoot;
  const files = [...(await generateFiles(seedCatalog)), kubernetesSchemasFile()];
  writeFilesAtomically(out, files);
  const drifted = files.filter((file) => {
    const labels = ['--label', `committed/${file.path}`, '--label', `generated/${file.path}`];
    const diff = spawnSync('diff', ['-u', ...labels, join(root, file.path), join(out, file.path)], { encoding: 'utf8' });
    if (diff.status !== 0) process.stdout.write(diff.stdout || `${file.path}: ${diff.stderr}`);
    return diff.status !== 0;
  });
  if (drifted.length > 0) {
    console.error(`verify:generated: ${drifted.map((f) => f.path).join(', ')} differ from what the catalog generates; run \`npm run generate\` and commit.`);
    process.exitCode = 1;
  } else console.log(`verify:generated: ${files.length} generated files match the catalog.`);
} catch (error) {
  console.error(`verify:generated: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
