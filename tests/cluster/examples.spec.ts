// Every example manifest, as the API server sees it: `kubectl apply --dry-run=server` with the pinned
// upstream CRDs installed (schemas, CEL rules, defaulting), the folder through its own kustomization.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCrds } from '../../tools/cluster/crds.ts';
import { startControlPlane, type ControlPlane } from '../../tools/cluster/control-plane.ts';
import { repoRoot } from '../../tools/helm.ts';
import { createNamespace } from './support/workloads.ts';

const dir = join(repoRoot, 'examples', 'flux');
let plane: ControlPlane;

beforeAll(async () => {
  plane = await startControlPlane({ controllerManager: false });
  const crds = ensureCrds();
  expect((await plane.kubectl(['apply', '--server-side', ...crds.manifests.flatMap((f) => ['-f', f])])).code).toBe(0);
  expect((await plane.kubectl(['wait', '--for=condition=Established', '--timeout=60s', 'crd', '--all'])).code).toBe(0);
  // What the examples assume exists: Flux's own namespace, and the example's namespace (a dry run
  // creates nothing, so the objects in it would find no namespace).
  await createNamespace(plane, 'flux-system');
  await createNamespace(plane, 'litellm');
});

afterAll(async () => {
  await plane?.stop();
});

describe('examples/flux', () => {
  it('kubectl apply -k --dry-run=server accepts the folder (namespace, Secret, OCIRepository, HelmRelease)', async () => {
    const result = await plane.kubectl(['apply', '-k', dir, '--dry-run=server', '-o', 'name']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').sort()).toEqual([
      'helmrelease.helm.toolkit.fluxcd.io/litellm',
      'namespace/litellm',
      'ocirepository.source.toolkit.fluxcd.io/litellm-stack',
      'secret/litellm-secrets',
    ]);
  });

  it('kubectl apply --dry-run=server accepts every manifest of the folder on its own', async () => {
    const manifests = readdirSync(dir).filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml' && !name.startsWith('.'));
    expect(manifests).toContain('flux-kustomization.yaml');
    for (const name of manifests) {
      const result = await plane.kubectl(['apply', '-f', join(dir, name), '--dry-run=server']);
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
    }
  });

  it('the API server refuses a manifest the CRD refuses (the dry run is a real check)', async () => {
    const bad = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository', metadata: { name: 'bad', namespace: 'litellm' }, spec: { interval: '10m', url: 'https://not-oci.example.com/x' } };
    const result = await plane.kubectl(['apply', '-f', '-', '--dry-run=server'], JSON.stringify(bad));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/spec\.url/);
  });
});
