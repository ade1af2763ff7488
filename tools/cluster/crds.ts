// The CRDs the chart's custom resources go against, from the upstream Go modules pinned in
// tools/cluster/crds.json (`go mod download`), and the JSON schemas derived from them for the
// rendering tests. Both are cached outside the checkout, keyed by the pins and this converter, so a
// machine derives them once. `node --import tsx tools/cluster/crds.ts` prepares them and prints the
// directory (CI and the GitHub workflow run exactly this).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../helm.ts';
import { cacheRoot } from './binaries.ts';

interface Pins {
  modules: { module: string; version: string; files: string[] }[];
  local: string[];
}

const pinsFile = join(repoRoot, 'tools', 'cluster', 'crds.json');
const readPins = (): Pins => JSON.parse(readFileSync(pinsFile, 'utf8'));

type Schema = Record<string, any>;

/**
 * A CRD version's openAPIV3Schema as a JSON Schema that refuses what the API server would prune or
 * refuse: objects (`type: object`) that declare properties get `additionalProperties: false` unless they preserve
 * unknown fields (the root stays open, as kubeconform's converter leaves it), int-or-string becomes
 * string-or-integer, and `nullable` admits null.
 */
export function toJsonSchema(schema: Schema, root = true): Schema {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, false));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => [name, toJsonSchema(sub as Schema, false)]));
    } else if (key === 'enum' || key === 'default' || key === 'example' || key === 'required') out[key] = value;
    else out[key] = typeof value === 'object' && value !== null ? toJsonSchema(value as Schema, false) : value;
  }
  if ((out['x-kubernetes-int-or-string'] === true && !out.anyOf) || out.format === 'int-or-string') {
    delete out.type;
    delete out.format;
    out.oneOf = [{ type: 'string' }, { type: 'integer' }];
  }
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  // Only typed objects: a oneOf branch listing properties only to require them constrains, not closes.
  if (!root && out.type === 'object' && out.properties && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}

/** The cache key: the pins, the local CRDs and this converter. */
export function crdCacheKey(): string {
  const hash = createHash('sha256').update(readFileSync(pinsFile)).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of readPins().local) hash.update(readFileSync(join(repoRoot, file)));
  return hash.digest('hex').slice(0, 16);
}

export interface CrdSet {
  /** One CRD manifest per file, for `kubectl apply`. */
  manifestDir: string;
  manifests: string[];
  /** `<group>/<kind>_<version>.json`, the kubeconform layout tests/support/validate.ts reads. */
  schemaDir: string;
}

function crdSetAt(dir: string): CrdSet {
  return { manifestDir: join(dir, 'crds'), manifests: JSON.parse(readFileSync(join(dir, 'manifests.json'), 'utf8')).map((f: string) => join(dir, 'crds', f)), schemaDir: join(dir, 'schemas') };
}

export function moduleDir(module: string, version: string): string {
  // Outside any module, so only the named module is fetched (and checked against the checksum database).
  const out = execFileSync('go', ['mod', 'download', '-json', `${module}@${version}`], { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } });
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${module}@${version}: ${info.Error ?? 'no Dir'}`);
  return info.Dir;
}

/** Downloads the pinned modules and writes the CRDs and schemas, unless the cache has them. */
export function ensureCrds(): CrdSet {
  const dir = join(cacheRoot, 'crds', crdCacheKey());
  if (existsSync(join(dir, 'manifests.json'))) return crdSetAt(dir);
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const sources: { origin: string; text: string }[] = [];
  const pins = readPins();
  for (const { module, version, files } of pins.modules) {
    const root = moduleDir(module, version);
    for (const file of files) sources.push({ origin: `${module}@${version}/${file}`, text: readFileSync(join(root, file), 'utf8') });
  }
  for (const file of pins.local) sources.push({ origin: file, text: readFileSync(join(repoRoot, file), 'utf8') });
  const manifests: string[] = [];
  for (const { origin, text } of sources) {
    for (const doc of parseAllDocuments(text)) {
      const crd = doc.toJS() as Schema | null;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      const name = `${crd.metadata.name}.yaml`;
      mkdirSync(join(partial, 'crds'), { recursive: true });
      writeFileSync(join(partial, 'crds', name), `# From ${origin}\n${doc.toString()}`);
      manifests.push(name);
      for (const version of crd.spec.versions as Schema[]) {
        const schema = version.schema?.openAPIV3Schema;
        if (!schema) continue;
        const target = join(partial, 'schemas', crd.spec.group, `${String(crd.spec.names.kind).toLowerCase()}_${version.name}.json`);
        mkdirSync(join(target, '..'), { recursive: true });
        writeFileSync(target, `${JSON.stringify(toJsonSchema(schema), null, 1)}\n`);
      }
    }
  }
  writeFileSync(join(partial, 'manifests.json'), JSON.stringify(manifests));
  mkdirSync(join(dir, '..'), { recursive: true });
  if (!existsSync(dir)) renameSync(partial, dir);
  else rmSync(partial, { recursive: true, force: true });
  return crdSetAt(dir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const set = ensureCrds();
    console.log(`${set.manifests.length} CRDs in ${set.manifestDir}; schemas in ${set.schemaDir}`);
  } catch (error) {
    console.error(`crds: ${(error as Error).message}`);
    process.exit(1);
  }
}
