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

/**
 * Characters no value may carry into a manifest: C0 controls, DEL, NEL and the Unicode line and
 * paragraph separators. Listed explicitly because Go's `\s` (Helm validates with Go regexps) leaves
 * out \v, NEL, U+2028 and U+2029. The last three are literal characters: Go writes `\x{2028}`, ECMA
 * `\u2028`, and neither reads the other's form.
 */
export const control = '\\x00-\\x1f\\x7f\u0085\u2028\u2029';
const dnsLabelRe = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const imageComponentRe = '[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*';
/** registry[:port]/path/name (docker's reference grammar, without tag or digest). */
const imageRepositoryRe = `([A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*(:[0-9]+)?/)?${imageComponentRe}(/${imageComponentRe})*`;
const imageTagRe = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
/** An optional value: empty, or matching the pattern (already anchored at both ends). */
export const orEmpty = (pattern: string) => `^$|${pattern}`;

/**
 * Patterns for the kinds of string the chart renders, each anchored at both ends and refusing
 * control characters (tests/chart/hostile-values.spec.ts puts hostile strings into every string field).
 */
export const patterns = {
  /** Free text on one line (descriptions, names shown to people, env values). */
  line: `^[^${control}]*$`,
  /** Printable ASCII without spaces (keys, passwords, usernames, arguments that must stay one token). */
  token: '^[!-~]*$',
  /** Absolute path. */
  path: `^/[^${control}]*$`,
  /**
   * http(s) URL without userinfo (a password never goes into a URL: use the Secret): a host name or
   * bracketed IPv6 address, an optional port, and a rest whose `%` escapes are whole, as Go's url.Parse
   * (the chart's urlParse) and Python's clients need.
   */
  url: `^https?://(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)(:[0-9]{1,5})?([/?#]([^${control} %\\\\]|%[0-9A-Fa-f]{2})*)?$`,
  /** DNS-1123 label. */
  dnsLabel: `^${dnsLabelRe}$`,
  /** DNS-1123 subdomain (names of Secrets, StorageClasses, PriorityClasses, …). */
  dnsSubdomain: `^${dnsLabelRe}(\\.${dnsLabelRe})*$`,
  /** Kubernetes label or annotation key (optional DNS prefix, then a name). */
  labelKey: `^(${dnsLabelRe}(\\.${dnsLabelRe})*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$`,
  /** Kubernetes label value. */
  labelValue: '^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$',
  /** Image repository without tag or digest (registry[:port]/path). */
  imageRepository: `^${imageRepositoryRe}$`,
  imageTag: `^${imageTagRe}$`,
  /** A whole image reference: repository, optional tag, optional digest. */
  imageReference: `^${imageRepositoryRe}(:${imageTagRe})?(@sha256:[a-f0-9]{64})?$`,
} as const;

/** An open map of Kubernetes labels (keys and values checked), or of annotations (keys checked). */
export const labelValues: JSONSchema7 = { type: 'string', pattern: patterns.labelValue, maxLength: 63 };
export const labelKeys: JSONSchema7 = { propertyNames: { pattern: patterns.labelKey, maxLength: 316 } };

export const str = (description: string, value?: string, schema?: JSONSchema7): Leaf => ({
  kind: 'leaf', type: 'string', description, default: value, schema,
});
/** Kubernetes' int32 fields (replicas, probe seconds, backoffLimit, …) refuse more; no LiteLLM count needs it. */
export const int32Max = 2_147_483_647;
export const int = (description: string, value?: number | null, schema?: JSONSchema7): Leaf => ({
  kind: 'leaf', type: value === null ? ['integer', 'null'] : 'integer', description, default: value, schema: { maximum: int32Max, ...schema },
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
/**
 * A Kubernetes type by its OpenAPI name below `io.k8s.` (`api.core.v1.Affinity`): Kubernetes' own
 * schema, derived into kubernetes-schemas.ts, closed like the API server's strict field validation.
 */
export const kubernetesType = (name: string): JSONSchema7 => ({ $ref: `#/definitions/io.k8s.${name}` });
/** A value passed through as one Kubernetes object, typed by Kubernetes' schema. */
export const kubernetesObject = (description: string, name: string, value: Record<string, Json> = {}): OpenNode =>
  openMap(description, value, undefined, kubernetesType(name));
/** Container resources (a Kubernetes ResourceRequirements: requests, limits, claims). */
export const resources = (description: string, value: Record<string, Json> = {}): OpenNode =>
  kubernetesObject(description, 'api.core.v1.ResourceRequirements', value);
/** A list of Kubernetes Container objects the chart adds to a pod: Kubernetes' Container, with the name and image the chart checks. */
export const containerList = (description: string): OpenNode =>
  openList(description, [], {
    allOf: [
      kubernetesType('api.core.v1.Container'),
      {
        required: ['name', 'image'],
        properties: {
          name: { type: 'string', pattern: patterns.dnsLabel, maxLength: 63, description: 'Container name, unique in the pod.' },
          image: { type: 'string', pattern: patterns.imageReference, description: 'Image reference.' },
        },
      },
    ],
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
        // A Kubernetes type (kubernetesObject) closes the object itself.
        ...(node.type === 'object' ? (node.schema?.$ref ? {} : { additionalProperties: node.values ?? true }) : node.values ? { items: node.values } : {}),
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
