// The ajv validators validateCatalog runs: an entry's shape (the very schemas values.schema.json is made
// of) and each model rule. Compiled here at run time; `npm run generate`'s bundle (tools/bundled.mjs)
// replaces this module with ajv's standalone code for the same schemas and options, compiled when the
// bundle is built, because compiling them took a third of the generator's run.
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { toSchema } from '../values/spec.ts';
import { credentialItem, modelItem } from '../values/catalog.ts';
import { modelRules } from './rules.ts';

export interface CatalogValidators {
  credential: ValidateFunction;
  model: ValidateFunction;
  /** One per entry of modelRules, in its order. */
  rules: ValidateFunction[];
}

export const ajvOptions: Options = { allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true };

export const validatorSchemas = () => ({
  credential: toSchema(credentialItem),
  model: toSchema(modelItem),
  rules: modelRules.map((rule) => rule.schema),
});

export function compileValidators(): CatalogValidators {
  const ajv = new Ajv(ajvOptions);
  const schemas = validatorSchemas();
  return { credential: ajv.compile(schemas.credential), model: ajv.compile(schemas.model), rules: schemas.rules.map((schema) => ajv.compile(schema)) };
}
