// Walks values.schema.json next to a values tree, so tests reach every string a user can set without
// listing fields: a field added to the values spec is covered as soon as a profile sets it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import { parse } from 'yaml';
import { chartDir } from '../../tools/helm.ts';
import type { K8sObject } from './chart.ts';

export const valuesSchema: JSONSchema7 = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8'));

export type Path = (string | number)[];

export interface StringField {
  /** Where the string sits in the values (map keys and array indexes included). */
  path: Path;
  /** The same place in the schema: map keys as `*`, array indexes as `[]`. */
  schemaPath: string;
  value: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const typesOf = (schema: JSONSchema7): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);
const join_ = (base: string, part: string) => (base ? `${base}.${part}` : part);

/** Every non-empty string in `values` that the schema places, with its path. */
export function stringFields(schema: JSONSchema7Definition | undefined, values: unknown, path: Path = [], schemaPath = ''): StringField[] {
  // `true` under an open map: any JSON, walked as it is, all of it at the open map's schema path.
  if (schema === true || schema === undefined) return anyStrings(values, path, schemaPath);
  const node: JSONSchema7 = schema === false ? { not: {} } : schema;
  if (typeof values === 'string') {
    const types = typesOf(node);
    return values !== '' && (types.length === 0 || types.includes('string')) ? [{ path, schemaPath, value: values }] : [];
  }
  if (Array.isArray(values)) {
    const items = Array.isArray(node.items) ? undefined : node.items;
    return values.flatMap((item, index) => stringFields(items, item, [...path, index], `${schemaPath}[]`));
  }
  if (!isObject(values)) return [];
  const kubernetes = kubernetesParts(node);
  if (kubernetes) {
    return Object.entries(values).flatMap(([key, value]) =>
      kubernetes.local[key] !== undefined ? stringFields(kubernetes.local[key], value, [...path, key], join_(schemaPath, key)) : anyStrings(value, [...path, key], join_(schemaPath, '*')),
    );
  }
  return Object.entries(values).flatMap(([key, value]) => {
    if (admitsKeysOnly(node)) return node.properties![key] === undefined ? [] : anyStrings(value, [...path, key], join_(schemaPath, '*'));
    if (node.properties?.[key] !== undefined) return stringFields(node.properties[key], value, [...path, key], join_(schemaPath, key));
    const pattern = Object.keys(node.patternProperties ?? {}).find((p) => new RegExp(p, 'u').test(key));
    if (pattern) return stringFields(node.patternProperties![pattern], value, [...path, key], join_(schemaPath, '*'));
    if (node.additionalProperties === false) return [];
    return node.additionalProperties === undefined || node.additionalProperties === true
      ? anyStrings(value, [...path, key], join_(schemaPath, '*'))
      : stringFields(node.additionalProperties, value, [...path, key], join_(schemaPath, '*'));
  });
}

function anyStrings(values: unknown, path: Path, schemaPath: string): StringField[] {
  if (typeof values === 'string') return values === '' ? [] : [{ path, schemaPath, value: values }];
  if (Array.isArray(values)) return values.flatMap((item, index) => anyStrings(item, [...path, index], schemaPath));
  if (isObject(values)) return Object.entries(values).flatMap(([key, value]) => anyStrings(value, [...path, key], schemaPath));
  return [];
}

/**
 * A Kubernetes type passed through (spec.ts kubernetesType: `$ref` into `definitions`, alone or in an allOf
 * with the fields the chart checks itself): its own fields are walked as one unit, like an open map
 * (`*`); they reach the manifest through toYaml, typed by Kubernetes' schema, not by the chart's patterns.
 */
function kubernetesParts(node: JSONSchema7): { local: Record<string, JSONSchema7Definition> } | undefined {
  const members = node.$ref ? [node] : (node.allOf ?? []).filter(isObject) as JSONSchema7[];
  if (!members.some((member) => member.$ref?.startsWith('#/definitions/'))) return undefined;
  return { local: Object.assign({}, ...members.map((member) => member.properties ?? {})) };
}

/**
 * An open map limited to a set of keys (spec.ts onlyKeys: every property `true`, any value): one map
 * for coverage, like an open map with `*`, not one field per admitted key.
 */
function admitsKeysOnly(node: JSONSchema7): boolean {
  const children = Object.values(node.properties ?? {});
  return children.length > 0 && children.every((child) => child === true);
}

/** The schema paths of every string a user can set (leaves typed string, and string items or map values). */
export function schemaStringPaths(schema: JSONSchema7Definition | undefined = valuesSchema, schemaPath = ''): string[] {
  if (schema === undefined || typeof schema === 'boolean') return schema === true ? [schemaPath] : [];
  if (admitsKeysOnly(schema)) return [join_(schemaPath, '*')];
  const kubernetes = kubernetesParts(schema);
  if (kubernetes) {
    return [join_(schemaPath, '*'), ...Object.entries(kubernetes.local).flatMap(([key, child]) => schemaStringPaths(child, join_(schemaPath, key)))];
  }
  const paths: string[] = [];
  if (typesOf(schema).includes('string') && !schema.enum) paths.push(schemaPath);
  for (const [key, child] of Object.entries(schema.properties ?? {})) paths.push(...schemaStringPaths(child, join_(schemaPath, key)));
  for (const child of Object.values(schema.patternProperties ?? {})) paths.push(...schemaStringPaths(child, join_(schemaPath, '*')));
  if (isObject(schema.additionalProperties) || schema.additionalProperties === true) {
    paths.push(...schemaStringPaths(schema.additionalProperties, join_(schemaPath, '*')));
  }
  if (schema.items !== undefined && !Array.isArray(schema.items)) paths.push(...schemaStringPaths(schema.items, `${schemaPath}[]`));
  return paths;
}

/** Sets the value at the path, creating the objects (or lists, before a numeric key) on the way that are not there yet. */
export function setPath(values: unknown, path: Path, value: unknown): void {
  let node = values as Record<string | number, unknown>;
  path.slice(0, -1).forEach((key, index) => {
    if (node[key] === undefined || node[key] === null) node[key] = typeof path[index + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  node[path.at(-1)!] = value;
}

/** The ways Helm 3 (`a.b.0`), Helm 4 (`/a/b/0`, JSON pointer) and the chart's own messages (`a.b[0]`) name a values path. */
export function pathForms(path: Path): string[] {
  const keys = path.map(String);
  const indexed = path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
  return [...new Set([keys.join('.'), `/${keys.map((key) => key.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`, indexed])];
}

/** Whether an error message names the path (the path must end there, not run on into a longer key). */
export function names(message: string, path: Path): boolean {
  return pathForms(path).some((form) => new RegExp(`${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(message));
}

/**
 * The structure of rendered objects: keys and value types, with every string reduced to its type,
 * except strings that carry structure of their own: config.yaml (parsed) and the Dragonfly ACL file
 * (one line per user).
 */
export function shape(objects: K8sObject[]): unknown[] {
  const of = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return key === 'config.yaml' ? of(parse(value)) : 'string';
    if (Array.isArray(value)) return value.map((item) => of(item));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, of(v, k)]));
    return typeof value;
  };
  return objects.map((object) => {
    const { metadata, ...rest } = object;
    const acl = object.kind === 'Secret' && object.data?.acl ? Buffer.from(object.data.acl, 'base64').toString().split('\n').length : undefined;
    return { kind: object.kind, metadata: of(metadata), ...(of(rest) as object), ...(acl === undefined ? {} : { aclLines: acl }) };
  });
}
