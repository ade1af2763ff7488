// What the cluster tests need around workloads: namespaces with Pod Security labels, the Pods the
// controller-manager makes, the chart's Secrets, and a stand-in kubelet for hook Jobs (there is no
// kubelet: without it no Pod runs and Helm waits for the pre-upgrade Job forever).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlPlane } from '../../../tools/cluster/control-plane.ts';
import { sleep } from '../../../tools/conformance/process.ts';
import { chartDir } from '../../../tools/helm.ts';
import type { K8sObject } from '../../support/chart.ts';

/**
 * The chart says its pods meet the restricted Pod Security Standard (chart README, "Probes and
 * security"); a scenario that cannot says why in a `# pod-security: <level> — <reason>` line.
 */
export function claimsRestricted(scenario: string): boolean {
  return !/^# pod-security: /m.test(readFileSync(join(chartDir, scenario), 'utf8'));
}

/** Creates the namespace (labelled to enforce the restricted Pod Security Standard), or leaves an existing one. */
export async function createNamespace(plane: ControlPlane, name: string, restricted: boolean): Promise<void> {
  const labels = restricted ? { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'latest' } : {};
  const { status, body } = await plane.api('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
  if (status !== 201 && status !== 409) throw new Error(`creating namespace ${name}: ${status} ${JSON.stringify(body)}`);
}

const labelSelector = (labels: Record<string, string>) => encodeURIComponent(Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','));

/**
 * The Pods the controller-manager made for a Deployment, and every ReplicaFailure message of its
 * ReplicaSets (Pod Security refusals land there). Waits until one of the two shows up.
 */
export async function podsOf(plane: ControlPlane, namespace: string, deployment: K8sObject): Promise<{ pods: K8sObject[]; refusals: string[] }> {
  const selector = labelSelector(deployment.spec.selector.matchLabels);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const sets = (await plane.api('GET', `/apis/apps/v1/namespaces/${namespace}/replicasets?labelSelector=${selector}`)).body.items as K8sObject[];
    const refusals = sets.flatMap((rs) => (rs.status?.conditions ?? []).filter((c: { type: string }) => c.type === 'ReplicaFailure').map((c: { message: string }) => c.message));
    const pods = (await plane.api('GET', `/api/v1/namespaces/${namespace}/pods?labelSelector=${selector}`)).body.items as K8sObject[];
    if (pods.length > 0 || refusals.length > 0 || Date.now() > deadline) return { pods, refusals };
    await sleep(250);
  }
}

/** The data of the Secrets among `objects` as the API server holds them now, by name. */
export async function secretData(plane: ControlPlane, namespace: string, objects: K8sObject[]): Promise<Record<string, Record<string, string>>> {
  const data: Record<string, Record<string, string>> = {};
  for (const secret of objects.filter((o) => o.kind === 'Secret')) {
    const { status, body } = await plane.api('GET', `/api/v1/namespaces/${namespace}/secrets/${secret.metadata.name}`);
    if (status === 200) data[secret.metadata.name] = body.data;
  }
  return data;
}

export interface HookJobSeen {
  name: string;
  jobImages: string[];
  /** The images the release's Deployments ran when the Job appeared. */
  deploymentImagesThen: string[];
}

/**
 * Plays the kubelet for Helm hook Jobs: when a hook Job's Pod appears, records the Job's images and
 * the Deployments' images at that moment, then marks the Pod Succeeded through the status subresource,
 * so the real Job controller completes the Job and Helm goes on.
 */
export function hookJobKubelet(plane: ControlPlane, namespace: string, release: string): { seen: HookJobSeen[]; stop: () => Promise<void> } {
  const seen: HookJobSeen[] = [];
  const handled = new Set<string>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const jobs = ((await plane.api('GET', `/apis/batch/v1/namespaces/${namespace}/jobs`)).body.items ?? []) as K8sObject[];
      for (const job of jobs.filter((j) => j.metadata.annotations?.['helm.sh/hook'] && j.metadata.labels?.['app.kubernetes.io/instance'] === release)) {
        const uid = (job.metadata as unknown as { uid: string }).uid;
        const pods = ((await plane.api('GET', `/api/v1/namespaces/${namespace}/pods?labelSelector=${labelSelector({ 'batch.kubernetes.io/job-name': job.metadata.name })}`)).body.items ?? []) as K8sObject[];
        if (!handled.has(uid)) {
          handled.add(uid);
          const deployments = ((await plane.api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments?labelSelector=${labelSelector({ 'app.kubernetes.io/instance': release })}`)).body.items ?? []) as K8sObject[];
          seen.push({
            name: job.metadata.name,
            jobImages: job.spec.template.spec.containers.map((c: { image: string }) => c.image),
            deploymentImagesThen: deployments.flatMap((d) => d.spec.template.spec.containers.map((c: { image: string }) => c.image)),
          });
        }
        for (const pod of pods.filter((p) => p.status?.phase !== 'Succeeded')) await markSucceeded(plane, namespace, pod);
      }
      await sleep(250);
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** What a kubelet reports for a Pod whose containers all exited 0. */
async function markSucceeded(plane: ControlPlane, namespace: string, pod: K8sObject): Promise<void> {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const status = {
    phase: 'Succeeded',
    startTime: now,
    conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: now }],
    containerStatuses: pod.spec.containers.map((c: { name: string; image: string }) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: false,
      restartCount: 0,
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now } },
    })),
  };
  const { status: code, body } = await plane.api('PATCH', `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}/status`, { status }, 'application/merge-patch+json');
  if (code !== 200) throw new Error(`marking Pod ${pod.metadata.name} Succeeded: ${code} ${JSON.stringify(body)}`);
}
