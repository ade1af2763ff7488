// Field-by-field comparison of a rendered model_list with the seed's (tests/fixtures/seed). A field is
// `model_name` or one key under `litellm_params` / `model_info`; lists and objects (access_groups,
// thinking, …) compare as a whole. Deployments pair up by model_name, which is unique in the seed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';

export const seedFixtureDir = join(import.meta.dirname, '..', 'fixtures', 'seed');

/** The seed's model_list at a commit of its repository (the fixture files' suffix). */
export function seedModelList(commit: '7ff98481' | 'c999e057'): any[] {
  return parse(readFileSync(join(seedFixtureDir, `model-list-${commit}.yaml`), 'utf8')).model_list;
}

export interface Field {
  /** The deployment's model_name. */
  deployment: string;
  /** `model_name`, `litellm_params.<key>` or `model_info.<key>`. */
  field: string;
  seed: unknown;
  rendered: unknown;
}

function fields(entry: any): Map<string, unknown> {
  const result = new Map<string, unknown>([['model_name', entry.model_name]]);
  for (const section of ['litellm_params', 'model_info']) {
    for (const [key, value] of Object.entries(entry[section] ?? {})) result.set(`${section}.${key}`, value);
  }
  return result;
}

export interface Comparison {
  /** Fields the seed sets. */
  total: number;
  matching: Field[];
  /** Fields the seed sets that the render lacks or renders with another value. */
  differing: Field[];
  /** Fields the render has that the seed does not set (rendered deployments missing from the seed included). */
  added: Field[];
}

export function compareWithSeed(seed: any[], rendered: any[]): Comparison {
  const byName = new Map(rendered.map((entry) => [entry.model_name, entry]));
  const result: Comparison = { total: 0, matching: [], differing: [], added: [] };
  for (const entry of seed) {
    const ours = byName.get(entry.model_name);
    const ourFields = ours ? fields(ours) : new Map<string, unknown>();
    for (const [field, value] of fields(entry)) {
      result.total++;
      const found: Field = { deployment: entry.model_name, field, seed: value, rendered: ourFields.get(field) };
      (isDeepStrictEqual(value, found.rendered) ? result.matching : result.differing).push(found);
      ourFields.delete(field);
    }
    for (const [field, value] of ourFields) result.added.push({ deployment: entry.model_name, field, seed: undefined, rendered: value });
  }
  const seedNames = new Set(seed.map((entry) => entry.model_name));
  for (const entry of rendered.filter((candidate) => !seedNames.has(candidate.model_name))) {
    for (const [field, value] of fields(entry)) result.added.push({ deployment: entry.model_name, field, seed: undefined, rendered: value });
  }
  return result;
}
