// Namespaces, Pods, Secrets and the stand-ins for what this control plane lacks (a kubelet, the CNPG
// operator), for the cluster tests. A test that relies on a stand-in says so in its name.
import type { ControlPlane } from '../../../tools/cluster/control-plane.ts';
import type { K8sObject } from '../../support/chart.ts';

/** An object as the API server returns it: the metadata the server adds. */
export type LiveObject = K8sObject & {
  metadata: K8sObject['metadata'] & {
    uid?: string;
    generation?: number;
    resourceVersion?: string;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string }[];
    managedFields?: { manager: string; operation: string }[];
  };
};

/** Creates the namespace (labelled to enforce the restricted Pod Security Standard), or leaves an existing one. */
export async function createNamespace(plane: ControlPlane, name: string, restricted = false): Promise<void> {
  const labels = restricted ? { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'latest' } : {};
  const { status, body } = await plane.api('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
  if (status !== 201 && status !== 409) throw new Error(`creating namespace ${name}: ${status} ${JSON.stringify(body)}`);
}

/** Creates a ServiceAccount the values name but the chart does not make (the migration Job's pods are refused without it). */
export async function createServiceAccount(plane: ControlPlane, namespace: string, name: string): Promise<void> {
  const { status, body } = await plane.api('POST', `/api/v1/namespaces/${namespace}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
  if (status !== 201 && status !== 409) throw new Error(`creating ServiceAccount ${namespace}/${name}: ${status} ${JSON.stringify(body)}`);
}

/** Creates a PriorityClass the values name (a cluster admin's object: without it the API server refuses the pods). */
export async function createPriorityClass(plane: ControlPlane, name: string): Promise<void> {
  const { status, body } = await plane.api('POST', '/apis/scheduling.k8s.io/v1/priorityclasses', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value: 1000 });
  if (status !== 201 && status !== 409) throw new Error(`creating PriorityClass ${name}: ${status} ${JSON.stringify(body)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Pods the controller-manager made for a Deployment (through its ReplicaSet), and the ReplicaSet's
 * `ReplicaFailure` messages (Pod Security refusals land there). Waits until one or the other shows.
 */
export async function podsOf(plane: ControlPlane, namespace: string, deployment: K8sObject, timeoutMs = 60_000): Promise<{ pods: LiveObject[]; refusals: string[] }> {
  const selector = Object.entries(deployment.spec.selector.matchLabels as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [sets, pods] = await Promise.all(
      ['apps/v1/namespaces/' + namespace + '/replicasets', 'v1/namespaces/' + namespace + '/pods'].map(async (path) => {
        const { status, body } = await plane.api<{ items: LiveObject[] }>('GET', `/${path.startsWith('v1') ? 'api' : 'apis'}/${path}?labelSelector=${encodeURIComponent(selector)}`);
        if (status !== 200) throw new Error(`GET ${path}: ${status}`);
        return body.items;
      }),
    );
    const owned = sets!.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === deployment.metadata.name));
    const refusals = owned.flatMap((rs) => (rs.status?.conditions ?? []).filter((c: { type: string }) => c.type === 'ReplicaFailure').map((c: { message: string }) => c.message));
    if (pods!.length || refusals.length) return { pods: pods!, refusals };
    if (Date.now() > deadline) throw new Error(`no Pod and no ReplicaSet failure for Deployment ${namespace}/${deployment.metadata.name} after ${timeoutMs} ms`);
    await sleep(250);
  }
}

/** The data of every Secret among `objects`, as the API server holds it now, by name. */
export async function secretData(plane: ControlPlane, namespace: string, objects: K8sObject[]): Promise<Record<string, Record<string, string>>> {
  const data: Record<string, Record<string, string>> = {};
  for (const secret of objects.filter((o) => o.kind === 'Secret')) {
    const ns = secret.metadata.namespace ?? namespace;
    const { status, body } = await plane.api<LiveObject>('GET', `/api/v1/namespaces/${ns}/secrets/${secret.metadata.name}`);
    if (status === 200) data[secret.metadata.name] = body.data ?? {};
  }
  return data;
}

/** A pod spec's images, init containers first. */
export const podImages = (podSpec: { containers: { image: string }[]; initContainers?: { image: string }[] }) => [...(podSpec.initContainers ?? []), ...podSpec.containers].map((c) => c.image);

export interface HookJobSighting {
  job: string;
  /** The images of the Job's pod template. */
  jobImages: string[];
  /** The images the release's Deployments ran when the Job first showed. */
  deploymentImagesThen: string[];
}

/**
 * A stand-in kubelet for Helm hook Jobs (there is no kubelet here): while it runs, each Pod the real
 * Job controller makes for a Job annotated `helm.sh/hook` is marked Succeeded through the status
 * subresource, so the Job controller completes the Job and Helm's hook wait returns. It records
 * what each Job ran and what the Deployments ran at that moment.
 */
export function hookJobKubelet(plane: ControlPlane, namespace: string): { seen: HookJobSighting[]; stop: () => Promise<void> } {
  const seen: HookJobSighting[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const jobs = (await plane.api<{ items: LiveObject[] }>('GET', `/apis/batch/v1/namespaces/${namespace}/jobs`)).body.items ?? [];
      for (const job of jobs.filter((j) => j.metadata.annotations?.['helm.sh/hook'])) {
        if (!seen.some((s) => s.job === job.metadata.uid)) {
          const deployments = (await plane.api<{ items: LiveObject[] }>('GET', `/apis/apps/v1/namespaces/${namespace}/deployments`)).body.items ?? [];
          seen.push({ job: job.metadata.uid!, jobImages: podImages(job.spec.template.spec), deploymentImagesThen: deployments.flatMap((d) => podImages(d.spec.template.spec)) });
        }
        const selector = encodeURIComponent(`batch.kubernetes.io/controller-uid=${job.metadata.uid}`);
        const pods = (await plane.api<{ items: LiveObject[] }>('GET', `/api/v1/namespaces/${namespace}/pods?labelSelector=${selector}`)).body.items ?? [];
        for (const pod of pods.filter((p) => p.status?.phase !== 'Succeeded')) {
          const now = new Date().toISOString();
          const containers = pod.spec.containers.map((c: { name: string; image: string }) => ({
            name: c.name,
            image: c.image,
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now } },
          }));
          const status = { ...pod.status, phase: 'Succeeded', startTime: now, containerStatuses: containers, conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: now }] };
          await plane.api('PUT', `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}/status`, { ...pod, status });
        }
      }
      await sleep(250);
    }
  })();
  return {
    seen,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/**
 * A stand-in for the CNPG operator's storage: the PersistentVolumeClaim it makes for a Cluster's first
 * instance (`<cluster>-1`, owned by the Cluster as the operator sets it, so the real garbage collector
 * deletes it when the Cluster goes).
 */
export async function cnpgInstancePvc(plane: ControlPlane, namespace: string, cluster: LiveObject): Promise<LiveObject> {
  const name = `${cluster.metadata.name}-1`;
  const pvc = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace,
      labels: { 'cnpg.io/cluster': cluster.metadata.name, 'cnpg.io/instanceName': name, 'cnpg.io/pvcRole': 'PG_DATA' },
      ownerReferences: [{ apiVersion: cluster.apiVersion, kind: 'Cluster', name: cluster.metadata.name, uid: cluster.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: cluster.spec.storage?.size ?? '1Gi' } } },
  };
  const { status, body } = await plane.api<LiveObject>('POST', `/api/v1/namespaces/${namespace}/persistentvolumeclaims`, pvc);
  if (status !== 201) throw new Error(`creating PVC ${name}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * A stand-in kubelet for long-running Pods (there is no kubelet here): while it runs, each Pod in
 * `namespace` that no Job owns is marked Running and Ready through the status subresource, so the
 * real ReplicaSet and Deployment controllers count it available and a waiting client (Flux's
 * HelmRelease wait) sees the release ready.
 */
export function podKubelet(plane: ControlPlane, namespace: string): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      const pods = (await plane.api<{ items: LiveObject[] }>('GET', `/api/v1/namespaces/${namespace}/pods`)).body.items ?? [];
      for (const pod of pods.filter((p) => p.status?.phase === 'Pending' && !p.metadata.ownerReferences?.some((o) => o.kind === 'Job'))) {
        const now = new Date().toISOString();
        const containerStatuses = pod.spec.containers.map((c: { name: string; image: string }) => ({
          name: c.name,
          image: c.image,
          imageID: '',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: now } },
        }));
        const conditions = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({ type, status: 'True', lastTransitionTime: now }));
        await plane.api('PUT', `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}/status`, { ...pod, status: { ...pod.status, phase: 'Running', startTime: now, podIP: '127.0.0.1', containerStatuses, conditions } });
      }
      await sleep(250);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}
