// One test file's cluster: the control plane (tools/cluster/control-plane.ts) with the pinned upstream
// CRDs installed, a real OCI registry holding the chart as the release pipeline publishes it, and Helm
// as a chart user runs it (its own registry login), pointed at the control plane.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCrds } from '../../../tools/cluster/crds.ts';
import { startControlPlane, type ControlPlane } from '../../../tools/cluster/control-plane.ts';
import { chartDir, type HelmMajor, type HelmResult } from '../../../tools/helm.ts';
import { parseObjects, type K8sObject } from '../../support/chart.ts';
import type { LiveObject } from './workloads.ts';
import { consumerOf, type Consumer } from '../../release/support/consumer.ts';
import { startRegistry, type Registry } from '../../release/support/registry.ts';
import { copyRepo, type RepoCopy } from '../../release/support/repo.ts';

export interface TestCluster {
  plane: ControlPlane;
  registry: Registry;
  repo: RepoCopy;
  /** oci://HOST/charts/litellm-stack */
  chart: string;
  /** Helm against the control plane, logged in to the registry. */
  helm: (major: HelmMajor, args: string[]) => Promise<HelmResult>;
  /** Publishes the work tree's chart as `version` with the release CLI (the first call: the chart's own version). */
  publish: (version?: string) => Promise<string>;
  stop: () => Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const crds = ensureCrds();
  const plane = await startControlPlane();
  let registry: Registry | undefined;
  let repo: RepoCopy | undefined;
  let consumer: Consumer | undefined;
  const stop = async () => {
    consumer?.cleanup();
    repo?.cleanup();
    await registry?.stop();
    await plane.stop();
  };
  try {
    const applied = await plane.kubectl(['apply', '--server-side', ...crds.manifests.flatMap((file) => ['-f', file])]);
    if (applied.code !== 0) throw new Error(`installing the CRDs failed: ${applied.stderr}`);
    const established = await plane.kubectl(['wait', '--for=condition=Established', '--timeout=60s', 'crd', '--all']);
    if (established.code !== 0) throw new Error(`CRDs not established: ${established.stderr}`);
    registry = await startRegistry();
    repo = copyRepo();
    consumer = await consumerOf(registry);
    const { host, username, password } = registry;
    const theRepo = repo;
    const theConsumer = consumer;
    return {
      plane,
      registry,
      repo,
      chart: `oci://${host}/charts/litellm-stack`,
      helm: (major, args) => theConsumer.helm(major, [...args, '--kubeconfig', plane.kubeconfig]),
      async publish(version) {
        const result = await theRepo.release(['--registry', `oci://${host}/charts`, '--plain-http', ...(version ? ['--version', version] : [])], {
          REGISTRY_USERNAME: username,
          REGISTRY_PASSWORD: password,
        });
        if (result.code !== 0) throw new Error(`release failed: ${result.stdout}\n${result.stderr}`);
        return JSON.parse(theRepo.read('dist/release.json')).version as string;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The objects a release's manifest holds, as `helm get manifest` prints them. */
export async function releaseObjects(cluster: TestCluster, major: HelmMajor, release: string, namespace: string, revision?: number): Promise<K8sObject[]> {
  const result = await cluster.helm(major, ['get', 'manifest', release, '-n', namespace, ...(revision ? ['--revision', String(revision)] : [])]);
  if (result.code !== 0) throw new Error(`helm get manifest: ${result.stderr}`);
  return parseObjects(result.stdout);
}

export const objectKey = (o: K8sObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Where the API server serves a kind, from its discovery document (fetched once per group version and plane). */
interface Resource {
  name: string;
  kind: string;
  namespaced: boolean;
}
const discovered = new WeakMap<ControlPlane, Map<string, Promise<Resource[]>>>();
async function resourceOf(plane: ControlPlane, apiVersion: string, kind: string): Promise<Resource & { base: string }> {
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const cache = discovered.get(plane) ?? new Map<string, Promise<Resource[]>>();
  discovered.set(plane, cache);
  if (!cache.has(base)) {
    cache.set(
      base,
      plane.api<{ resources: Resource[] }>('GET', base).then(({ status, body }) => {
        if (status !== 200) throw new Error(`GET ${base}: ${status}`);
        return body.resources.filter((r) => !r.name.includes('/'));
      }),
    );
  }
  const resource = (await cache.get(base)!).find((r) => r.kind === kind);
  if (!resource) throw new Error(`the API server serves no ${kind} in ${apiVersion}`);
  return { base, ...resource };
}

/**
 * The objects as the API server holds them now, by `Kind/namespace/name`; missing ones are absent.
 * One GET per object straight to the API (a kubectl process per call cost more than the requests).
 */
export async function readBack(plane: ControlPlane, objects: K8sObject[], namespace: string): Promise<Map<string, LiveObject>> {
  const found = new Map<string, LiveObject>();
  await Promise.all(
    objects.map(async (o) => {
      const { base, name, namespaced } = await resourceOf(plane, o.apiVersion, o.kind);
      const path = `${base}${namespaced ? `/namespaces/${o.metadata.namespace ?? namespace}` : ''}/${name}/${o.metadata.name}`;
      const { status, body } = await plane.api<LiveObject>('GET', path);
      if (status === 200) found.set(objectKey(body), body);
      else if (status !== 404) throw new Error(`GET ${path}: ${status} ${JSON.stringify(body)}`);
    }),
  );
  return found;
}

/** The key an object of the manifest has once the API server holds it (namespaced kinds default to the release's). */
export const keyIn = (namespace: string, object: K8sObject, clusterScoped = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding'])) =>
  objectKey({ ...object, metadata: { ...object.metadata, namespace: clusterScoped.has(object.kind) ? undefined : (object.metadata.namespace ?? namespace) } });

/** Objects whose manifest says Helm must leave them on uninstall (`helm.sh/resource-policy: keep`). */
export const kept = (objects: K8sObject[]) => objects.filter((o) => o.metadata.annotations?.['helm.sh/resource-policy'] === 'keep');

/**
 * The chart README's install command, as the tests run it: the chart's address, the values of
 * `--version`, `-n` and `-f` replaced by the test's, plus `--plain-http` for the loopback registry.
 * A README that changes the command changes what the tests run.
 */
export function readmeInstallArgs(cluster: TestCluster, version: string, namespace: string, valuesFile: string): string[] {
  const line = readFileSync(join(chartDir, 'README.md'), 'utf8').split('\n').find((l) => l.startsWith('helm install '));
  if (!line) throw new Error('charts/litellm-stack/README.md has no `helm install` line');
  const replaced: Record<string, string> = { '--version': version, '-n': namespace, '--namespace': namespace, '-f': valuesFile, '--values': valuesFile };
  const words = line.trim().split(/\s+/).slice(1);
  const args = words.map((word, i) => (/^oci:\/\/.+\/litellm-stack$/.test(word) ? cluster.chart : (replaced[words[i - 1] ?? ''] ?? word)));
  return [...args, '--plain-http'];
}
