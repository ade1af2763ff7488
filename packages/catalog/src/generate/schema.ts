import type { JSONSchema7 } from 'json-schema';
import { toSchema, type Group } from '../values/spec.ts';

/** values.schema.json: draft-07, self-contained (no $id, no remote $ref), closed objects. */
export function valuesSchema(spec: Group): JSONSchema7 {
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'litellm-stack values', ...toSchema(spec) };
}
