// Conditional requirements (JSON Schema if/then) move from values.schema.json into the chart's
// templates. Helm 3's validator reports a failed `then` as "Must validate 'then' as 'if' was valid",
// next to lines that often do not say what to set; the templates instead fail with one line naming the
// value (templates/_rules.tpl evaluates the same if/then, read from files/conditional-rules.json).
import type { JSONSchema7 } from 'json-schema';
import { modelRules } from '../catalog/rules.ts';

export interface ConditionalRule {
  /** Values path of the object the rule applies to; `*` stands for every key of a map (credentials, models). */
  at: string[];
  if: JSONSchema7;
  then: JSONSchema7;
  /** For the catalog's model rules: the field and the message validateCatalog also uses. */
  field?: string;
  message?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The schema without any if/then, and the rules taken out of it, in document order. */
export function splitConditionals(schema: JSONSchema7): { schema: JSONSchema7; rules: ConditionalRule[] } {
  const rules: ConditionalRule[] = [];
  const walk = (node: JSONSchema7 | boolean, at: string[]): JSONSchema7 | boolean => {
    // A boolean schema (`true`: any value, as spec.ts onlyKeys admits keys) has no rules to take.
    if (typeof node === 'boolean') return node;
    const out: JSONSchema7 = { ...node };
    const take = (part: JSONSchema7) => {
      const rule = modelRules.find((r) => same(r.schema.if, part.if) && same(r.schema.then, part.then));
      rules.push({ at, if: part.if as JSONSchema7, then: part.then as JSONSchema7, ...(rule ? { field: rule.field, message: rule.message } : {}) });
    };
    if (out.if !== undefined) {
      take(out);
      delete out.if;
      delete out.then;
    }
    if (out.allOf) {
      const kept = (out.allOf as JSONSchema7[]).filter((part) => (part.if === undefined ? true : (take(part), false)));
      if (kept.length) out.allOf = kept;
      else delete out.allOf;
    }
    if (out.properties) {
      out.properties = Object.fromEntries(Object.entries(out.properties).map(([key, child]) => [key, walk(child, [...at, key])]));
    }
    if (out.patternProperties) {
      out.patternProperties = Object.fromEntries(Object.entries(out.patternProperties).map(([key, child]) => [key, walk(child, [...at, '*'])]));
    }
    return out;
  };
  return { schema: walk(schema, []) as JSONSchema7, rules };
}
