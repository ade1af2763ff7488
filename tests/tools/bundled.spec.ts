// npm run generate runs a plain-JavaScript bundle of the generator (tools/bundled.mjs): in a copy of
// the repository, as a user runs it, the bundle is made on first use, remade when any file it was
// built from changes (a stale bundle never runs), its precompiled catalog validators refuse exactly
// what the source's validators refuse, and a TypeScript --catalog module still works.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generatedPaths, modelRules, seedCatalog, validateCatalog, type Catalog, type ModelDeployment } from '@litellm-stack/catalog';
import { repoRoot } from '../../tools/helm.ts';
import { copyRepo, type RepoCopy } from '../release/support/repo.ts';

let repo: RepoCopy;
const generate = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'generate', '--', '--quiet', ...args], { cwd: repo.dir });
  return stdout;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** Every leaf of a seed model: its path and value (`[]` for the model itself). */
function leaves(value: Json, path: string[] = []): [string[], Json][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[path, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
}

/**
 * Seed models, each with one field changed: set to what another seed model has there (so the rules'
 * triggers occur) or at any field (enum values), to any JSON value, or removed, or an unknown field
 * added.
 */
function mutatedModels(count: number): ModelDeployment[] {
  const seedLeaves = seedCatalog.models.flatMap((model) => leaves(model as unknown as Json));
  const paths = [...new Map(seedLeaves.map(([path]) => [path.join('.'), path])).values()].filter((path) => path[0] !== 'id');
  const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
  const valuesAt = (path: string[]) => seedLeaves.filter(([at]) => at.join('.') === path.join('.')).map(([, value]) => value);
  const change = fc.record({ model: pick(seedCatalog.models), path: pick(paths) }).chain(({ model, path }) =>
    fc.oneof(
      fc.record({ path: fc.constant(path), value: pick(valuesAt(path)) }),
      fc.record({ path: fc.constant(path), value: fc.oneof(pick(seedLeaves.map(([, value]) => value)), fc.jsonValue() as fc.Arbitrary<Json>, fc.constant(undefined)) }),
      fc.record({ path: fc.constant([...path.slice(0, -1), 'unknownField']), value: fc.constant<Json>(true) }),
    ).map((edit) => ({ model, ...edit })),
  );
  return fc.sample(change, { numRuns: count, seed: 20261129 }).map(({ model, path, value }, index) => {
    const copy = structuredClone(model) as unknown as Record<string, Json>;
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = (parent[key] ??= {}) as Record<string, Json>;
    if (value === undefined) delete parent[path.at(-1)!];
    else parent[path.at(-1)!] = value;
    // A copied model_info.id would only repeat "duplicate model_info.id".
    const info = copy.info as Record<string, Json> | undefined;
    if (info?.id !== undefined && path.join('.') !== 'info.id') info.id = `mutant-${index}`;
    return { ...copy, id: `mutant-${index}` } as unknown as ModelDeployment;
  });
}
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

it('refuses a bad catalog with exactly the issues of the source\'s own ajv validators', async () => {
  const catalog: Catalog = { ...seedCatalog, models: [...seedCatalog.models, ...mutatedModels(1000)] };
  const expected = validateCatalog(catalog);
  // The mutants reach ajv's shape checks (types, enums, patterns, bounds, unknown fields) and the rules.
  const messages = new Set(expected.map((issue) => issue.message));
  expect([...messages].filter((message) => /^(must |is not a known field|is required)/.test(message)).length).toBeGreaterThan(15);
  expect(modelRules.filter((rule) => messages.has(rule.message)).length).toBeGreaterThanOrEqual(2);
  const module = join(repo.dir, 'mutants.mjs');
  writeFileSync(module, `export const catalog = ${JSON.stringify(catalog)};\n`);
  const result = await promisify(execFile)('npm', ['run', '--silent', 'generate', '--', '--quiet', '--catalog', module], { cwd: repo.dir }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(result.code).toBe(1);
  expect(result.stderr.trimEnd().split('\n').slice(1)).toEqual(expected.map((issue) => `  ${issue.path}: ${issue.message}`));
  expect(repo.read('.bundle/generate.mjs')).not.toContain('ajv/dist/compile');
});

it('runs a TypeScript --catalog module from source', async () => {
  const module = join(repo.dir, 'one-model.ts');
  writeFileSync(module, `export const catalog = ${JSON.stringify({ ...seedCatalog, models: seedCatalog.models.slice(0, 1) })} as const;\n`);
  await generate('--catalog', module);
  expect(values()).toContain(`  ${seedCatalog.models[0]!.id}:`);
  expect(values()).not.toContain(`  ${seedCatalog.models[1]!.id}:`);
});
