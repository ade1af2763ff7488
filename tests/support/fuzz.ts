// The schema-driven fuzz cases, shared by the rendering fuzz test (tests/chart/fuzz-values.spec.ts)
// and the API-server dry run (tests/cluster/dry-run.spec.ts), so both see the same cases for a seed.
// Each case starts from a scenario (defaults, ci/40, ci/41) and sets one to three values drawn from
// values.schema.json (typed fields, and open-map keys bounded like one): valid ones, and mutations
// just outside it (a broken pattern, a bound crossed, another type). Passed-through Kubernetes objects
// the start sets (typed by Kubernetes' schema) get mutations just outside that schema, anywhere inside. FUZZ_SEED and FUZZ_RUNS
// reproduce or widen a run.
import fc from 'fast-check';
import type { JSONSchema7 } from 'json-schema';
import { helmMajors, type HelmMajor } from '../../tools/helm.ts';
import { setPath, valuesSchema, type Path } from './schema-walk.ts';
import { effectiveValues } from './values.ts';

export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20261129);
export const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 60);
/** Planted in every value the chart-created Secret holds. */
export const fuzzMarker = 'fuzz-planted-secret';

const starts = [undefined, 'ci/40-every-value-cnpg.yaml', 'ci/41-every-value-external.yaml'].map((file) => {
  const values = effectiveValues(file ? [file] : []);
  // Every value the chart-created Secret holds carries the marker (ci/41 creates one).
  if (!values.secrets.existingSecret) {
    for (const key of Object.keys(values.secrets.values)) values.secrets.values[key] = `${fuzzMarker}-${key}`;
    values.secrets.masterKey = `sk-${fuzzMarker}-master-0123456789abcdef`;
    values.secrets.saltKey = `${fuzzMarker}-salt-0123456789abcdef0123`;
  }
  return values;
});

interface Leaf {
  path: Path;
  schema: JSONSchema7;
  /** A passed-through Kubernetes object (or list of them) the start sets: mutated inside, see kubernetesOutside. */
  kubernetes?: unknown;
}

const defs = (valuesSchema as { definitions?: Record<string, JSONSchema7> }).definitions ?? {};
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A Kubernetes type (spec.ts kubernetesType) as one schema: the `definitions` entry a `$ref` names, with the
 * chart's own fields of an allOf laid over it. Undefined for any other node.
 */
function kubernetesSchema(schema: JSONSchema7 | undefined): JSONSchema7 | undefined {
  if (!schema) return undefined;
  const members = schema.$ref ? [schema] : ((schema.allOf ?? []).filter(isObject) as JSONSchema7[]);
  const ref = members.find((member) => member.$ref?.startsWith('#/definitions/'));
  if (!ref) return undefined;
  const base = defs[ref.$ref!.slice('#/definitions/'.length)]!;
  const local = Object.assign({}, ...members.map((member) => member.properties ?? {}));
  return { ...base, properties: { ...base.properties, ...local } };
}

/** The key of an exact-key pattern (`^num_retries$`): an open map's key bounded like a typed field. */
const exactKey = (pattern: string) => /^\^([a-z0-9_]+)\$$/.exec(pattern)?.[1];

/** Every typed leaf of the schema that `values` reaches (map entries present in it), set or not. */
function leaves(schema: JSONSchema7, values: any, path: Path = []): Leaf[] {
  // Kubernetes objects the start sets: mutated inside (their valid variations are the API server's, not the schema's).
  const items = typeof schema.items === 'object' && !Array.isArray(schema.items) ? schema.items : undefined;
  if (kubernetesSchema(schema) || kubernetesSchema(items)) {
    const set = Array.isArray(values) ? values.length > 0 : isObject(values) && Object.keys(values).length > 0;
    return set ? [{ path, schema, kubernetes: values }] : [];
  }
  const bounded = Object.entries(schema.patternProperties ?? {}).flatMap(([pattern, child]) => {
    const key = exactKey(pattern);
    return key && typeof child === 'object' ? leaves(child, values?.[key], [...path, key]) : [];
  });
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, child]) =>
      typeof child === 'object' ? leaves(child, values?.[key], [...path, key]) : [],
    ).concat(bounded);
  }
  if (bounded.length > 0) return bounded;
  if (schema.patternProperties && values && typeof values === 'object') {
    const [pattern, item] = Object.entries(schema.patternProperties)[0]!;
    return Object.keys(values)
      .filter((key) => new RegExp(pattern).test(key))
      .flatMap((key) => (typeof item === 'object' ? leaves(item, values[key], [...path, key]) : []));
  }
  return schema.type && schema.type !== 'object' ? [{ path, schema }] : [];
}

const typeOf = (schema: JSONSchema7) => (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type);

function stringArbitrary(schema: JSONSchema7): fc.Arbitrary<string> {
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern), { size: 'small' });
    } catch {
      // A pattern fast-check cannot generate from: fall through to free strings.
    }
  }
  return fc.string({ maxLength: 12 });
}

/** A value inside the leaf's schema. */
function valid(schema: JSONSchema7): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (typeOf(schema)) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      // Small numbers unless the bound is a real one (not int32's): a billion replicas only trips the connection check.
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum !== undefined && schema.maximum < 2 ** 31 - 1 ? schema.maximum : (schema.minimum ?? 0) + 1000 });
    case 'number':
      return fc.double({ min: (schema.exclusiveMinimum as number | undefined) ?? schema.minimum ?? 0, max: schema.maximum ?? 1e6, noNaN: true, minExcluded: schema.exclusiveMinimum !== undefined });
    case 'array':
      return fc.array(typeof schema.items === 'object' && !Array.isArray(schema.items) ? valid(schema.items) : fc.string(), { maxLength: 2 });
    default:
      return stringArbitrary(schema);
  }
}

/** A value just outside the leaf's schema. */
function outside(schema: JSONSchema7): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(type === 'string' ? 7 : 'x', null, [], { a: 1 })];
  if (type === 'integer' || type === 'number') {
    if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
    if (type === 'integer') options.push(fc.constant(1.5));
  }
  if (type === 'string') options.push(stringArbitrary(schema).chain((s) => fc.constantFrom(`${s}\nx: y`, `${s} #`, `${s}\u2028`, `${s}: x`)));
  return fc.oneof(...options);
}

/** Every place inside a Kubernetes value, with its resolved schema (objects and scalars; list items included). */
function places(schema: JSONSchema7, value: unknown, path: Path = []): { path: Path; schema: JSONSchema7; value: unknown }[] {
  const resolved = kubernetesSchema(schema) ?? schema;
  const here = { path, schema: resolved, value };
  if (Array.isArray(value)) {
    const items = typeof resolved.items === 'object' && !Array.isArray(resolved.items) ? resolved.items : {};
    return value.flatMap((item, index) => places(items, item, [...path, index]));
  }
  if (isObject(value)) {
    const children = Object.entries(value).flatMap(([key, child]) => {
      const sub = resolved.properties?.[key] ?? (isObject(resolved.additionalProperties) ? resolved.additionalProperties : undefined);
      return typeof sub === 'object' ? places(sub, child, [...path, key]) : [];
    });
    return resolved.additionalProperties === false ? [here, ...children] : children;
  }
  return [here];
}

/**
 * A Kubernetes value just outside Kubernetes' schema, from the one the start sets: a misspelt field in
 * one of its closed objects, a scalar of another type, or an int32 over its bound. The API server's
 * strict field validation refuses each (tests/cluster/dry-run.spec.ts shows the schema mirrors it), so
 * Helm must refuse it by its values path.
 */
function kubernetesOutside(leaf: Leaf): fc.Arbitrary<unknown> {
  const inside = places(leaf.schema, leaf.kubernetes);
  return fc.nat({ max: inside.length - 1 }).chain((index) => {
    const place = inside[index]!;
    const mutated = (value: unknown) => {
      const copy = structuredClone(leaf.kubernetes);
      if (place.path.length === 0) return value;
      setPath(copy, place.path, value);
      return copy;
    };
    const object = place.value;
    if (isObject(object)) {
      const known = Object.keys(place.schema.properties ?? {});
      // A field with its last letter doubled: a typo, never one of the type's own fields.
      const typo = (key: string) => `${key}${key.at(-1)}`;
      return fc.constantFrom(...known.filter((key) => !known.includes(typo(key)))).map((key) => mutated({ ...object, [typo(key)]: object[key] ?? 'x' }));
    }
    const type = typeOf(place.schema);
    // int-or-string and quantities (oneOf) take either scalar: only an object is outside them.
    const options: unknown[] = place.schema.oneOf ? [{ a: 1 }] : [type === 'string' ? 7 : 'x', { a: 1 }];
    if (type === 'integer' && place.schema.maximum !== undefined) options.push(place.schema.maximum + 1);
    return fc.constantFrom(...options).map(mutated);
  });
}

export interface FuzzCase {
  start: number;
  major: HelmMajor;
  edits: { path: Path; value: unknown }[];
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.nat({ max: starts.length - 1 }).chain((start) => {
  const all = leaves(valuesSchema, starts[start]);
  const typed = all.filter((leaf) => !leaf.kubernetes);
  const kubernetes = all.filter((leaf) => leaf.kubernetes);
  const pick = (candidates: Leaf[]) => fc.nat({ max: candidates.length - 1 }).map((index) => candidates[index]!);
  // A quarter of the edits go into the Kubernetes objects: a dozen of them against hundreds of typed leaves.
  const one = (kubernetes.length > 0 ? fc.oneof({ weight: 3, arbitrary: pick(typed) }, { weight: 1, arbitrary: pick(kubernetes) }) : pick(typed)).chain((leaf) =>
    fc.record({ path: fc.constant(leaf.path), value: leaf.kubernetes ? kubernetesOutside(leaf) : fc.oneof(valid(leaf.schema), outside(leaf.schema)) }),
  );
  return fc.record({ start: fc.constant(start), major: fc.constantFrom(...helmMajors), edits: fc.array(one, { minLength: 1, maxLength: 3 }) });
});

/** The values a case renders with. */
export function fuzzValues(run: FuzzCase): any {
  const values = structuredClone(starts[run.start]);
  for (const { path, value } of run.edits) setPath(values, path, value);
  return values;
}

/** A values path in a message: a top-level values key, then `.`, `/` or `[` (Helm 3, Helm 4 and the chart's forms). */
export const namesAValue = new RegExp(`(^|[\\s'(])/?(${Object.keys(valuesSchema.properties!).join('|')})([./[:']|$)`, 'm');
