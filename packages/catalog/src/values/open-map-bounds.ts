// Open maps pass LiteLLM keys through with any value. Where a typed field of the same config area
// renders the same LiteLLM key (its snake_case name), the open map's value gets that field's bounds,
// taken from the field's own schema: `params.num_retries: -1` is refused by its path just as
// `litellm.router.numRetries: -1` is. Added as exact-key patternProperties, so the admitted keys
// (properties `true`, or propertyNames) stay as they are.
import type { JSONSchema7 } from 'json-schema';
import { routerDefaultsFromSettings } from './litellm-keys.ts';

/** Dotted schema paths (`*` for a map's entries) of the groups whose typed fields render LiteLLM keys. */
const litellmFields = { models: 'models.*', router: 'litellm.router', general: 'litellm' } as const;

/**
 * Each open map, and where the typed fields it is bounded by live, nearest first (the first field with
 * the key wins). `aliases`: keys LiteLLM reads as another source's key (a litellm setting a Router
 * parameter falls back to, from LiteLLM's source: litellm-keys.ts), bounded like that field.
 */
export const boundedOpenMaps: { map: string; sources: string[]; aliases?: Record<string, { source: string; key: string }> }[] = [
  { map: 'models.*.params', sources: [litellmFields.models, litellmFields.router, litellmFields.general] },
  {
    map: 'litellm.settings',
    sources: [litellmFields.general, litellmFields.router, litellmFields.models],
    aliases: Object.fromEntries(routerDefaultsFromSettings.map(([parameter, setting]) => [setting, { source: litellmFields.router, key: parameter }])),
  },
  { map: 'litellm.generalSettings', sources: [litellmFields.general, litellmFields.router, litellmFields.models] },
  { map: 'litellm.routerSettings', sources: [litellmFields.router, litellmFields.models, litellmFields.general] },
  // cache_params keys are the cache's and redis-py's: only the cache's own fields mean the same.
  { map: 'cache.params', sources: ['cache'] },
];

export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function at(schema: JSONSchema7, path: string): JSONSchema7 {
  return path.split('.').reduce<JSONSchema7>((node, part) => {
    const next = part === '*' ? Object.values(node.patternProperties ?? {})[0] : node.properties?.[part];
    if (typeof next !== 'object') throw new Error(`open-map bounds: no object schema at ${path} (${part})`);
    return next;
  }, schema);
}

/** A typed field's bounds: a scalar type with its limits, or an enum; free text and objects bound nothing. */
function bounds(field: JSONSchema7): JSONSchema7 | undefined {
  const types = [field.type ?? []].flat().filter((type) => type !== 'null');
  if (types.length !== 1 || types[0] === 'object' || types[0] === 'array' || (types[0] === 'string' && !field.enum)) return undefined;
  const { description: _, ...rest } = field;
  return { ...rest, type: types[0] };
}

/** The keys an open map admits: its properties (spec.ts onlyKeys) or its propertyNames enum. */
function admittedKeys(map: JSONSchema7): string[] {
  if (map.properties) return Object.keys(map.properties);
  const names = map.propertyNames;
  return typeof names === 'object' && Array.isArray(names.enum) ? names.enum.map(String) : [];
}

/** The schema with each bounded open map's keys constrained like the typed field that renders them. */
export function boundOpenMaps(schema: JSONSchema7): JSONSchema7 {
  const out = structuredClone(schema);
  for (const { map, sources, aliases = {} } of boundedOpenMaps) {
    const node = at(out, map);
    const fields = sources.flatMap((source) =>
      Object.entries(at(out, source).properties ?? {}).flatMap(([name, field]) => {
        const limit = typeof field === 'object' ? bounds(field) : undefined;
        return limit ? [{ key: snakeCase(name), path: `${source}.${name}`, limit }] : [];
      }),
    );
    for (const key of admittedKeys(node)) {
      const alias = aliases[key];
      const same = fields.find((f) => f.key === key);
      const field = same ?? (alias && fields.find((f) => f.key === alias.key && f.path.startsWith(`${alias.source}.`)));
      if (!field) continue;
      node.patternProperties = {
        ...node.patternProperties,
        [`^${key}$`]: { description: `Bounded like ${field.path}, which renders ${same ? 'the same LiteLLM key' : 'the Router parameter LiteLLM sets from it'}.`, ...field.limit },
      };
    }
  }
  return out;
}
