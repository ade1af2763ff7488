// The Kubernetes types the chart passes through from its values (affinity, security contexts, env,
// volumes, containers, …), derived from the OpenAPI v3 spec in the pinned k8s.io/kubernetes module (the
// one the cluster suite builds kube-apiserver from) into packages/catalog/src/values/kubernetes-schemas.ts,
// which values.schema.json references. `npm run generate:kubernetes` writes it; `npm run
// verify:generated` re-derives it and fails on drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../helm.ts';
import { writeFilesAtomically } from '../write-atomic.ts';
import { goModulesDir, requiredVersion } from './binaries.ts';
import { moduleDir } from './crds.ts';

type Schema = Record<string, any>;

/** The types the values reference, by their OpenAPI name; the file derives these and all they reference. */
export const kubernetesRoots = {
  'api__v1_openapi.json': [
    'io.k8s.api.core.v1.Affinity',
    'io.k8s.api.core.v1.Container',
    'io.k8s.api.core.v1.EnvFromSource',
    'io.k8s.api.core.v1.EnvVar',
    'io.k8s.api.core.v1.Lifecycle',
    'io.k8s.api.core.v1.PodSecurityContext',
    'io.k8s.api.core.v1.ResourceRequirements',
    'io.k8s.api.core.v1.SecurityContext',
    'io.k8s.api.core.v1.Toleration',
    'io.k8s.api.core.v1.Volume',
    'io.k8s.api.core.v1.VolumeMount',
  ],
  'apis__autoscaling__v2_openapi.json': ['io.k8s.api.autoscaling.v2.HPAScalingRules'],
} as const;

export const generatedPath = join('packages', 'catalog', 'src', 'values', 'kubernetes-schemas.ts');
const int32 = { minimum: -2_147_483_648, maximum: 2_147_483_647 };
const refPrefix = '#/components/schemas/';

/** A description's first sentence: enough to say what a field is, without Kubernetes' whole reference in the schema. */
export function firstSentence(text: string): string {
  const line = text.split('\n')[0]!.trim();
  // A full stop before a capital or at the end (not the one in `e.g. the`).
  const end = line.search(/\.(\s+[A-Z]|$)/);
  return end < 0 ? line : line.slice(0, end + 1);
}

/**
 * One OpenAPI v3 schema as draft-07 JSON Schema that refuses what the API server's strict field
 * validation refuses: objects that declare properties get `additionalProperties: false`, `$ref`s point
 * into the values schema's `definitions` (draft-07's keyword; see generate/schema.ts), int32 fields
 * get their bounds, and what JSON Schema validators do not read (defaults, formats, x-kubernetes-*
 * extensions) is left out.
 */
export function toDraft7(schema: Schema, refs: Set<string>): Schema {
  // A property that refers to a type is `allOf: [{$ref}]` plus its own description and default; the
  // description stays beside the `$ref` (draft-07 validators ignore it there, readers do not).
  const only = schema.allOf?.length === 1 && schema.allOf[0].$ref ? schema.allOf[0] : schema;
  if (only.$ref) {
    const name = String(only.$ref).slice(refPrefix.length);
    refs.add(name);
    return { $ref: `#/definitions/${name}`, ...(schema.description ? { description: firstSentence(schema.description) } : {}) };
  }
  const out: Schema = {};
  if (schema.description) out.description = firstSentence(schema.description);
  for (const key of ['type', 'required', 'enum'] as const) if (schema[key] !== undefined) out[key] = schema[key];
  if (schema.oneOf) out.oneOf = schema.oneOf.map((branch: Schema) => toDraft7(branch, refs));
  if (schema.format === 'int32') Object.assign(out, int32);
  if (schema.items) out.items = toDraft7(schema.items, refs);
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties as Schema).map(([name, sub]) => [name, toDraft7(sub, refs)]));
    out.additionalProperties = false;
  } else if (typeof schema.additionalProperties === 'object') out.additionalProperties = toDraft7(schema.additionalProperties, refs);
  return out;
}

/** The roots and every type they reference, converted, sorted by name. */
export function deriveDefs(specs: Record<string, Schema>, roots: Record<string, readonly string[]>): Record<string, Schema> {
  const defs: Record<string, Schema> = {};
  for (const [file, names] of Object.entries(roots)) {
    const schemas = specs[file]!.components.schemas as Record<string, Schema>;
    const pending = [...names];
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (defs[name]) continue;
      if (!schemas[name]) throw new Error(`${file} has no schema ${name}`);
      const refs = new Set<string>();
      defs[name] = toDraft7(schemas[name], refs);
      pending.push(...refs);
    }
  }
  return Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b)));
}

/** The pinned Kubernetes version: the one the cluster suite's kube-apiserver is built from. */
export const kubernetesVersion = (): string => requiredVersion(readFileSync(join(goModulesDir, 'kube', 'go.mod'), 'utf8'), 'k8s.io/kubernetes');

/** The generated file's text, from the pinned module's OpenAPI spec (downloaded into the Go module cache if missing). */
export function kubernetesSchemasFile(): { path: string; content: string } {
  const version = kubernetesVersion();
  const specDir = join(moduleDir('k8s.io/kubernetes', version), 'api', 'openapi-spec', 'v3');
  const specs = Object.fromEntries(Object.keys(kubernetesRoots).map((file) => [file, JSON.parse(readFileSync(join(specDir, file), 'utf8'))]));
  const defs = deriveDefs(specs, kubernetesRoots);
  const content = [
    `// Generated by tools/cluster/kubernetes-schemas.ts from k8s.io/kubernetes@${version} api/openapi-spec/v3; do not edit.`,
    '// `npm run generate:kubernetes` rewrites it, `npm run verify:generated` checks it.',
    "import type { JSONSchema7 } from 'json-schema';",
    '',
    `export const kubernetesVersion = '${version}';`,
    '',
    `export const kubernetesDefs: Record<string, JSONSchema7> = ${JSON.stringify(defs, null, 1)};`,
    '',
  ].join('\n');
  return { path: generatedPath, content };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const file = kubernetesSchemasFile();
    writeFilesAtomically(repoRoot, [file]);
    console.log(`generated ${file.path}`);
  } catch (error) {
    console.error(`generate:kubernetes: ${(error as Error).message}`);
    process.exit(1);
  }
}
