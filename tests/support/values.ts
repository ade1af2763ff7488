// The values Helm computes for a render: values.yaml merged with the given files (maps merge, other
// values replace), as the chart's templates see them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chartDir } from '../../tools/helm.ts';

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

export function mergeValues(base: Tree, override: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else merged[key] = isTree(value) && isTree(merged[key]) ? mergeValues(merged[key] as Tree, value) : value;
  }
  return merged;
}

export function effectiveValues(files: string[] = [], inline?: object): any {
  const layers = files.map((file) => parse(readFileSync(file.startsWith('/') ? file : join(chartDir, file), 'utf8')) ?? {});
  if (inline) layers.push(inline);
  return layers.reduce<Tree>((merged, layer) => mergeValues(merged, layer), parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')));
}

/** Secret keys the values declare: every string under a key ending in `Key` (or `keys`) that names an env var. */
export function declaredSecretKeys(values: unknown, key = ''): string[] {
  if (typeof values === 'string') return /(Key|Keys\.\w+|secretKeys\.\w+)$/.test(key) && /^[A-Z_][A-Z0-9_]*$/.test(values) ? [values] : [];
  if (Array.isArray(values)) return [];
  if (isTree(values)) return Object.entries(values).flatMap(([k, v]) => declaredSecretKeys(v, isTree(v) && k === 'secretKeys' ? 'secretKeys' : key === 'secretKeys' ? `secretKeys.${k}` : k));
  return [];
}
