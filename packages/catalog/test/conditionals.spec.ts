import { describe, expect, it } from 'vitest';
import { generatedPaths, generateFiles, modelRules, seedCatalog } from '../src/index.ts';
import { splitConditionals } from '../src/generate/conditionals.ts';

const files = await generateFiles(seedCatalog);
const content = (path: string) => JSON.parse(files.find((f) => f.path === path)!.content);

describe('conditional requirements leave the schema for the templates', () => {
  it('values.schema.json has no if/then left (Helm 3 would report "Must validate \'then\'")', () => {
    expect(JSON.stringify(content(generatedPaths.schema))).not.toMatch(/"(if|then)":/);
  });

  it('every model rule of the catalog reaches the templates with its field and message', () => {
    const rules = content(generatedPaths.conditionalRules);
    const models = rules.filter((rule: { at: string[] }) => rule.at.join('.') === 'models.*');
    expect(models.map((rule: any) => [rule.field, rule.message])).toEqual(modelRules.map((rule) => [rule.field, rule.message]));
    // And the value-level ones, where the rule sits in the values tree.
    expect(rules.map((rule: { at: string[] }) => rule.at.join('.'))).toEqual(expect.arrayContaining(['database', 'backup', 'cache', 'oidc', 'route', 'credentials.*']));
  });

  it('splitConditionals takes if/then from the node and from allOf, keeping the other keywords', () => {
    const { schema, rules } = splitConditionals({
      type: 'object',
      properties: {
        a: { if: { required: ['x'] }, then: { required: ['y'] }, required: ['z'] },
        m: { patternProperties: { '^k$': { allOf: [{ minProperties: 1 }, { if: { required: ['p'] }, then: { required: ['q'] } }] } } },
      },
    });
    expect(schema).toEqual({ type: 'object', properties: { a: { required: ['z'] }, m: { patternProperties: { '^k$': { allOf: [{ minProperties: 1 }] } } } } });
    expect(rules).toEqual([
      { at: ['a'], if: { required: ['x'] }, then: { required: ['y'] } },
      { at: ['m', '*'], if: { required: ['p'] }, then: { required: ['q'] } },
    ]);
  });
});
