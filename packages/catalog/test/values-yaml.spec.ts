import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, isMap, isScalar, parse, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { helm, helmMajors } from '../../../tools/helm.ts';
import { generatedPaths, generateFiles, seedCatalog } from '../src/index.ts';
import { docOf, renderValuesYaml, valuesYamlHeader, width, wrap } from '../src/generate/values-yaml.ts';
import { chartValuesSpec } from '../src/values/chart.ts';
import { group, idMap, openMap, toDefault, type Group, type Json } from '../src/values/spec.ts';

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

/**
 * values.yaml as the yaml library's Document API prints it: the spec's defaults, each spec'd key with
 * its wrapped description as a comment (the oracle for the generator's own printer; the comment text
 * is the generator's, the printing the library's).
 */
function documentRendering(spec: Group): string {
  const asComment = (text: string, indent: number) => wrap(text, width - indent).map((line) => (line ? ` ${line}` : '')).join('\n');
  const annotate = (map: YAMLMap, node: Group, indent: number): void =>
    map.items.forEach((pair: Pair, index) => {
      const child = isScalar(pair.key) ? node.properties[String(pair.key.value)] : undefined;
      if (!child || !isScalar(pair.key)) return;
      pair.key.commentBefore = asComment(docOf(child), indent);
      if (indent === 0 && index > 0) pair.key.spaceBefore = true;
      if (child.kind === 'group' && isMap(pair.value)) annotate(pair.value, child, indent + 2);
      if (child.kind === 'map' && isMap(pair.value)) pair.value.items.forEach((entry: Pair, i) => {
        if (i > 0 && isScalar(entry.key)) entry.key.spaceBefore = true;
      });
    });
  const doc = new Document(toDefault(spec));
  doc.commentBefore = asComment(valuesYamlHeader, 0);
  annotate(doc.contents as YAMLMap, spec, 0);
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

/** Strings YAML 1.1 or 1.2 would read as something else, and characters that need escaping. */
const trickyStrings = ['', ' ', 'yes', 'No', 'on', 'OFF', 'y', '~', 'null', 'true', '0755', '0o17', '0x1F', '1_000', '1:20', '1:20.5', '.5', '1e3', '-.inf', '.NaN', '2024-10-21', '2024-10-21T10:00:00Z', '<<', '=', '- a', 'a: b', 'a #b', 'a:', '#a', '@a', '`a', '%a', '!a', '&a', '*a', '|', '>', "'a'", '"a"', '[a]', '{a}', 'a,b', '?', 'a\nb', '\ta', 'é', '\u2028', '\u0085', '\u007f', '\ufeff', '\u0000', 'gpt-4.1', 'https://a.example/b?c=d#e', 'os.environ/KEY'];
const trickyString = fc.oneof(
  fc.constantFrom(...trickyStrings),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '1', '9', '.', '-', '+', '_', ':', ' ', '#', '"', "'", '\\', '/', ',', '[', '{', '\n', '\t', 'é', '\u2028', '\u0085', '\u007f'), maxLength: 12 }),
);
const plainNumber = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((n) => !String(n).includes('e')));
const jsonValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null), fc.boolean(), plainNumber, trickyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(trickyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('values.yaml', () => {
  it('has the bytes the yaml library\'s Document API prints for the same defaults and comments', () => {
    const spec = chartValuesSpec(seedCatalog);
    expect(content(generatedPaths.values)).toBe(documentRendering(spec));
  });

  it('reads back as the values it was given, as YAML 1.2 and as YAML 1.1 (Helm), whatever the strings', () => {
    fc.assert(
      fc.property(fc.dictionary(trickyString, jsonValue, { maxKeys: 5 }), fc.dictionary(trickyString, jsonValue, { maxKeys: 3 }), (open, entries) => {
        const spec = group('root', {
          open: openMap('An open map.', open),
          map: idMap('A map of entries.', '.*', group('entry', {}), entries),
        });
        const text = renderValuesYaml(spec, 'header');
        const expected = { open, map: entries };
        expect(parse(text)).toEqual(expected);
        expect(parse(text, { version: '1.1' })).toEqual(expected);
      }),
      { seed: 20261129, numRuns: 400 },
    );
  });

  it.each(helmMajors)('reads back under %s as the strings it was given, each as a key and as a value', async (major) => {
    // Helm's own parser is the one the chart's users meet; one render reads every tricky string.
    const values = Object.fromEntries(trickyStrings.map((text, index) => [text, { index, text }]));
    const dir = mkdtempSync(join(tmpdir(), 'values-yaml-'));
    try {
      mkdirSync(join(dir, 'templates'));
      writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: echo\nversion: 0.0.0\n');
      writeFileSync(join(dir, 'values.yaml'), renderValuesYaml(group('root', { strings: openMap('Tricky strings.', values) }), 'header'));
      writeFileSync(join(dir, 'templates', 'values.yaml'), 'values: {{ .Values.strings | toJson | quote }}\n');
      const rendered = parse(await helm(major, ['template', 'echo', dir])) as { values: string };
      expect(JSON.parse(rendered.values)).toEqual(values);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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
