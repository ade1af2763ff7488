import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { generatedPaths, generateFiles, seedCatalog } from '../src/index.ts';
import { chartValuesSpec } from '../src/values/chart.ts';
import type { Group } from '../src/values/spec.ts';

const files = await generateFiles(seedCatalog);
const content = (path: string) => files.find((f) => f.path === path)!.content;
const schema = JSON.parse(content(generatedPaths.schema));

/** Paths of spec'd keys in values.yaml that have no comment right above them. */
function undocumented(map: YAMLMap, node: Group, path: string): string[] {
  return map.items.flatMap((pair, index) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    const child = node.properties[key];
    const here = `${path}${key}`;
    // When parsed back, the comment above a nested map's first key belongs to the map itself.
    const comment = (isScalar(pair.key) && pair.key.commentBefore) || (index === 0 ? map.commentBefore : undefined);
    const missing = child && !comment?.trim() ? [here] : [];
    return child?.kind === 'group' && isMap(pair.value) ? [...missing, ...undocumented(pair.value, child, `${here}.`)] : missing;
  });
}

describe('values.yaml', () => {
  it('opens with a header for the chart\'s users (what `helm show values` prints first), not a maintainers\' warning', () => {
    const header = content(generatedPaths.values).split('\n\n')[0]!;
    expect(header).toMatch(/^# litellm-stack: /);
    expect(header).toContain('helm show readme');
    expect(header).not.toMatch(/do not edit/i);
  });

  it('documents every value with a comment above it', () => {
    const doc = parseDocument(content(generatedPaths.values));
    expect(undocumented(doc.contents as YAMLMap, chartValuesSpec(seedCatalog), '')).toEqual([]);
  });

  it('holds the whole catalog as defaults', () => {
    const values = parseDocument(content(generatedPaths.values)).toJS();
    expect(Object.keys(values.models).sort()).toEqual(seedCatalog.models.map((m) => m.id).sort());
    expect(Object.keys(values.credentials).sort()).toEqual(seedCatalog.credentials.map((c) => c.id).sort());
    expect(values.models['gpt-realtime']).toEqual({
      enabled: true,
      modelName: 'gpt-realtime',
      model: 'azure/gpt-realtime',
      credential: 'azure_credential_us_east2',
      rpm: 200,
      tpm: 100000,
      apiVersion: '2024-10-01-preview',
      info: {
        mode: 'realtime', id: '92', baseModel: 'gpt-realtime-2025-08-28', accessGroups: ['premium-models', 'restricted-models'],
        disableBackgroundHealthCheck: true,
      },
    });
  });

  it('validates against the schema', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(parseDocument(content(generatedPaths.values)).toJS()), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('values.schema.json', () => {
  /** Every object schema node, with its JSON pointer. */
  function* objectNodes(node: any, pointer = '#'): Generator<[string, any]> {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'object' || node.properties) yield [pointer, node];
    for (const [key, child] of Object.entries(node)) {
      if (key === 'enum' || key === 'const') continue;
      if (Array.isArray(child)) for (const [i, c] of child.entries()) yield* objectNodes(c, `${pointer}/${key}/${i}`);
      else if (typeof child === 'object') yield* objectNodes(child, `${pointer}/${key}`);
    }
  }

  it('is draft-07 and self-contained', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBeUndefined();
    // Self-contained: every `$ref` points into its own `definitions` (Kubernetes' types, held once) and resolves.
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"([^"]*)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref, 'a $ref outside the schema').toMatch(/^#\/definitions\/[^/]+$/);
      expect(schema.definitions[ref.slice('#/definitions/'.length)], `${ref} does not resolve`).toBeTypeOf('object');
    }
  });

  it('allows global at the root and closes the root', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.global.type).toBe('object');
  });

  // Kubernetes objects passed through as they are: typed by Kubernetes, not by this chart; a
  // guardrail's provider settings, typed by its provider; a CNPG extension image's settings, typed by
  // the CNPG Cluster CRD (the scenario suite validates them against it); added containers and extra
  // manifests, typed by Kubernetes (the cluster suite's dry run sends them to the API server).
  const openOnPurpose = [
    '#/properties/extraEnv/items',
    '#/properties/initContainers/items',
    '#/properties/extraContainers/items',
    '#/properties/database/properties/migrations/properties/initContainers/items',
    '#/properties/extraResources/items',
    '#/properties/extraResources/items/properties/metadata',
    '#/properties/litellm/properties/guardrails/items/properties/litellm_params',
    '#/properties/database/properties/cnpg/properties/extensions/items',
    '#/properties/database/properties/cnpg/properties/extensions/items/properties/image',
  ];

  it('describes every property and closes every object that lists properties', () => {
    for (const [pointer, node] of objectNodes(schema)) {
      if (!node.properties || pointer.includes('/if') || pointer.includes('/then') || pointer.includes('/allOf')) continue;
      expect(node.additionalProperties, `${pointer} is open`).toBe(openOnPurpose.includes(pointer) ? true : false);
      for (const [key, property] of Object.entries<any>(node.properties)) {
        // `true`: a key an open map admits (spec.ts onlyKeys), any value; the map itself is described.
        if (property === true) continue;
        expect(property.description, `${pointer}/properties/${key} has no description`).toBeTruthy();
      }
    }
  });

  it('constrains the master key and salt key', () => {
    const secrets = schema.properties.secrets.properties;
    const ajv = new Ajv();
    const masterKey = ajv.compile(secrets.masterKey);
    expect(masterKey('sk-' + 'a'.repeat(29))).toBe(true);
    expect(masterKey('')).toBe(true);
    expect(masterKey('sk-short')).toBe(false);
    expect(masterKey('a'.repeat(40))).toBe(false);
    const saltKey = ajv.compile(secrets.saltKey);
    expect(saltKey('s'.repeat(31))).toBe(false);
    expect(saltKey('s'.repeat(32))).toBe(true);
  });
});
