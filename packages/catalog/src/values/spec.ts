// A small vocabulary for describing the chart's values once: each node yields its JSON Schema (with
// description), its default, and the comment that documents it in values.yaml.
import type { JSONSchema7, JSONSchema7TypeName } from 'json-schema';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface NodeBase {
  description: string;
  /** Extra schema keywords (pattern, enum, if/then, …) merged into the node's schema. */
  schema?: JSONSchema7;
}

export interface Leaf extends NodeBase {
  kind: 'leaf';
  type: JSONSchema7TypeName | JSONSchema7TypeName[];
  /** Undefined for fields of map entries, which have no default of their own. */
  default: Json | undefined;
}

export interface Group extends NodeBase {
  kind: 'group';
  properties: Record<string, SpecNode>;
}

/** An object keyed by ids whose entries all share one shape (credentials, models, …). */
export interface MapNode extends NodeBase {
  kind: 'map';
  keyPattern: string;
  item: Group;
  default: Record<string, Json>;
}

/** A free-form object passed through as it is (annotations, extra settings). */
export interface OpenNode extends NodeBase {
  kind: 'open';
  default: Json | undefined;
  type: 'object' | 'array';
  /** Schema of each value (objects) or item (arrays). */
  values?: JSONSchema7;
}

export type SpecNode = Leaf | Group | MapNode | OpenNode;

type Options = Pick<NodeBase, 'schema'>;

export const str = (description: string, value?: string, schema?: JSONSchema7): Leaf => ({
  kind: 'leaf', type: 'string', description, default: value, schema,
});
export const int = (description: string, value?: number | null, schema?: JSONSchema7): Leaf => ({
  kind: 'leaf', type: value === null ? ['integer', 'null'] : 'integer', description, default: value, schema,
});
export const num = (description: string, value?: number, schema?: JSONSchema7): Leaf => ({
  kind: 'leaf', type: 'number', description, default: value, schema,
});
export const bool = (description: string, value?: boolean): Leaf => ({
  kind: 'leaf', type: 'boolean', description, default: value,
});
export const oneOf = <T extends string>(description: string, allowed: readonly T[], value?: T): Leaf => ({
  kind: 'leaf', type: 'string', description, default: value, schema: { enum: [...allowed] },
});
export const strList = (description: string, value: string[] | undefined, items: JSONSchema7 = {}): Leaf => ({
  kind: 'leaf', type: 'array', description, default: value, schema: { items: { type: 'string', ...items } },
});
export const group = (description: string, properties: Record<string, SpecNode>, options: Options = {}): Group => ({
  kind: 'group', description, properties, ...options,
});
export const openMap = (description: string, value: Record<string, Json> | undefined, values?: JSONSchema7, schema?: JSONSchema7): OpenNode => ({
  kind: 'open', type: 'object', description, default: value, values, schema,
});
export const openList = (description: string, value: Json[] | undefined, values?: JSONSchema7): OpenNode => ({
  kind: 'open', type: 'array', description, default: value, values,
});
export const idMap = (description: string, keyPattern: string, item: Group, value: Record<string, Json>): MapNode => ({
  kind: 'map', description, keyPattern, item, default: value,
});

/**
 * Schema keywords for an open map that admits exactly these keys, with any value. Unlike
 * propertyNames, an unknown key is then reported with the map's path by Helm 3 and Helm 4 alike.
 */
export const onlyKeys = (keys: readonly string[]): JSONSchema7 => ({
  properties: Object.fromEntries(keys.map((key) => [key, true])),
  additionalProperties: false,
});

/** The JSON Schema of a node: closed objects, a description on every property. */
export function toSchema(node: SpecNode): JSONSchema7 {
  switch (node.kind) {
    case 'leaf':
      return { type: node.type, description: node.description, ...node.schema };
    case 'open':
      return {
        type: node.type,
        description: node.description,
        ...(node.type === 'object' ? { additionalProperties: node.values ?? true } : node.values ? { items: node.values } : {}),
        ...node.schema,
      };
    case 'group':
      return {
        type: 'object',
        description: node.description,
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(node.properties).map(([key, child]) => [key, toSchema(child)])),
        ...node.schema,
      };
    case 'map':
      // patternProperties rather than propertyNames: Helm 4 reports a propertyNames failure without
      // its path, but a key outside patternProperties as "additional properties … at '/models'".
      return {
        type: 'object',
        description: node.description,
        patternProperties: { [node.keyPattern]: toSchema(node.item) },
        additionalProperties: false,
        ...node.schema,
      };
  }
}

/** The default value of a node; undefined leaves out optional keys. */
export function toDefault(node: SpecNode): Json | undefined {
  switch (node.kind) {
    case 'leaf':
    case 'open':
    case 'map':
      return node.default;
    case 'group': {
      const value: Record<string, Json> = {};
      for (const [key, child] of Object.entries(node.properties)) {
        const childDefault = toDefault(child);
        if (childDefault !== undefined) value[key] = childDefault;
      }
      return value;
    }
  }
}

/** One line per field of a map entry, for the comment above the map in values.yaml. */
export function describeFields(node: Group, prefix = ''): string[] {
  return Object.entries(node.properties).flatMap(([key, child]) =>
    child.kind === 'group'
      ? [`${prefix}${key}: ${child.description}`, ...describeFields(child, `${prefix}${key}.`)]
      : [`${prefix}${key}: ${child.description}`],
  );
}
