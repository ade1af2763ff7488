// Schema-driven fuzzing. Each run starts from a scenario (defaults, ci/40, ci/41), sets one to three
// values drawn from values.schema.json (valid ones, and mutations just outside it: a broken pattern,
// a bound crossed, another type) and renders it. Property: Helm refuses, naming a values path, or the
// render's objects validate (kubernetes-validate strict, the CRD schemas), no planted secret leaks out
// of a Secret, and config.yaml reads the same under PyYAML (LiteLLM's loader) as under YAML 1.2.
// Seeded and bounded: FUZZ_SEED and FUZZ_RUNS reproduce or widen a run; the seed is printed.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import type { JSONSchema7 } from 'json-schema';
import { expect, it } from 'vitest';
import { helmMajors, type HelmMajor } from '../../tools/helm.ts';
import { venvBin } from '../../tools/python-env.ts';
import { liteLLMConfig, parseObjects, tryRender, type K8sObject } from '../support/chart.ts';
import { setPath, valuesSchema, type Path } from '../support/schema-walk.ts';
import { schemaErrors } from '../support/validate.ts';
import { effectiveValues } from '../support/values.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20261129);
const numRuns = Number(process.env.FUZZ_RUNS ?? 60);
const marker = 'fuzz-planted-secret';
const starts = [undefined, 'ci/40-every-value-cnpg.yaml', 'ci/41-every-value-external.yaml'].map((file) => {
  const values = effectiveValues(file ? [file] : []);
  // Every value the chart-created Secret holds carries the marker (ci/41 creates one).
  if (!values.secrets.existingSecret) {
    for (const key of Object.keys(values.secrets.values)) values.secrets.values[key] = `${marker}-${key}`;
    values.secrets.masterKey = `sk-${marker}-master-0123456789abcdef`;
    values.secrets.saltKey = `${marker}-salt-0123456789abcdef0123`;
  }
  return values;
});

interface Leaf {
  path: Path;
  schema: JSONSchema7;
}

/** Every typed leaf of the schema that `values` reaches (map entries present in it), set or not. */
function leaves(schema: JSONSchema7, values: any, path: Path = []): Leaf[] {
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, child]) =>
      typeof child === 'object' ? leaves(child, values?.[key], [...path, key]) : [],
    );
  }
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
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? (schema.minimum ?? 0) + 1000 });
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

const edit = fc.nat({ max: starts.length - 1 }).chain((start) => {
  const candidates = leaves(valuesSchema, starts[start]);
  const one = fc.nat({ max: candidates.length - 1 }).chain((index) => {
    const leaf = candidates[index]!;
    return fc.record({ path: fc.constant(leaf.path), value: fc.oneof(valid(leaf.schema), outside(leaf.schema)) });
  });
  return fc.record({ start: fc.constant(start), major: fc.constantFrom(...helmMajors), edits: fc.array(one, { minLength: 1, maxLength: 3 }) });
});

interface Case {
  start: number;
  major: HelmMajor;
  edits: { path: Path; value: unknown }[];
}

/** A values path in a message: a top-level values key, then `.`, `/` or `[` (Helm 3, Helm 4 and the chart's forms). */
const namesAValue = new RegExp(`(^|[\\s'(])/?(${Object.keys(valuesSchema.properties!).join('|')})([./[:']|$)`, 'm');

/** Where a secret marker shows up outside a Secret's data, as `Kind/name`. */
function leaks(objects: K8sObject[]): string[] {
  return objects.filter((o) => o.kind !== 'Secret' && JSON.stringify(o).includes(marker)).map((o) => `${o.kind}/${o.metadata.name}`);
}

// About 130 s at load 21 on two cores (measured), over the default 120 s.
it(`fuzzes values from the schema (seed ${seed}, ${numRuns} runs)`, { timeout: 600_000 }, async () => {
  console.log(`fuzz-values: seed ${seed}, ${numRuns} runs (FUZZ_SEED / FUZZ_RUNS to change)`);
  const rendered: { run: Case; objects: K8sObject[]; config: string }[] = [];
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(edit, async (run: Case) => {
      const values = structuredClone(starts[run.start]);
      for (const { path, value } of run.edits) setPath(values, path, value);
      const result = await tryRender(run.major, { values, upgrade: true });
      if (result.code !== 0) {
        refused++;
        expect(result.stderr, JSON.stringify(run.edits)).toMatch(namesAValue);
        expect(result.stderr, 'a YAML parse error means a value broke out of its place').not.toMatch(/YAML parse error|error converting YAML/);
        return;
      }
      const objects = parseObjects(result.stdout);
      expect(leaks(objects), JSON.stringify(run.edits)).toEqual([]);
      rendered.push({ run, objects, config: objects.find((o) => o.kind === 'ConfigMap' && o.data?.['config.yaml'])!.data['config.yaml'] });
    }),
    { seed, numRuns, endOnFailure: true },
  );
  console.log(`fuzz-values: ${rendered.length} rendered, ${refused} refused`);
  expect(rendered.length).toBeGreaterThan(numRuns / 10);

  // (a) One validator call for all renders; on an error, find the runs it came from.
  const all = rendered.flatMap((r) => r.objects);
  if ((await schemaErrors(all)).length > 0) {
    for (const r of rendered) expect(await schemaErrors(r.objects), JSON.stringify(r.run)).toEqual([]);
  }
  // (c) PyYAML reads every config.yaml as YAML 1.2 (and LiteLLM's own types) do.
  const loaded = JSON.parse(
    execFileSync(venvBin('python'), ['-c', 'import json,sys,yaml; print(json.dumps([yaml.safe_load(t) for t in json.load(sys.stdin)], default=str))'], {
      input: JSON.stringify(rendered.map((r) => r.config)),
      maxBuffer: 256 * 1024 * 1024,
    }).toString(),
  );
  rendered.forEach((r, index) => expect(loaded[index], JSON.stringify(r.run)).toEqual(JSON.parse(JSON.stringify(liteLLMConfig(r.objects)))));
});
