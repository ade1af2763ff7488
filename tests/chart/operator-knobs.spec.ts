// The official chart's operator knobs (issue 12 step 7): Deployment metadata and containers, HPA
// behavior, PDB, Service class, ServiceMonitor relabelings, extra objects, the migration Job's knobs,
// Ingress, KEDA and the `helm test` pods. One render per scenario, many assertions on its objects; the
// scenarios' schema validation (Kubernetes, upstream CRDs) is tests/chart/scenarios.spec.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { promqlIssues } from '@litellm-stack/catalog';
import { inferencePaths } from '../../packages/catalog/src/values/areas/route.ts';
import { helmMajors } from '../../tools/helm.ts';
import { parsePromql } from '../../tools/promql.ts';
import { liteLLMConfig, objectsOfKind, proxyContainer, render, single, type K8sObject } from '../support/chart.ts';
import { effectiveValues } from '../support/values.ts';

const podSpec = (objects: K8sObject[]) => single(objects, 'Deployment').spec.template.spec;
const named = (objects: K8sObject[], kind: string, name: string) => objectsOfKind(objects, kind).find((o) => o.metadata.name === name);
const chartSecurityContext = effectiveValues().securityContext;
/** Whether a label selector (matchLabels) selects an object with these labels. */
const selects = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([key, value]) => labels[key] === value);

describe.each(helmMajors)('%s', (major) => {
  describe('workload knobs (ci/55-workload-knobs)', () => {
    let objects: K8sObject[];
    let defaults: K8sObject[];
    beforeAll(async () => {
      [objects, defaults] = await Promise.all([render(major, { files: ['ci/55-workload-knobs.yaml'] }), render(major, { files: ['ci/01-minimal.yaml'] })]);
    });

    it('puts deployment.labels and annotations on the Deployment only, not on its pods or selector', () => {
      const deployment = single(objects, 'Deployment');
      expect(deployment.metadata.labels).toMatchObject({ 'cost-center': 'ai-platform', 'app.kubernetes.io/part-of': 'litellm-stack' });
      expect(deployment.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '1' });
      expect(deployment.spec.selector.matchLabels).not.toHaveProperty('cost-center');
      expect(deployment.spec.template.metadata.labels).not.toHaveProperty('cost-center');
      expect(single(defaults, 'Deployment').metadata.annotations).toBeUndefined();
    });

    it('sets minReadySeconds and revisionHistoryLimit (defaults: none and 5), and leaves replicas to the HPA', () => {
      const { spec } = single(objects, 'Deployment');
      expect([spec.minReadySeconds, spec.revisionHistoryLimit, spec.replicas]).toEqual([15, 3, undefined]);
      const defaultSpec = single(defaults, 'Deployment').spec;
      expect([defaultSpec.minReadySeconds, defaultSpec.revisionHistoryLimit, defaultSpec.replicas]).toEqual([undefined, 5, 1]);
    });

    it('replaces the entrypoint with `command` and keeps the chart\'s args after it', () => {
      const container = proxyContainer(objects);
      expect(container.command).toEqual(['litellm']);
      expect(container.args.slice(0, 2)).toEqual(['--config', '/app/config.yaml']);
      expect(proxyContainer(defaults).command).toBeUndefined();
    });

    it('adds the init container and the sidecar with the chart\'s securityContext, the proxy first', () => {
      const pod = podSpec(objects);
      // The chart's own UI staging container (non-root pods serve the UI from /tmp) comes first.
      expect(pod.initContainers.map((c: any) => [c.name, c.securityContext])).toEqual([['ui', chartSecurityContext], ['wait-for-cache', chartSecurityContext]]);
      expect(pod.containers.map((c: any) => c.name)).toEqual(['litellm', 'log-shipper']);
      expect(pod.containers[1]).toMatchObject({ image: 'fluent/fluent-bit:4.0.3', securityContext: chartSecurityContext, resources: { limits: { memory: '64Mi' } } });
      expect(podSpec(defaults).initContainers.map((c: any) => c.name)).toEqual(['ui']);
      expect(podSpec(defaults).containers).toHaveLength(1);
    });

    it('keeps a securityContext an added container brings', async () => {
      const own = { runAsUser: 65532, runAsNonRoot: true };
      const pod = podSpec(await render(major, { files: ['ci/01-minimal.yaml'], values: { extraContainers: [{ name: 'side', image: 'busybox', securityContext: own }] } }));
      expect(pod.containers[1].securityContext).toEqual(own);
    });

    it('gives the HPA the scaling behavior as it is', () => {
      expect(single(objects, 'HorizontalPodAutoscaler').spec.behavior).toEqual(effectiveValues(['ci/55-workload-knobs.yaml']).autoscaling.behavior);
    });

    it('renders the PDB by minAvailable (as an integer) with its labels and annotations, without maxUnavailable', () => {
      const pdb = single(objects, 'PodDisruptionBudget');
      expect(pdb.spec).toMatchObject({ minAvailable: 2 });
      expect(pdb.spec).not.toHaveProperty('maxUnavailable');
      expect(pdb.metadata.labels).toMatchObject({ team: 'ai', 'app.kubernetes.io/instance': 'rel' });
      expect(pdb.metadata.annotations).toEqual({ 'example.com/owner': 'ai-platform' });
    });

    it('keeps a percentage minAvailable a string', async () => {
      const values = { replicas: 4, podDisruptionBudget: { minAvailable: '50%' } };
      expect(single(await render(major, { files: ['ci/01-minimal.yaml'], values }), 'PodDisruptionBudget').spec).toEqual(
        expect.objectContaining({ minAvailable: '50%' }),
      );
    });

    it('gives the LoadBalancer Service its class and annotations', () => {
      const service = single(objects, 'Service');
      expect(service.spec).toMatchObject({ type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' });
      expect(single(defaults, 'Service').spec).not.toHaveProperty('loadBalancerClass');
    });

    it('installs extraResources exactly as given', () => {
      const [extra] = effectiveValues(['ci/55-workload-knobs.yaml']).extraResources;
      expect(named(objects, 'ConfigMap', 'litellm-runbook')).toEqual(extra);
    });
  });

  describe('Ingress (ci/56-ingress)', () => {
    let objects: K8sObject[];
    beforeAll(async () => {
      objects = await render(major, { files: ['ci/56-ingress.yaml'] });
    });

    it('publishes the route\'s inference paths (Prefix) on each host to the Service\'s http port', () => {
      const ingress = single(objects, 'Ingress');
      const service = single(objects, 'Service');
      expect(ingress.spec.ingressClassName).toBe('nginx');
      expect(ingress.spec.rules.map((r: any) => r.host)).toEqual(['llm.example.com']);
      const paths = ingress.spec.rules[0].http.paths;
      expect(paths.map((p: any) => p.path)).toEqual([...inferencePaths]);
      for (const path of paths) {
        expect(path.pathType).toBe('Prefix');
        expect(path.backend.service.name).toBe(service.metadata.name);
        expect(service.spec.ports.map((p: any) => p.name)).toContain(path.backend.service.port.name);
      }
      expect(ingress.spec.tls).toEqual([{ secretName: 'llm-example-com-tls', hosts: ['llm.example.com'] }]);
      expect(ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-read-timeout']).toBe('600');
    });

    it('takes route.pathPrefix instead of the paths when set', async () => {
      const ingress = single(await render(major, { files: ['ci/56-ingress.yaml'], values: { route: { pathPrefix: '/llm' } } }), 'Ingress');
      expect(ingress.spec.rules[0].http.paths.map((p: any) => p.path)).toEqual(['/llm']);
    });

    it('lets the controller\'s namespace reach the proxy port through the network policy', () => {
      const policy = named(objects, 'NetworkPolicy', single(objects, 'Deployment').metadata.name)!;
      const fromController = policy.spec.ingress.filter((rule: any) =>
        rule.from.some((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'ingress-nginx'),
      );
      expect(fromController.flatMap((rule: any) => rule.ports)).toEqual([{ port: 4000, protocol: 'TCP' }]);
    });

    it('gives OIDC its PROXY_BASE_URL from the first Ingress host when no route is enabled', async () => {
      const values = { route: { enabled: false }, ingress: { enabled: true, hostnames: ['llm.example.org'] } };
      const env = proxyContainer(await render(major, { files: ['ci/13-oidc.yaml'], values })).env;
      expect(env.find((e: any) => e.name === 'PROXY_BASE_URL').value).toBe('https://llm.example.org');
    });
  });

  describe('KEDA and the ServiceMonitor knobs (ci/57-keda)', () => {
    let objects: K8sObject[];
    beforeAll(async () => {
      objects = await render(major, { files: ['ci/57-keda.yaml'] });
    });

    it('scales the Deployment with a ScaledObject instead of an HPA or replicas', () => {
      const scaled = single(objects, 'ScaledObject');
      const deployment = single(objects, 'Deployment');
      expect(scaled.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
      expect(scaled.spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 12, pollingInterval: 15, fallback: { failureThreshold: 3, replicas: 4 } });
      expect(scaled.spec.advanced.horizontalPodAutoscalerConfig.behavior).toEqual({ scaleDown: { stabilizationWindowSeconds: 600 } });
      expect(objectsOfKind(objects, 'HorizontalPodAutoscaler')).toEqual([]);
      expect(deployment.spec).not.toHaveProperty('replicas');
      // keda.minReplicas > 1: the PDB and topology spread apply as with an HPA.
      expect(objectsOfKind(objects, 'PodDisruptionBudget')).toHaveLength(1);
    });

    it('scales on a request-rate query over LiteLLM\'s real metrics, for this release\'s targets only', async () => {
      const [trigger] = single(objects, 'ScaledObject').spec.triggers;
      expect(trigger).toMatchObject({ type: 'prometheus', metricType: 'AverageValue', authenticationRef: { name: 'keda-prometheus' } });
      expect(trigger.metadata).toMatchObject({ serverAddress: 'http://prometheus-operated.monitoring.svc:9090', threshold: '20' });
      const [parsed] = await parsePromql([trigger.metadata.query]);
      expect(parsed!.error).toBeUndefined();
      expect(promqlIssues(parsed!)).toEqual([]);
      const service = single(objects, 'Service').metadata.name;
      expect(parsed!.selectors).toHaveLength(1);
      expect(trigger.metadata.query).toContain(`namespace="ai", service="${service}"`);
      expect(trigger.metadata.query).toMatch(/\[2m\]\)\)$/);
    });

    it('renders the ServiceMonitor\'s annotations, relabelings and metricRelabelings', () => {
      const monitor = single(objects, 'ServiceMonitor');
      const values = effectiveValues(['ci/57-keda.yaml']).monitoring.serviceMonitor;
      expect(monitor.metadata.annotations).toEqual(values.annotations);
      expect(monitor.spec.endpoints[0]).toMatchObject({ relabelings: values.relabelings, metricRelabelings: values.metricRelabelings });
    });
  });

  describe('migration Job knobs (ci/58-migration-job, on upgrade)', () => {
    let job: K8sObject;
    let defaultJob: K8sObject;
    beforeAll(async () => {
      const [objects, defaults] = await Promise.all([
        render(major, { files: ['ci/58-migration-job.yaml'], upgrade: true }),
        render(major, { files: ['ci/04-cnpg.yaml'], upgrade: true }),
      ]);
      [job, defaultJob] = [single(objects, 'Job'), single(defaults, 'Job')];
    });

    it('adds the annotations and hook weight next to the chart\'s hook', () => {
      expect(job.metadata.annotations).toEqual({
        'example.com/owner': 'ai-platform',
        'helm.sh/hook': 'pre-upgrade',
        'helm.sh/hook-weight': '5',
        'helm.sh/hook-delete-policy': 'before-hook-creation',
      });
      expect(defaultJob.metadata.annotations).not.toHaveProperty('helm.sh/hook-weight');
    });

    it('runs with its own ServiceAccount and resources (default: the proxy\'s)', () => {
      const values = effectiveValues(['ci/58-migration-job.yaml']);
      const pod = job.spec.template.spec;
      expect(pod.serviceAccountName).toBe('litellm-migrator');
      expect(pod.containers[0].resources).toEqual(values.database.migrations.resources);
      expect(defaultJob.spec.template.spec.containers[0].resources).toEqual(values.resources);
      expect(defaultJob.spec.template.spec.serviceAccountName).toBe('rel-litellm-stack');
    });

    it('adds the init container (a native sidecar) with the chart\'s securityContext', () => {
      expect(job.spec.template.spec.initContainers).toEqual([
        { name: 'trace-agent', image: 'otel/opentelemetry-collector:0.129.1', restartPolicy: 'Always', securityContext: chartSecurityContext },
      ]);
    });
  });

  describe('helm test pods', () => {
    let objects: K8sObject[];
    beforeAll(async () => {
      objects = await render(major, { files: ['ci/02-seed-full.yaml'], values: { networkPolicy: { enabled: true } } });
    });
    const testPods = (all: K8sObject[]) => objectsOfKind(all, 'Pod').filter((pod) => pod.metadata.annotations?.['helm.sh/hook'] === 'test');

    it('are two hook pods, liveness and models, in the proxy image, that the Service never selects', () => {
      const pods = testPods(objects);
      expect(pods.map((pod) => pod.spec.containers[0].name)).toEqual(['liveness', 'models']);
      const service = single(objects, 'Service');
      for (const pod of pods) {
        expect(selects(service.spec.selector, pod.metadata.labels)).toBe(false);
        expect(pod.spec.containers[0].image).toBe(proxyContainer(objects).image);
        expect(pod.spec.containers[0].securityContext).toEqual(chartSecurityContext);
        expect(pod.spec).toMatchObject({ restartPolicy: 'Never', automountServiceAccountToken: false });
        const url = new URL(pod.spec.containers[0].env.find((e: any) => e.name === 'PROXY_URL').value);
        expect([url.hostname, Number(url.port)]).toEqual([service.metadata.name, service.spec.ports[0].port]);
      }
    });

    it('expect exactly the public model names of the rendered config.yaml, with the master key from the proxy\'s Secret', () => {
      const env = Object.fromEntries(testPods(objects)[1]!.spec.containers[0].env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
      const served = [...new Set(liteLLMConfig(objects).model_list.map((m: any) => m.model_name as string))].sort();
      expect(JSON.parse(env.EXPECTED_MODELS)).toEqual(served);
      expect(served.length).toBeGreaterThan(10);
      const masterKey = proxyContainer(objects).env.find((e: any) => e.name === 'LITELLM_MASTER_KEY').valueFrom;
      expect(env.LITELLM_MASTER_KEY).toEqual(masterKey);
    });

    it('are let in by the network policy, by their labels in the release namespace', () => {
      const pod = testPods(objects)[0]!;
      const policy = named(objects, 'NetworkPolicy', single(objects, 'Deployment').metadata.name)!;
      const admitted = policy.spec.ingress.filter((rule: any) =>
        rule.from.some((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'ai' && peer.podSelector && selects(peer.podSelector.matchLabels, pod.metadata.labels)),
      );
      expect(admitted.flatMap((rule: any) => rule.ports)).toEqual([{ port: 4000, protocol: 'TCP' }]);
    });

    it('are not rendered with helmTests.enabled false', async () => {
      expect(testPods(await render(major, { files: ['ci/01-minimal.yaml'], values: { helmTests: { enabled: false } } }))).toEqual([]);
    });
  });
});
