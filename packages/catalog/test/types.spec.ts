import { describe, expect, it } from 'vitest';
import { generatedPaths, generateFiles, seedCatalog } from '../src/index.ts';
import { renderTypes, withoutConditionals } from '../src/generate/types.ts';

describe('values types', () => {
  it('reuses the types file only when it was made from the same schema', async () => {
    const cold = await generateFiles(seedCatalog);
    const types = cold.find((f) => f.path === generatedPaths.types)!.content;
    const schema = JSON.parse(cold.find((f) => f.path === generatedPaths.schema)!.content);
    expect(await renderTypes(schema, 'b', 'stale\n// schema-sha256: 0\n')).not.toContain('stale');
    const fresh = await renderTypes(schema, 'b');
    expect(await renderTypes(schema, 'b', fresh)).toBe(fresh);
    const changed = { ...schema, properties: { ...schema.properties, extra: { type: 'string', description: 'x' } } };
    expect(await renderTypes(changed, 'b', fresh)).toContain('extra?: string');
    // The warm path gives the very bytes of the cold one.
    const warm = await generateFiles(seedCatalog, { previousTypes: types });
    expect(warm).toEqual(cold);
  });

  it('drops if/then rules, keeping the shapes they sit on', () => {
    const schema = {
      type: 'object' as const,
      properties: { a: { type: 'string' as const } },
      allOf: [{ if: { required: ['a'] }, then: { required: ['b'] } }],
    };
    expect(withoutConditionals(schema)).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
  });
});
