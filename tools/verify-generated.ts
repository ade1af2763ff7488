// npm run verify:generated: regenerates into a temp dir and fails, showing the diff, when a committed
// generated file differs from what the generator produces.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFiles, seedCatalog } from '@litellm-stack/catalog';
import { repoRoot } from './helm.ts';
import { writeFilesAtomically } from './write-atomic.ts';

const out = mkdtempSync(join(tmpdir(), 'litellm-stack-generated-'));
try {
  const files = await generateFiles(seedCatalog);
  writeFilesAtomically(out, files);
  let drifted = 0;
  for (const file of files) {
    const diff = spawnSync('diff', ['-u', '--label', `committed/${file.path}`, '--label', `generated/${file.path}`, join(repoRoot, file.path), join(out, file.path)], {
      encoding: 'utf8',
    });
    if (diff.status !== 0) {
      drifted += 1;
      process.stdout.write(diff.stdout || `${file.path}: ${diff.stderr}`);
    }
  }
  if (drifted > 0) {
    console.error(`verify:generated: ${drifted} generated file(s) differ from the catalog; run \`npm run generate\` and commit.`);
    process.exitCode = 1;
  } else console.log(`verify:generated: ${files.length} generated files match the catalog.`);
} catch (error) {
  console.error(`verify:generated: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
