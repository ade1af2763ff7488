// Every ci/ scenario under both Helm majors: lint-clean, every object valid against its schema, and the
// invariants every render must keep.
import { beforeAll, describe, expect, it } from 'vitest';
import { helmMajors, runHelm } from '../../tools/helm.ts';
import { helmArgs, render, scenarioFiles, type K8sObject } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';
import { declaredSecretKeys, effectiveValues } from '../support/values.ts';

const containersOf = (object: K8sObject): any[] => {
  const pod = object.spec?.template?.spec ?? object.spec?.jobTemplate?.spec?.template?.spec;
  return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
};

describe.each(helmMajors)('%s', (major) => {
  it('lints the default values with --strict', async () => {
    const result = await runHelm(major, helmArgs('lint'));
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  describe.each(scenarioFiles)('scenario %s', (scenario) => {
    const files = [scenario];
    let objects: K8sObject[];
    beforeAll(async () => {
      objects = await render(major, { files });
    });

    it('lints with --strict', async () => {
      const result = await runHelm(major, helmArgs('lint', { files }));
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(/\[WARNING\]|\[ERROR\]/);
    });

    it('renders objects that validate against their schemas', async () => {
      expect(objects.length).toBeGreaterThan(0);
      expect(await schemaErrors(objects)).toEqual([]);
    });

    it('renders objects that validate on upgrade too (pre-upgrade hooks, .Release.IsUpgrade)', async () => {
      expect(await schemaErrors(await render(major, { files, upgrade: true }))).toEqual([]);
    });

    it('gives every object a unique kind/name', () => {
      const ids = objects.map((o) => `${o.kind}/${o.metadata.name}`);
      expect(ids).toEqual([...new Set(ids)]);
    });

    it('has no duplicate env var names or container ports (Helm 4 applies server-side)', () => {
      for (const container of objects.flatMap(containersOf)) {
        const env = (container.env ?? []).map((e: { name: string }) => e.name);
        expect(env, container.name).toEqual([...new Set(env)]);
        const ports = (container.ports ?? []).map((p: { containerPort: number }) => p.containerPort);
        expect(ports, container.name).toEqual([...new Set(ports)]);
      }
    });

    it('takes every secret env var from a key the values declare', () => {
      const values = effectiveValues(files);
      const fullname = objects.find((o) => o.kind === 'Deployment')!.metadata.name;
      const chartSecret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === fullname);
      const declared = new Set([...declaredSecretKeys(values), ...Object.keys(chartSecret?.data ?? {})]);
      const refs = objects.flatMap(containersOf).flatMap((c) => (c.env ?? []).map((e: any) => e.valueFrom?.secretKeyRef).filter(Boolean));
      expect(refs.length).toBeGreaterThan(0);
      const rendered = new Map(objects.filter((o) => o.kind === 'Secret').map((o) => [o.metadata.name, o]));
      // CloudNativePG makes <cluster>-app for the database owner; its `uri` key is the connection URI.
      const operatorMade = values.database.mode === 'cnpg' ? `${objects.find((o) => o.kind === 'Cluster')!.metadata.name}-app` : undefined;
      for (const ref of refs) {
        const secret = rendered.get(ref.name);
        if (secret) expect(Object.keys(secret.data), ref.key).toContain(ref.key);
        else if (ref.name === operatorMade) expect(ref.key).toBe('uri');
        else expect([...declared], `${ref.name}/${ref.key}`).toContain(ref.key);
      }
    });

    it('writes no secret value into a ConfigMap or an annotation', () => {
      const secretValues = objects
        .filter((o) => o.kind === 'Secret')
        .flatMap((o) => Object.values<string>(o.data ?? {}).map((v) => Buffer.from(v, 'base64').toString()))
        .filter((v) => v.length >= 8);
      const exposed = objects.flatMap((o) => [
        ...(o.kind === 'ConfigMap' ? Object.values<string>(o.data ?? {}) : []),
        ...Object.values<string>(o.metadata.annotations ?? {}),
        ...Object.values<string>(o.spec?.template?.metadata?.annotations ?? {}),
      ]);
      for (const text of exposed) {
        for (const value of secretValues) expect(text.includes(value)).toBe(false);
        expect(text).not.toMatch(/\bsk-[A-Za-z0-9]{20,}/);
      }
    });

    it('references, in config.yaml, only env vars the proxy container has', () => {
      const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.data?.['config.yaml']);
      const deployment = objects.find((o) => o.kind === 'Deployment')!;
      const env = new Set(containersOf(deployment).flatMap((c) => (c.env ?? []).map((e: { name: string }) => e.name)));
      const referenced = [...configMap!.data['config.yaml'].matchAll(/os\.environ\/([A-Za-z0-9_]+)/g)].map((m) => m[1]);
      for (const name of referenced) expect([...env], name).toContain(name);
    });
  });
});
