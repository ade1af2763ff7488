import type { JSONSchema7 } from 'json-schema';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

/** TypeScript types of the chart's values, made from values.schema.json by json-schema-to-typescript. */
export async function renderTypes(schema: JSONSchema7, banner: string): Promise<string> {
  return compile(schema as JSONSchema, 'Values', {
    bannerComment: `/* ${banner} */`,
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}
