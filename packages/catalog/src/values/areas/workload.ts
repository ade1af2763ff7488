// The proxy's Deployment, Service, ServiceAccount and scaling objects.
import { bool, containerList, group, int, kubernetesObject, kubernetesType, labelKeys, labelValues, oneOf, openList, openMap, orEmpty, patterns, resources, str, strList, type SpecNode } from '../spec.ts';

const quantity = '^([0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?)?$';
/** An IntOrString count as the values write it: "1" or "50%" (at most 100%); empty: unset. */
const countOrPercent = '^([0-9]{1,6}|([0-9]|[1-9][0-9]|100)%)?$';

/** An HPA's behavior (autoscaling/v2 HorizontalPodAutoscalerBehavior); the tests validate what it renders against Kubernetes' and KEDA's schemas. */
const hpaBehavior = (description: string) =>
  openMap(description, {}, undefined, {
    additionalProperties: false,
    properties: {
      scaleUp: { description: 'HPAScalingRules for scaling up.', ...kubernetesType('api.autoscaling.v2.HPAScalingRules') },
      scaleDown: { description: 'HPAScalingRules for scaling down.', ...kubernetesType('api.autoscaling.v2.HPAScalingRules') },
    },
  });

const probe = (description: string, path: string, initialDelaySeconds: number, failureThreshold: number) =>
  group(description, {
    enabled: bool('Render this probe.', true),
    path: str('HTTP path probed on the proxy port.', path, { pattern: '^/[!-~]*$' }),
    initialDelaySeconds: int('Seconds before the first probe.', initialDelaySeconds, { minimum: 0 }),
    periodSeconds: int('Seconds between probes.', 10, { minimum: 1 }),
    timeoutSeconds: int('Seconds a probe may take.', 5, { minimum: 1 }),
    failureThreshold: int('Failures in a row before the probe gives up.', failureThreshold, { minimum: 1 }),
  });

export const workloadAreas: Record<string, SpecNode> = {
  image: group('The LiteLLM proxy image.', {
    repository: str(
      'Image repository, without tag or digest (those are image.tag and image.digest). LiteLLM\'s non-root variant (same tags as ghcr.io/berriai/litellm): its files belong to nobody (65534), the UID the pods run as; the standard image keeps Prisma\'s CLI and engines under /root, which a non-root pod cannot read (docs/operations.md).',
      'ghcr.io/berriai/litellm-non_root',
      { pattern: patterns.imageRepository },
    ),
    tag: str('Image tag. The chart\'s appVersion is this tag.', 'main-v1.80.8-stable.1', { pattern: patterns.imageTag }),
    digest: str('Optional digest pin (sha256:…); when set the image is pulled by digest, the tag is kept for readability.', '', {
      pattern: '^(sha256:[a-f0-9]{64})?$',
    }),
    pullPolicy: oneOf('Image pull policy.', ['Always', 'IfNotPresent', 'Never'], 'IfNotPresent'),
  }),
  imagePullSecrets: openList('Image pull secrets, e.g. `[{name: regcred}]`.', [], {
    type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', pattern: patterns.dnsSubdomain, maxLength: 253, description: 'Secret name.' } },
  }),
  replicas: int('Proxy replicas when autoscaling is off. Above 1 the chart adds a PodDisruptionBudget and topology spread.', 1, { minimum: 0 }),
  command: strList(
    'Replaces the image\'s entrypoint (`docker/prod_entrypoint.sh`, which runs `litellm`, or supervisord with the health app); the chart\'s args (`--config`, `--port`, …, then `args`) still follow. Empty: the image\'s entrypoint. Refused with healthApp.enabled: only the entrypoint starts the health app.',
    [],
    { pattern: patterns.line },
  ),
  args: strList('Extra arguments for the litellm command, after `--config` and `--port` (which the chart sets; so are --num_workers).', [], { pattern: patterns.line }),
  resources: resources(
    'Proxy container resources. LiteLLM\'s production guidance sizes a proxy at 2 vCPU and 4 GB with one worker (docs/proxy/prod), so requests equal limits (Guaranteed QoS). ephemeral-storage covers the container log and the size-limited emptyDirs.',
    {
      requests: { cpu: '2', memory: '4Gi', 'ephemeral-storage': '1Gi' },
      limits: { cpu: '2', memory: '4Gi', 'ephemeral-storage': '2Gi' },
    },
  ),
  deployment: group('The proxy Deployment object itself (the pods have podLabels and podAnnotations).', {
    annotations: openMap('Annotations of the Deployment.', {}, { type: 'string' }, labelKeys),
    labels: openMap('Extra labels of the Deployment (not of its pods or selector).', {}, labelValues, labelKeys),
    minReadySeconds: int('Seconds a new pod must be ready before it counts as available, so a rollout (maxUnavailable 0) waits that long before stopping an old pod.', 0, { minimum: 0, maximum: 3600 }),
    revisionHistoryLimit: int('Old ReplicaSets kept for `kubectl rollout undo`.', 5, { minimum: 0, maximum: 100 }),
  }),
  initContainers: containerList(
    'Init containers run before the proxy (Kubernetes Container objects). One without a securityContext gets the chart\'s `securityContext`; the name `litellm` and duplicates are refused.',
  ),
  extraContainers: containerList(
    'Sidecar containers next to the proxy (Kubernetes Container objects). One without a securityContext gets the chart\'s `securityContext`; the name `litellm` and duplicates are refused. The network policy does not open their ports.',
  ),
  probes: group('Probes. The startup probe holds the others back while Prisma migrations and model loading run.', {
    startup: probe('Startup probe on LiteLLM\'s liveness endpoint.', '/health/liveliness', 30, 30),
    liveness: probe('Liveness probe (LiteLLM answers "I\'m alive!").', '/health/liveliness', 60, 3),
    readiness: probe('Readiness probe (LiteLLM reports its database and cache).', '/health/readiness', 30, 3),
  }),
  podSecurityContext: kubernetesObject(
    'Pod security context of the proxy and the migration Job. The defaults meet the Pod Security Standard `restricted`: a fixed non-root UID/GID (65534, nobody, the owner of the non-root image\'s files), fsGroup for the emptyDirs, seccomp RuntimeDefault. runAsUser 0 is refused (runAsNonRoot would stop the pod at start).',
    'api.core.v1.PodSecurityContext',
    { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
  ),
  securityContext: kubernetesObject(
    'Security context of every container the chart runs in the proxy pod and the migration Job (Pod Security `restricted`). The root filesystem is read-only: LiteLLM 1.80.8 writes only to the size-limited /tmp emptyDir (tmpSizeLimit: the staged admin UI, Prisma\'s migrations, supervisord\'s log) and, with a database, Prisma\'s caches (docs/operations.md; tests/conformance/non-root.spec.ts runs the proxy so).',
    'api.core.v1.SecurityContext',
    {
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
  ),
  service: group('The Service in front of the proxy.', {
    type: oneOf('Service type.', ['ClusterIP', 'NodePort', 'LoadBalancer'], 'ClusterIP'),
    port: int('Service port.', 4000, { minimum: 1, maximum: 65535 }),
    annotations: openMap('Service annotations.', {}, { type: 'string' }, labelKeys),
    loadBalancerClass: str('spec.loadBalancerClass (e.g. `tailscale`, `service.k8s.aws/nlb`): which load-balancer implementation serves it; only with type LoadBalancer. Empty: the cluster\'s default.', '', {
      pattern: orEmpty(patterns.labelKey),
      maxLength: 316,
    }),
  }),
  serviceAccount: group('The proxy\'s ServiceAccount.', {
    create: bool('Create a ServiceAccount.', true),
    name: str('Name to use; defaults to the release\'s full name.', '', { pattern: orEmpty(patterns.dnsSubdomain), maxLength: 253 }),
    annotations: openMap('ServiceAccount annotations (e.g. workload identity).', {}, { type: 'string' }, labelKeys),
    automountToken: bool('Mount an API token into the pod. The proxy never calls the Kubernetes API.', false),
  }),
  strategy: group('Rolling update. maxUnavailable 0 keeps serving capacity during upgrades.', {
    maxSurge: str('Extra pods during a rollout.', '25%', { pattern: '^([0-9]+%?)$' }),
    maxUnavailable: str('Pods that may be unavailable during a rollout.', '0', { pattern: '^([0-9]+%?)$' }),
  }),
  autoscaling: group('HorizontalPodAutoscaler (autoscaling/v2).', {
    enabled: bool('Scale with an HPA instead of `replicas`.', false),
    minReplicas: int('Fewest replicas.', 2, { minimum: 1 }),
    maxReplicas: int('Most replicas.', 6, { minimum: 1 }),
    targetCPUUtilizationPercentage: int('Average CPU utilisation to aim for; null to not scale on CPU.', 75, { minimum: 1, maximum: 100 }),
    targetMemoryUtilizationPercentage: int('Average memory utilisation to aim for; null to not scale on memory.', null, { minimum: 1, maximum: 100 }),
    behavior: hpaBehavior('spec.behavior of the HPA: scaleUp and scaleDown policies and stabilization windows. Empty: Kubernetes\' defaults (scale down after 300 s of lower load).'),
  }),
  keda: group(
    'KEDA ScaledObject (keda.sh/v1alpha1; KEDA 2.x installed) scaling the proxy on its request rate, read from Prometheus: the query is built from LiteLLM\'s metric litellm_proxy_total_requests_metric for this release\'s pods (the metrics and a ServiceMonitor must be on). KEDA creates the HPA itself: exclusive with autoscaling.enabled.',
    {
      enabled: bool('Render the ScaledObject (and no `replicas`).', false),
      minReplicas: int('Fewest replicas (minReplicaCount; 0 is not allowed: a proxy scaled to zero answers nothing, and its request rate could never rise again).', 2, { minimum: 1 }),
      maxReplicas: int('Most replicas (maxReplicaCount).', 6, { minimum: 1 }),
      pollingInterval: int('Seconds between two queries of Prometheus.', 30, { minimum: 1, maximum: 3600 }),
      prometheus: group('The Prometheus server KEDA queries.', {
        serverAddress: str('Its URL as KEDA reaches it (e.g. http://prometheus-operated.monitoring.svc:9090).', '', { pattern: orEmpty(patterns.url) }),
        authenticationRef: str('Name of a KEDA TriggerAuthentication in the release namespace when Prometheus needs credentials; empty: none.', '', {
          pattern: orEmpty(patterns.dnsSubdomain),
          maxLength: 253,
        }),
      }),
      requestsPerSecond: int('Target proxy requests per second per replica: the ScaledObject aims at sum(rate(…[window])) / replicas ≤ this.', 10, { minimum: 1, maximum: 100000 }),
      rateWindow: str('The rate() window of the query (a Prometheus duration, at least four scrape intervals).', '2m', { pattern: '^[1-9][0-9]{0,3}(s|m|h)$' }),
      fallbackReplicas: int('Replicas KEDA keeps when Prometheus fails 3 times in a row (fallback); null: keep the current count.', null, { minimum: 1 }),
      behavior: hpaBehavior('advanced.horizontalPodAutoscalerConfig.behavior of the HPA KEDA makes (scaleUp, scaleDown); empty: Kubernetes\' defaults.'),
      annotations: openMap('Annotations of the ScaledObject (e.g. autoscaling.keda.sh/paused).', {}, { type: 'string' }, labelKeys),
    },
  ),
  podDisruptionBudget: group('PodDisruptionBudget, rendered when more than one replica can run.', {
    enabled: bool('Render the PDB when replicas (or autoscaling.minReplicas) > 1.', true),
    maxUnavailable: int('Pods that a voluntary disruption may take down at once (unless minAvailable is set).', 1, { minimum: 1 }),
    minAvailable: str('Pods that must stay up during a voluntary disruption, a count ("2") or a percentage ("50%"); replaces maxUnavailable. Empty: maxUnavailable. A count not below the fewest replicas is refused: no node could ever be drained.', '', { pattern: countOrPercent }),
    labels: openMap('Extra labels of the PDB.', {}, labelValues, labelKeys),
    annotations: openMap('Annotations of the PDB.', {}, { type: 'string' }, labelKeys),
  }),
  topologySpread: group('Spread replicas across nodes and zones when more than one runs.', {
    enabled: bool('Add the default constraints below when replicas > 1.', true),
    whenUnsatisfiable: oneOf('What the scheduler does when it cannot spread.', ['ScheduleAnyway', 'DoNotSchedule'], 'ScheduleAnyway'),
    topologyKeys: strList('Topology keys to spread over.', ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'], { pattern: patterns.labelKey }),
  }),
  podAnnotations: openMap('Extra pod annotations.', {}, { type: 'string' }, labelKeys),
  podLabels: openMap('Extra pod labels.', {}, labelValues, labelKeys),
  nodeSelector: openMap('Node selector.', {}, labelValues, labelKeys),
  tolerations: openList('Tolerations (Kubernetes Toleration objects).', [], kubernetesType('api.core.v1.Toleration')),
  affinity: kubernetesObject('Affinity rules (a Kubernetes Affinity: nodeAffinity, podAffinity, podAntiAffinity).', 'api.core.v1.Affinity'),
  priorityClassName: str('Priority class of the pods.', '', { pattern: orEmpty(patterns.dnsSubdomain), maxLength: 253 }),
  tmpSizeLimit: str(
    'sizeLimit of the proxy\'s and the migration Job\'s writable emptyDirs (/tmp, and with a database Prisma\'s caches), e.g. 500Mi; empty: no limit. /tmp holds the admin UI staged by the `ui` init container (about 9 MB in 1.80.8), LITELLM_MIGRATION_DIR (about 1 MB) and supervisord\'s log; the kubelet evicts a pod whose emptyDir outgrows it.',
    '256Mi',
    { pattern: quantity },
  ),
  extraEnv: openList('Extra env vars (Kubernetes EnvVar objects). A name the chart already sets is an error.', [], {
    allOf: [
      kubernetesType('api.core.v1.EnvVar'),
      {
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'Variable name.' },
          value: { type: 'string', description: 'Its value: a string (quote numbers and booleans); Kubernetes refuses any other type.' },
        },
      },
    ],
  }),
  extraEnvFrom: openList('Extra envFrom sources (Kubernetes EnvFromSource objects).', [], kubernetesType('api.core.v1.EnvFromSource')),
  extraVolumes: openList('Extra pod volumes (Kubernetes Volume objects, one source each).', [], kubernetesType('api.core.v1.Volume')),
  extraVolumeMounts: openList('Extra container volume mounts (Kubernetes VolumeMount objects).', [], kubernetesType('api.core.v1.VolumeMount')),
};
