// What rendering accepts, the API server must accept too: every ci/ scenario's render under both Helm
// majors, and every fuzz case Helm renders (the same cases as tests/chart/fuzz-values.spec.ts for the
// seed, each under the major it drew), sent to a real
// kube-apiserver with the pinned upstream CRDs (schemas, CEL rules, defaulting) by
// `kubectl apply --dry-run=server`. The namespaces enforce and warn the restricted Pod Security
// Standard (the chart's pods meet it by default), so a pod template the admission would refuse shows
// as a warning and fails the test. The other way round, the corpus cases refused by the Kubernetes
// types in values.schema.json (an `# api-server:` line) are rendered without the schema: the API
// server must refuse each too, so the closed types mirror its strict field validation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ensureCrds } from '../../tools/cluster/crds.ts';
import { startControlPlane, type ControlPlane } from '../../tools/cluster/control-plane.ts';
import { helmMajors } from '../../tools/helm.ts';
import { parseObjects, render, scenarioFiles, tryRender, type K8sObject } from '../support/chart.ts';
import { fuzzCase, fuzzRuns, fuzzSeed, fuzzValues, type FuzzCase } from '../support/fuzz.ts';

const releaseNamespace = 'ai';
let plane: ControlPlane;
const namespaces = new Set<string>();

beforeAll(async () => {
  plane = await startControlPlane({ controllerManager: false });
  const crds = ensureCrds();
  expect((await plane.kubectl(['apply', '--server-side', ...crds.manifests.flatMap((f) => ['-f', f])])).code).toBe(0);
  expect((await plane.kubectl(['wait', '--for=condition=Established', '--timeout=60s', 'crd', '--all'])).code).toBe(0);
});

afterAll(async () => {
  await plane?.stop();
});

/** Creates each namespace the objects name (restricted Pod Security, enforced and warned) and its default ServiceAccount, once. */
async function ensureNamespaces(objects: K8sObject[]): Promise<void> {
  for (const name of new Set(objects.map((o) => o.metadata.namespace!))) {
    if (namespaces.has(name)) continue;
    const labels = Object.fromEntries(['enforce', 'warn'].flatMap((mode) => [[`pod-security.kubernetes.io/${mode}`, 'restricted'], [`pod-security.kubernetes.io/${mode}-version`, 'latest']]));
    const { status, body } = await plane.api('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
    if (status !== 201 && status !== 409) throw new Error(`creating namespace ${name}: ${status} ${JSON.stringify(body)}`);
    // What the controller-manager (not started here) would create: the helm test Pods run as `default`.
    const account = await plane.api('POST', `/api/v1/namespaces/${name}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
    if (account.status !== 201 && account.status !== 409) throw new Error(`creating ${name}/default: ${account.status} ${JSON.stringify(account.body)}`);
    namespaces.add(name);
  }
}

/**
 * What the API server says about the objects, as Helm would send them (into the release namespace
 * unless they name one): every refusal and every warning, one per line; empty when all are accepted.
 */
async function apiServerObjections(objects: K8sObject[]): Promise<string[]> {
  const placed = objects.map((o) => ({ ...o, metadata: { ...o.metadata, namespace: o.metadata.namespace ?? releaseNamespace } }));
  await ensureNamespaces(placed);
  const result = await plane.kubectl(['apply', '--dry-run=server', '-o', 'name', '-f', '-'], placed.map((o) => stringify(o)).join('---\n'));
  const objections = result.stderr.split('\n').filter((line) => line.trim() !== '');
  if (result.code !== 0 && objections.length === 0) objections.push(`kubectl exited ${result.code}`);
  // Every object was accepted: kubectl names each one it applied.
  if (result.code === 0) expect(result.stdout.trim().split('\n')).toHaveLength(objects.length);
  return objections;
}

describe('every ci/ scenario', () => {
  it.each(scenarioFiles)('the API server accepts %s (install and upgrade renders, Helm 3 and Helm 4)', async (scenario) => {
    // Each object the four renders differ by, once: one kubectl call per scenario (upgrade renders add the
    // pre-upgrade hooks; the majors mostly render alike).
    const distinct = new Map<string, K8sObject>();
    for (const major of helmMajors) {
      for (const upgrade of [false, true]) for (const object of await render(major, { files: [scenario], upgrade })) distinct.set(JSON.stringify(object), object);
    }
    expect(await apiServerObjections([...distinct.values()]), scenario).toEqual([]);
  });
});

describe('the Kubernetes types in values.schema.json', () => {
  const corpusDir = join(import.meta.dirname, '..', 'chart', 'bad-values');
  const cases = readdirSync(corpusDir)
    .map((file) => ({ file, said: [...readFileSync(join(corpusDir, file), 'utf8').matchAll(/^# api-server: (.+)$/gm)].map((m) => m[1]!) }))
    .filter((c) => c.said.length > 0);

  it('refuse only what the API server refuses too: each such corpus case, rendered without the schema', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    // One kubectl call for all: a release per case keeps the names apart, and each case's text names its own typo.
    const objects = await Promise.all(
      cases.map(({ file }, index) => render('helm4', { files: [join(corpusDir, file)], release: `case${index}`, skipSchemaValidation: true, upgrade: true })),
    );
    const objections = (await apiServerObjections(objects.flat())).join('\n');
    const unsaid = cases.flatMap(({ file, said }) => said.filter((text) => !objections.includes(text)).map((text) => `${file}: ${text}`));
    expect(unsaid, objections).toEqual([]);
  });
});

describe('the fuzz cases Helm renders', () => {
  it(`the API server accepts each (seed ${fuzzSeed}, ${fuzzRuns} runs)`, async () => {
    const cases = fc.sample(fuzzCase, { seed: fuzzSeed, numRuns: fuzzRuns });
    const rendered: { run: FuzzCase; objects: K8sObject[] }[] = [];
    for (const run of cases) {
      const result = await tryRender(run.major, { values: fuzzValues(run), upgrade: true });
      if (result.code === 0) rendered.push({ run, objects: parseObjects(result.stdout) });
    }
    // One call for all (a dry run stores nothing, so equal names do not collide); on an objection, find its cases.
    if ((await apiServerObjections(rendered.flatMap((r) => r.objects))).length > 0) {
      for (const { run, objects } of rendered) expect(await apiServerObjections(objects), JSON.stringify(run)).toEqual([]);
    }
    const sent = rendered.length;
    console.log(`dry-run: ${sent} of ${cases.length} fuzz cases rendered and went to the API server`);
    expect(sent).toBeGreaterThan(fuzzRuns / 10);
  });
});

it('the dry run is a real check: a schema refusal and a Pod Security warning each count', async () => {
  const deployment = (await render('helm4', { files: ['ci/01-minimal.yaml'] })).find((o) => o.kind === 'Deployment')!;
  const negative = structuredClone(deployment);
  negative.metadata.name = 'negative-replicas';
  negative.spec.replicas = -1;
  const hostNetwork = structuredClone(deployment);
  hostNetwork.metadata.name = 'host-network';
  hostNetwork.spec.template.spec.hostNetwork = true;
  const objections = (await apiServerObjections([negative, hostNetwork])).join('\n');
  expect(objections).toMatch(/negative-replicas.*spec\.replicas/);
  expect(objections).toMatch(/PodSecurity "restricted:latest": host namespaces/);
});
