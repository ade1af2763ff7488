import { describe, expect, it } from 'vitest';
import { generatedPaths, generateFiles, seedCatalog } from '../src/index.ts';
import { renderTypes, typesSchema } from '../src/generate/types.ts';

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
    expect(typesSchema(schema)).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
  });

  it('gives a described $ref the type it refers to, declared once', async () => {
    const schema = {
      type: 'object' as const,
      properties: {
        liveness: { description: 'Liveness.', $ref: '#/definitions/Probe' },
        readiness: { description: 'Readiness.', $ref: '#/definitions/Probe' },
      },
      definitions: { Probe: { type: 'object' as const, title: 'Probe', properties: { path: { description: 'Nested.', $ref: '#/definitions/Path' } } }, Path: { type: 'string' as const, title: 'Path' } },
    };
    expect(typesSchema(schema)).toEqual({
      type: 'object',
      properties: { liveness: { $ref: '#/definitions/Probe' }, readiness: { $ref: '#/definitions/Probe' } },
      definitions: { Probe: { type: 'object', title: 'Probe', properties: { path: { $ref: '#/definitions/Path' } } }, Path: { type: 'string', title: 'Path' } },
    });
    const types = await renderTypes(schema, 'b');
    expect(types.match(/^export interface /gm)).toHaveLength(2); // Values and Probe
    expect(types).toContain('liveness?: Probe;');
    expect(types).toContain('readiness?: Probe;');
  });
});
