import type { JSONSchema7 } from 'json-schema';
import { kubernetesDefs } from '../values/kubernetes-schemas.ts';
import { boundOpenMaps } from '../values/open-map-bounds.ts';
import { toSchema, type Group } from '../values/spec.ts';

/**
 * values.schema.json: draft-07, self-contained (no $id, no remote $ref), closed objects. The Kubernetes
 * types passed-through values refer to sit once under `definitions`, draft-07's keyword for them
 * (Helm 4's validator knows no `$defs` in draft-07, and copied its table of the whole schema's subschemas
 * for each type referred to: 0.09 s of every render).
 */
export function valuesSchema(spec: Group): JSONSchema7 {
  return boundOpenMaps({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'litellm-stack values', ...toSchema(spec), definitions: kubernetesDefs } as JSONSchema7);
}
