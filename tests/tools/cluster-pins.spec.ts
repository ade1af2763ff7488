// The pure parts of the cluster fixture's build and CRD scripts (tools/cluster): the version ldflags,
// the go.mod reading, and the CRD → JSON Schema conversion the rendering tests validate against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goModulesDir, kubeVersionLdflags, requiredVersion } from '../../tools/cluster/binaries.ts';
import { toJsonSchema } from '../../tools/cluster/crds.ts';

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
