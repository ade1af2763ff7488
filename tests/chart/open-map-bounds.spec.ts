// Open-map keys that a typed field also renders (params.num_retries and litellm.router.numRetries,
// both LiteLLM's num_retries) are bounded like that field (packages/catalog/src/values/open-map-bounds.ts).
// Walks values.schema.json for every such key, derives a value just outside and one just inside the
// typed field's own schema, and renders all of them at once (Helm reports every schema error): each
// outside value is refused naming its open-map path, and no inside value is.
import type { JSONSchema7 } from 'json-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { helmMajors, type HelmMajor } from '../../tools/helm.ts';
import { tryRender } from '../support/chart.ts';
import { names, setPath, valuesSchema, type Path } from '../support/schema-walk.ts';

interface Bounded {
  /** Where the open-map key sits in values (a model's params under a seed model). */
  path: Path;
  bound: JSONSchema7;
}

const model = 'gpt-4-1';
const base = {
  secrets: { existingSecret: 'litellm-secrets' },
  credentials: { azure_credential_us_east: { enabled: true, resourceName: 'contoso-eastus' } },
};

/** Every exact-key patternProperty of an open map, with its values path. */
function boundedKeys(schema: JSONSchema7, path: Path = []): Bounded[] {
  const found: Bounded[] = [];
  for (const [pattern, child] of Object.entries(schema.patternProperties ?? {})) {
    if (typeof child !== 'object') continue;
    const exact = /^\^([a-z0-9_]+)\$$/.exec(pattern);
    if (exact) found.push({ path: [...path, exact[1]!], bound: child });
    else if (path.join('.') === 'models') found.push(...boundedKeys(child, [...path, model]));
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    if (typeof child === 'object') found.push(...boundedKeys(child, [...path, key]));
  }
  return found;
}

/** A value just outside the bound: below its minimum, a fraction for an integer, off the enum, another type. */
function outside(bound: JSONSchema7): unknown {
  if (bound.enum) return `not-${String(bound.enum[0])}`;
  if (bound.type === 'boolean') return 'yes';
  if (typeof bound.exclusiveMinimum === 'number') return bound.exclusiveMinimum;
  if (typeof bound.minimum === 'number') return bound.minimum - 1;
  return bound.type === 'integer' ? 1.5 : 'abc';
}

/** A value just inside it. */
function inside(bound: JSONSchema7): unknown {
  if (bound.enum) return bound.enum[0];
  if (bound.type === 'boolean') return true;
  if (typeof bound.exclusiveMinimum === 'number') return bound.exclusiveMinimum + 0.5;
  return bound.minimum ?? 1;
}

const bounded = boundedKeys(valuesSchema);
const valuesWith = (value: (bound: JSONSchema7) => unknown) => {
  const values = structuredClone(base);
  for (const { path, bound } of bounded) setPath(values, path, value(bound));
  return values;
};

it('finds the bounded keys of every open map the values spec bounds', () => {
  const maps = new Set(bounded.map(({ path }) => path.slice(0, -1).join('.')));
  expect([...maps].sort()).toEqual(['cache.params', 'litellm.generalSettings', 'litellm.routerSettings', 'litellm.settings', `models.${model}.params`]);
  expect(bounded.map(({ path }) => path.join('.'))).toEqual(expect.arrayContaining([`models.${model}.params.num_retries`, `models.${model}.params.timeout`, 'litellm.settings.num_retries']));
});

describe.each(helmMajors)('%s', (major: HelmMajor) => {
  let refusal: string;
  beforeAll(async () => {
    const result = await tryRender(major, { values: valuesWith(outside) });
    expect(result.code).not.toBe(0);
    refusal = result.stderr;
  });

  it.each(bounded.map(({ path }) => [path.join('.'), path] as const))('refuses %s outside the typed field\'s bounds, naming it', (_, path) => {
    expect(names(refusal, path), refusal).toBe(true);
  });

  it('admits every bounded key inside the bounds (the schema refuses none of them)', async () => {
    const result = await tryRender(major, { values: valuesWith(inside) });
    expect(result.stderr).not.toMatch(/meet the specifications of the schema/);
  });
});
