// npm run generate runs a plain-JavaScript bundle of the generator (tools/bundled.mjs): in a copy of
// the repository, as a user runs it, the bundle is made on first use, remade when any file it was
// built from changes (a stale bundle never runs), and a TypeScript --catalog module still works.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generatedPaths, seedCatalog } from '@litellm-stack/catalog';
import { repoRoot } from '../../tools/helm.ts';
import { copyRepo, type RepoCopy } from '../release/support/repo.ts';

let repo: RepoCopy;
const generate = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'generate', '--', '--quiet', ...args], { cwd: repo.dir });
  return stdout;
};
const values = () => repo.read(generatedPaths.values);

beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => repo?.cleanup());

it('writes exactly the committed files, from a bundle it made', async () => {
  await generate();
  for (const path of Object.values(generatedPaths)) expect(repo.read(path), path).toBe(readFileSync(join(repoRoot, path), 'utf8'));
  expect(repo.read('.bundle/generate.inputs.json')).toContain('"packages/catalog/src/generate/values-yaml.ts"');
});

it('rebuilds when a source it was built from changes, so the change is in the output', async () => {
  const file = 'packages/catalog/src/generate/values-yaml.ts';
  repo.write(file, repo.read(file).replace('This file is generated from the typed catalog', 'EDITED: generated from the typed catalog'));
  await generate();
  expect(values()).toContain('EDITED: generated from the typed catalog');
});

it('rebuilds a bundle that does not match its stamp', async () => {
  writeFileSync(join(repo.dir, '.bundle', 'generate.mjs'), "throw new Error('a stale bundle ran');\n");
  await generate();
  expect(repo.read('.bundle/generate.mjs')).not.toContain('a stale bundle ran');
});

it('runs a TypeScript --catalog module from source', async () => {
  const module = join(repo.dir, 'one-model.ts');
  writeFileSync(module, `export const catalog = ${JSON.stringify({ ...seedCatalog, models: seedCatalog.models.slice(0, 1) })} as const;\n`);
  await generate('--catalog', module);
  expect(values()).toContain(`  ${seedCatalog.models[0]!.id}:`);
  expect(values()).not.toContain(`  ${seedCatalog.models[1]!.id}:`);
});
