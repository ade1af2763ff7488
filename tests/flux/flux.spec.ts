// Flux for real: examples/flux applied to a real API server with Flux's source-controller and
// helm-controller running against it (tools/cluster/flux.ts), the chart pulled from a real OCI
// registry that the release CLI pushed to. Runs only as `npm run test:flux` (the controllers take
// well over an hour to build cold on two cores; docs/cluster.md).
//
// What the applied copy changes, and why: the SOPS Secret becomes a plain Secret with test keys (no
// Flux Kustomization decrypts here); the OCIRepository points at the loopback registry, with
// `insecure: true` (it serves plain HTTP) and a pull Secret (it requires a login). Nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlux, type Flux } from '../../tools/cluster/flux.ts';
import { sleep } from '../../tools/conformance/process.ts';
import { repoRoot } from '../../tools/helm.ts';
import { render, type K8sObject } from '../support/chart.ts';
import { keyIn, readBack, releaseObjects, startTestCluster, type TestCluster } from '../cluster/support/cluster.ts';
import { createNamespace, hookJobKubelet, podKubelet, type LiveObject } from '../cluster/support/workloads.ts';

const exampleDir = join(repoRoot, 'examples', 'flux');
const example = (name: string) => parse(readFileSync(join(exampleDir, name), 'utf8'));
const namespace = 'litellm';
const helmRelease = example('helmrelease.yaml');
const hrPath = `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${namespace}/helmreleases/${helmRelease.metadata.name}`;

let cluster: TestCluster;
let flux: Flux;
let kubelet: { stop: () => Promise<void> };
let firstVersion: string;

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
}
type HelmReleaseObject = LiveObject & { status?: { conditions?: Condition[]; failures?: number; history?: { chartVersion: string; version: number; status: string }[]; lastAttemptedRevision?: string } };

const ready = (hr: HelmReleaseObject) => hr.status?.conditions?.find((c) => c.type === 'Ready');

/** Polls the HelmRelease until `done` holds; the failure message carries its status and the controllers' logs. */
async function waitForHelmRelease(what: string, done: (hr: HelmReleaseObject) => boolean, timeoutMs = 240_000): Promise<HelmReleaseObject> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await cluster.plane.api<HelmReleaseObject>('GET', hrPath);
    if (done(body)) return body;
    if (Date.now() > deadline) {
      throw new Error(`HelmRelease: ${what} not reached after ${timeoutMs} ms\n${JSON.stringify(body.status, null, 1)}\n--- source-controller\n${flux.log('source-controller')}\n--- helm-controller\n${flux.log('helm-controller')}`);
    }
    await sleep(500);
  }
}

async function apply(objects: object[]): Promise<void> {
  const result = await cluster.plane.kubectl(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  expect(result.code, result.stderr).toBe(0);
}

/** Flux's `flux reconcile source oci`: the annotation the controller answers at once, rather than waiting out the example's interval. */
async function requestReconcile(kind: 'ocirepositories', name: string): Promise<void> {
  const patch = { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': new Date().toISOString() } } };
  const { status } = await cluster.plane.api('PATCH', `/apis/source.toolkit.fluxcd.io/v1/namespaces/${namespace}/${kind}/${name}`, patch, 'application/merge-patch+json');
  expect(status).toBe(200);
}

/** The release's objects as helm-controller installed them (its Helm storage, read by Helm 4), and as the API server holds them. */
async function releaseNow(): Promise<{ objects: K8sObject[]; live: Map<string, LiveObject> }> {
  const objects = await releaseObjects(cluster, 'helm4', helmRelease.metadata.name, namespace);
  return { objects, live: await readBack(cluster.plane, objects, namespace) };
}

/**
 * The chart version helm-controller releases from an OCIRepository chartRef: the chart's version with
 * the first 12 hex digits of the artifact's manifest digest as build metadata (the registry is the oracle).
 */
async function fluxChartVersion(version: string): Promise<string> {
  const manifest = await cluster.registry.manifest('charts/litellm-stack', version);
  return `${version}+${manifest!.digest.replace(/^sha256:/, '').slice(0, 12)}`;
}

/** The chart's `helm.sh/chart` label for a version (`+` is not allowed in label values). */
const chartLabel = (version: string) => `litellm-stack-${version.replace('+', '_')}`;

const deploymentOf = (objects: K8sObject[]) => objects.find((o) => o.kind === 'Deployment')!;

beforeAll(async () => {
  cluster = await startTestCluster();
  firstVersion = await cluster.publish();
  await createNamespace(cluster.plane, 'flux-system');
  flux = await startFlux(cluster.plane);
  // No kubelet here: Flux waits for the release's Deployment to be available.
  kubelet = podKubelet(cluster.plane, namespace);

  const resources: string[] = example('kustomization.yaml').resources;
  expect(resources).toEqual(['namespace.yaml', 'secret.sops.yaml', 'ocirepository.yaml', 'helmrelease.yaml']);
  const sopsSecret = example('secret.sops.yaml');
  const testSecret = {
    ...sopsSecret,
    stringData: Object.fromEntries(Object.keys(sopsSecret.stringData).map((key) => [key, key === 'LITELLM_MASTER_KEY' ? 'sk-flux-test-master-key-0000000000000' : `flux-test-${key.toLowerCase()}-0000000000000000`])),
  };
  const ociRepository = example('ocirepository.yaml');
  const { host, username, password } = cluster.registry;
  const pullSecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'registry-pull', namespace },
    type: 'kubernetes.io/dockerconfigjson',
    stringData: { '.dockerconfigjson': JSON.stringify({ auths: { [host]: { username, password, auth: Buffer.from(`${username}:${password}`).toString('base64') } } }) },
  };
  const localRepository = { ...ociRepository, spec: { ...ociRepository.spec, url: cluster.chart, insecure: true, secretRef: { name: pullSecret.metadata.name } } };
  await apply([example('namespace.yaml')]);
  await apply([testSecret, pullSecret, localRepository, helmRelease]);
});

afterAll(async () => {
  await kubelet?.stop();
  await flux?.stop();
  await cluster?.stop();
});

describe('examples/flux reconciled by source-controller and helm-controller', () => {
  it("the HelmRelease becomes Ready (stand-in kubelet makes the proxy's pods ready) and the release's objects exist with the example's values", async () => {
    const hr = await waitForHelmRelease('Ready=True', (h) => ready(h)?.status === 'True');
    const chartVersion = await fluxChartVersion(firstVersion);
    expect(hr.status!.history![0]).toMatchObject({ chartVersion, version: 1, status: 'deployed' });
    // What the chart renders for the example's values is what the API server holds (but for the
    // chart label, which carries the version Flux gave the chart).
    const rendered = await render('helm4', { values: helmRelease.spec.values, release: helmRelease.metadata.name, namespace });
    const expected = JSON.parse(JSON.stringify(rendered).replaceAll(`"litellm-stack-${firstVersion}"`, JSON.stringify(chartLabel(chartVersion)))) as K8sObject[];
    const { objects, live } = await releaseNow();
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      expected.filter((o) => !o.metadata.annotations?.['helm.sh/hook']).map((o) => `${o.kind}/${o.metadata.name}`).sort(),
    );
    for (const object of expected.filter((o) => !o.metadata.annotations?.['helm.sh/hook'])) {
      const found = live.get(keyIn(namespace, object));
      expect(found, `${object.kind}/${object.metadata.name} exists`).toBeDefined();
      for (const field of ['spec', 'data']) if (object[field] !== undefined) expect(found![field], `${object.kind}/${object.metadata.name}.${field}`).toMatchObject(object[field]);
    }
    // The example's own values, read from the live objects.
    const deployment = live.get(keyIn(namespace, deploymentOf(objects)))!;
    expect(deployment.spec.replicas).toBe(helmRelease.spec.values.replicas);
    expect(deployment.status?.availableReplicas).toBe(helmRelease.spec.values.replicas);
    expect(JSON.stringify(deployment.spec.template.spec)).toContain(`"${helmRelease.spec.values.secrets.existingSecret}"`);
    const config = [...live.values()].find((o) => o.kind === 'ConfigMap')!;
    for (const credential of Object.values(helmRelease.spec.values.credentials) as { resourceName?: string; apiBase?: string }[]) {
      expect(JSON.stringify(config.data)).toContain(credential.resourceName ?? credential.apiBase);
    }
  });

  it('a new chart version inside the semver range upgrades the release, one outside it does not (stand-in kubelet completes the migration hook Job)', async () => {
    for (const version of ['0.1.1', '1.0.0']) cluster.repo.addChangelogEntry(version);
    const inRange = await cluster.publish('0.1.1');
    await cluster.publish('1.0.0');
    const chartVersion = await fluxChartVersion(inRange);
    const hookKubelet = hookJobKubelet(cluster.plane, namespace);
    await requestReconcile('ocirepositories', example('ocirepository.yaml').metadata.name);
    const hr = await waitForHelmRelease(`upgraded to ${inRange}`, (h) => h.status?.history?.[0]?.chartVersion === chartVersion && ready(h)?.status === 'True').finally(() =>
      hookKubelet.stop(),
    );
    // The example's default database (CNPG) brings the pre-upgrade migration Job: it ran once.
    expect(hookKubelet.seen.length).toBe(1);
    expect(hr.status!.history!.slice(0, 2).map((s) => [s.chartVersion, s.version])).toEqual([
      [chartVersion, 2],
      [await fluxChartVersion(firstVersion), 1],
    ]);
    const { live } = await releaseNow();
    const deployment = [...live.values()].find((o) => o.kind === 'Deployment')!;
    expect(deployment.metadata.labels?.['helm.sh/chart']).toBe(chartLabel(chartVersion));
  });

  it("values the schema refuses leave the HelmRelease not Ready with the schema's message, and the running release untouched", async () => {
    const before = await releaseNow();
    const deploymentKey = keyIn(namespace, deploymentOf(before.objects));
    // An upgrade that got as far as its hooks would replace the migration Job (before-hook-creation).
    const jobUids = async () => ((await cluster.plane.api<{ items: LiveObject[] }>('GET', `/apis/batch/v1/namespaces/${namespace}/jobs`)).body.items ?? []).map((j) => j.metadata.uid);
    const jobsBefore = await jobUids();
    expect(jobsBefore.length).toBe(1);
    const failuresBefore = (await cluster.plane.api<HelmReleaseObject>('GET', hrPath)).body.status?.failures ?? 0;
    const { status, body } = await cluster.plane.api<HelmReleaseObject>('PATCH', hrPath, { spec: { values: { replicas: -1 } } }, 'application/merge-patch+json');
    expect(status).toBe(200);
    const generation = body.metadata.generation;
    // Wait for more failed attempts than the example's upgrade retries (3): a remediation (rollback)
    // would have run by then. helm-controller never stalls here: no release is made, so it retries.
    const retries = helmRelease.spec.upgrade.remediation.retries as number;
    const hr = await waitForHelmRelease(
      `Ready=False after more than ${retries} failed attempts`,
      (h) => ready(h)?.status === 'False' && ready(h)?.observedGeneration === generation && (h.status?.failures ?? 0) > failuresBefore + retries,
    );
    expect(ready(hr)!.message).toContain("at '/replicas': minimum: got -1, want 0");
    // Nothing was released: the history, the Deployment and every object are as they were.
    expect(hr.status!.history![0]).toMatchObject({ version: 2, status: 'deployed' });
    const after = await releaseNow();
    expect(after.objects).toEqual(before.objects);
    expect(after.live.get(deploymentKey)!.metadata.resourceVersion).toBe(before.live.get(deploymentKey)!.metadata.resourceVersion);
    expect(after.live.get(deploymentKey)!.spec.replicas).toBe(helmRelease.spec.values.replicas);
    expect(await jobUids()).toEqual(jobsBefore);
  });
});
