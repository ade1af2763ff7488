import { createHash } from 'node:crypto';
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import type { JSONSchema } from 'json-schema-to-typescript';

/**
 * The schema as the types are made from it: without its if/then rules (they constrain values, not
 * their types, and json-schema-to-typescript would turn an allOf of conditionals into an untyped
 * object), and each `$ref` without the description beside it (draft-07 ignores a `$ref`'s siblings;
 * json-schema-to-typescript would declare a copy of the referred type for every described use).
 */
export function typesSchema(schema: JSONSchema7Definition): JSONSchema7Definition {
  if (typeof schema !== 'object') return schema;
  if (schema.$ref !== undefined) return { $ref: schema.$ref };
  const { if: _if, then: _then, else: _else, allOf, ...rest } = schema;
  const kept = allOf?.filter((member) => typeof member !== 'object' || !('if' in member));
  const result: Record<string, unknown> = kept?.length ? { ...rest, allOf: kept.map(typesSchema) } : { ...rest };
  for (const key of ['properties', 'patternProperties', 'definitions'] as const) {
    const map = rest[key];
    if (map) result[key] = Object.fromEntries(Object.entries(map).map(([name, child]) => [name, typesSchema(child)]));
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const child = rest[key];
    if (child && typeof child === 'object' && !Array.isArray(child)) result[key] = typesSchema(child);
  }
  return result as JSONSchema7;
}

const hashLine = (hash: string) => `// schema-sha256: ${hash}`;

const compileOptions = {
  additionalProperties: false,
  strictIndexSignatures: true,
  unreachableDefinitions: false,
  format: true,
  style: { singleQuote: true, printWidth: 120 },
} as const;

/**
 * TypeScript types of the chart's values, made from values.schema.json by json-schema-to-typescript.
 * The file records the hash of the compiler's input and options; when `previous` (the file as it
 * stands) was made from the same it is returned as it is: same bytes, without loading the compiler.
 */
export async function renderTypes(schema: JSONSchema7, banner: string, previous?: string): Promise<string> {
  // The hash covers what the compiler is given, so a change to typesSchema or the options remakes the file.
  const input = typesSchema(schema);
  const hash = createHash('sha256').update(JSON.stringify(input)).update(JSON.stringify(compileOptions)).update(banner).digest('hex');
  if (previous?.split('\n', 2)[1] === hashLine(hash)) return previous;
  // Loaded only when the schema changed: the compiler (and the formatter it uses) is most of the cost.
  const { compile } = await import('json-schema-to-typescript');
  return compile(input as JSONSchema, 'Values', { bannerComment: `/* ${banner} */\n${hashLine(hash)}`, ...compileOptions });
}
