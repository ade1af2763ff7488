// The pure parts of the cluster fixture's build and CRD scripts (tools/cluster): the version ldflags,
// the go.mod reading, the CRD → JSON Schema conversion the rendering tests validate against, and the
// derivation of the Kubernetes types values.schema.json refers to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goModulesDir, kubeVersionLdflags, requiredVersion } from '../../tools/cluster/binaries.ts';
import { toJsonSchema } from '../../tools/cluster/crds.ts';
import { deriveDefs, firstSentence, kubernetesRoots } from '../../tools/cluster/kubernetes-schemas.ts';
import { chartDir } from '../../tools/helm.ts';
import { kubernetesDefs } from '../../packages/catalog/src/values/kubernetes-schemas.ts';

describe('binaries', () => {
  it('builds Kubernetes with the version its module requires, in both version packages', () => {
    const goMod = readFileSync(join(goModulesDir, 'kube', 'go.mod'), 'utf8');
    expect(requiredVersion(goMod, 'k8s.io/kubernetes')).toBe('v1.33.13');
    const flags = kubeVersionLdflags('v1.33.13');
    for (const pkg of ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version']) {
      expect(flags).toEqual(expect.arrayContaining([`-X ${pkg}.gitVersion=v1.33.13`, `-X ${pkg}.gitMajor=1`, `-X ${pkg}.gitMinor=33`]));
    }
  });

  it('pins every k8s.io staging module at the matching v0 tag', () => {
    const goMod = readFileSync(join(goModulesDir, 'kube', 'go.mod'), 'utf8');
    const replaced = [...goMod.matchAll(/^\s+(k8s\.io\/\S+) => (\S+) (v\S+)$/gm)];
    expect(replaced.length).toBeGreaterThan(25);
    for (const [, from, to, version] of replaced) {
      expect(to).toBe(from);
      expect(version).toBe('v0.33.13');
    }
  });

  it('says which module lacks a require', () => {
    expect(() => requiredVersion('module x\n', 'k8s.io/kubernetes')).toThrow('go.mod does not require k8s.io/kubernetes');
  });
});

describe('toJsonSchema', () => {
  const crd = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          port: { 'x-kubernetes-int-or-string': true },
          bounded: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
          note: { type: 'string', nullable: true },
          open: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
          either: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, oneOf: [{ properties: { a: {} }, required: ['a'] }, { properties: { b: {} }, required: ['b'] }] },
          defaulted: { type: 'object', properties: { x: { type: 'string' } }, default: { x: 'y' } },
        },
      },
    },
  };
  const schema = toJsonSchema(crd);

  it('closes typed objects below the root, as the API server prunes unknown fields', () => {
    expect(schema.additionalProperties).toBeUndefined();
    expect(schema.properties.spec.additionalProperties).toBe(false);
    expect(schema.properties.spec.properties.defaulted.additionalProperties).toBe(false);
    expect(schema.properties.spec.properties.defaulted.default).toEqual({ x: 'y' });
  });

  it('leaves open what the CRD leaves open, and oneOf branches that only require', () => {
    expect(schema.properties.spec.properties.open.additionalProperties).toBeUndefined();
    for (const branch of schema.properties.spec.properties.either.oneOf) expect(branch.additionalProperties).toBeUndefined();
  });

  it('admits strings and integers for int-or-string, and null where nullable', () => {
    expect(schema.properties.spec.properties.port.oneOf).toEqual([{ type: 'string' }, { type: 'integer' }]);
    expect(schema.properties.spec.properties.bounded.anyOf).toEqual([{ type: 'integer' }, { type: 'string' }]);
    expect(schema.properties.spec.properties.note.type).toEqual(['string', 'null']);
  });
});

describe('Kubernetes types for values.schema.json', () => {
  const ref = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/${name}` }], description: 'A reference.', default: {} });
  const spec = {
    components: {
      schemas: {
        'io.k8s.api.core.v1.Root': {
          description: 'Root is a root. More text.\n\nMore lines.',
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', description: 'Name of it.' },
            count: { type: 'integer', format: 'int32' },
            big: { type: 'integer', format: 'int64' },
            port: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
            items: { type: 'array', items: ref('io.k8s.api.core.v1.Item'), 'x-kubernetes-list-type': 'atomic' },
            labels: { type: 'object', additionalProperties: { type: 'string', default: '' } },
          },
        },
        'io.k8s.api.core.v1.Item': { type: 'object', properties: { root: ref('io.k8s.api.core.v1.Root') } },
        'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
        'io.k8s.api.core.v1.Unused': { type: 'object', properties: {} },
      },
    },
  };
  const defs = deriveDefs({ 'spec.json': spec }, { 'spec.json': ['io.k8s.api.core.v1.Root'] });
  const root = defs['io.k8s.api.core.v1.Root']!;

  it('derives the roots and what they reference, once each (cycles included), and nothing else', () => {
    expect(Object.keys(defs).sort()).toEqual(['io.k8s.api.core.v1.Item', 'io.k8s.api.core.v1.Root', 'io.k8s.apimachinery.pkg.util.intstr.IntOrString']);
    // A reference keeps the referring property's description (the schema test wants every property described), not its default.
    expect(defs['io.k8s.api.core.v1.Item']!.properties!.root).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.Root', description: 'A reference.' });
  });

  it('closes objects with properties, as strict field validation does, and keeps maps open to their value type', () => {
    expect(root.additionalProperties).toBe(false);
    expect(root.required).toEqual(['name']);
    expect(root.properties!.labels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
  });

  it('gives int32 fields their bounds, leaves int64 unbounded and drops what validators do not read', () => {
    expect(root.properties!.count).toEqual({ type: 'integer', minimum: -2147483648, maximum: 2147483647 });
    expect(root.properties!.big).toEqual({ type: 'integer' });
    expect(root.properties!.items).toEqual({ type: 'array', items: { $ref: '#/definitions/io.k8s.api.core.v1.Item', description: 'A reference.' } });
    expect(defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toEqual({ oneOf: [{ type: 'integer' }, { type: 'string' }] });
  });

  it('keeps the first sentence of a description', () => {
    expect(root.description).toBe('Root is a root.');
    expect(firstSentence('See e.g. the docs. Then more.')).toBe('See e.g. the docs.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });

  it('says which root a spec lacks', () => {
    expect(() => deriveDefs({ 'spec.json': spec }, { 'spec.json': ['io.k8s.api.core.v1.Missing'] })).toThrow('spec.json has no schema io.k8s.api.core.v1.Missing');
  });

  it('values.schema.json holds exactly the derived types, and every reference in it resolves', () => {
    const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8'));
    expect(schema.definitions).toEqual(kubernetesDefs);
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]!);
    for (const name of refs) expect(schema.definitions, name).toHaveProperty([name]);
    // Every root is used by a value (a root nothing refers to would be dead weight in every render).
    const fromValues = new Set([...JSON.stringify({ ...schema, definitions: undefined }).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]!));
    expect([...fromValues].sort()).toEqual(Object.values(kubernetesRoots).flat().sort());
  });
});
