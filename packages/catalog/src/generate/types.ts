import { createHash } from 'node:crypto';
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import type { JSONSchema } from 'json-schema-to-typescript';

/**
 * The schema without its if/then rules: they constrain values, not their types, and
 * json-schema-to-typescript would turn an allOf of conditionals into an untyped object.
 */
export function withoutConditionals(schema: JSONSchema7Definition): JSONSchema7Definition {
  if (typeof schema !== 'object') return schema;
  const { if: _if, then: _then, else: _else, allOf, ...rest } = schema;
  const kept = allOf?.filter((member) => typeof member !== 'object' || !('if' in member));
  const result: Record<string, unknown> = kept?.length ? { ...rest, allOf: kept.map(withoutConditionals) } : { ...rest };
  for (const key of ['properties', 'patternProperties'] as const) {
    const map = rest[key];
    if (map) result[key] = Object.fromEntries(Object.entries(map).map(([name, child]) => [name, withoutConditionals(child)]));
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const child = rest[key];
    if (child && typeof child === 'object' && !Array.isArray(child)) result[key] = withoutConditionals(child);
  }
  return result as JSONSchema7;
}

const hashLine = (hash: string) => `// schema-sha256: ${hash}`;

/**
 * TypeScript types of the chart's values, made from values.schema.json by json-schema-to-typescript.
 * The file records the hash of the schema it was made from; when `previous` (the file as it stands)
 * was made from the same schema it is returned as it is: same bytes, without loading the compiler.
 */
export async function renderTypes(schema: JSONSchema7, banner: string, previous?: string): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(schema)).update(banner).digest('hex');
  if (previous?.split('\n', 2)[1] === hashLine(hash)) return previous;
  // Loaded only when the schema changed: the compiler (and the formatter it uses) is most of the cost.
  const { compile } = await import('json-schema-to-typescript');
  return compile(withoutConditionals(schema) as JSONSchema, 'Values', {
    bannerComment: `/* ${banner} */\n${hashLine(hash)}`,
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}
