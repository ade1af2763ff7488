// The defects a trial install found, each against a real API server under both Helm majors: an upgrade
// that switches to secrets.existingSecret, then a rollback to the revision with the chart-created
// Secret (it failed with "no Secret with the name … found", after re-creating the CNPG Cluster), then
// an uninstall (it left the HTTPRoute and ReferenceGrant behind).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmMajors, type HelmMajor } from '../../tools/helm.ts';
import { valuesFile } from '../support/chart.ts';
import { createNamespace, hookJobKubelet, secretData } from './support/workloads.ts';
import { kept, keyIn, readBack, releaseObjects, startTestCluster, type TestCluster } from './support/cluster.ts';

let cluster: TestCluster;
let version: string;

beforeAll(async () => {
  cluster = await startTestCluster();
  version = await cluster.publish();
});

afterAll(async () => {
  await cluster?.stop();
});

const credentials = { azure_credential_us_east: { enabled: true, resourceName: 'contoso-eastus' } };
const route = (namespace: string) => ({ enabled: true, namespace, parentRefs: [{ name: 'public', namespace: 'gateway' }], hostnames: ['llm.example.com'] });

describe.each(helmMajors)('%s', (major: HelmMajor) => {
  it('switch to secrets.existingSecret (stand-in kubelet completes the hook Job), roll back to the chart-created Secret (succeeds, keys and CNPG Cluster untouched), uninstall removes the route in the other namespace', async () => {
    const namespace = `rollback-${major}`;
    const routes = `rollback-${major}-routes`;
    await createNamespace(cluster.plane, namespace, true);
    await createNamespace(cluster.plane, routes);
    const helm = async (...args: string[]) => {
      const result = await cluster.helm(major, [...args, '-n', namespace]);
      expect(result.code, `helm ${args.join(' ')}\n${result.stderr}`).toBe(0);
      return result;
    };
    const chart = [cluster.chart, '--version', version, '--plain-http'];
    const own = { credentials, route: route(routes), secrets: { values: { AZURE_US_EAST_API_KEY: 'test-only-not-a-real-key' } } };
    const existing = { credentials, route: route(routes), secrets: { existingSecret: 'litellm-secrets' } };

    await helm('install', 'litellm', ...chart, '-f', valuesFile(own));
    const first = await releaseObjects(cluster, major, 'litellm', namespace, 1);
    expect(first.filter((o) => o.kind === 'HTTPRoute').map((o) => o.metadata.namespace)).toEqual([routes]);
    const keys = await secretData(cluster.plane, namespace, first);
    const [secretName] = Object.keys(keys);
    expect(Object.keys(keys)).toHaveLength(1);
    const live = await readBack(cluster.plane, first, namespace);
    const cnpg = [...live.values()].find((o) => o.kind === 'Cluster');
    expect(cnpg?.metadata.uid).toBeDefined();

    // The Secret the release made stays in it, unchanged (and kept on uninstall).
    const kubelet = hookJobKubelet(cluster.plane, namespace);
    await helm('upgrade', 'litellm', ...chart, '-f', valuesFile(existing)).finally(() => kubelet.stop());
    expect(kubelet.seen).toHaveLength(1);
    const second = await releaseObjects(cluster, major, 'litellm', namespace, 2);
    expect(second.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual([secretName]);
    expect(await secretData(cluster.plane, namespace, first)).toEqual(keys);

    await helm('rollback', 'litellm', '1');
    const history = JSON.parse((await helm('history', 'litellm', '-o', 'json')).stdout) as { revision: number; status: string }[];
    expect(history.map((h) => h.status)).toEqual(['superseded', 'superseded', 'deployed']);
    expect(await secretData(cluster.plane, namespace, first)).toEqual(keys);
    const rolledBack = await readBack(cluster.plane, first, namespace);
    for (const object of first) expect(rolledBack.has(keyIn(namespace, object)), `${object.kind}/${object.metadata.name}`).toBe(true);
    expect(rolledBack.get(keyIn(namespace, cnpg!))?.metadata.uid, 'the CNPG Cluster was not re-created').toBe(cnpg!.metadata.uid);

    // Uninstall leaves exactly what the chart keeps: the route and the ReferenceGrant are gone.
    await helm('uninstall', 'litellm');
    const everything = [...first, ...second];
    const left = await readBack(cluster.plane, everything, namespace);
    expect([...left.keys()].sort()).toEqual(kept(everything).map((o) => keyIn(namespace, o)).filter((k, i, all) => all.indexOf(k) === i).sort());
    expect([...left.keys()]).toContain(`Secret/${namespace}/${secretName}`);
    expect([...left.keys()].filter((k) => /^(HTTPRoute|ReferenceGrant)\//.test(k))).toEqual([]);
  });
});
