// Operating the proxy pods: how they stop (long LLM streams must finish during rollouts, litellm#14334;
// tests/conformance/drain.spec.ts runs the stop sequence against the real proxy) and where the probes
// go (LiteLLM's separate health app, so a busy proxy is not killed: litellm#9998).
import { bool, group, int, kubernetesObject, openList, patterns, type SpecNode } from '../spec.ts';

export const operationsArea: Record<string, SpecNode> = {
  shutdown: group(
    'Zero-drop pod shutdown. On SIGTERM LiteLLM 1.80.8 (uvicorn) closes its listening socket, finishes the requests in flight (streams included) without a time limit of its own, then exits; the kubelet\'s grace period is the only bound. See docs/operations.md.',
    {
      preStopSleepSeconds: int(
        'Seconds the preStop hook (`sleep`) holds the pod before SIGTERM, while endpoints, kube-proxy and the gateway drop it; requests arriving meanwhile are still served. 0: no preStop hook.',
        10,
        { minimum: 0, maximum: 300 },
      ),
      terminationGracePeriodSeconds: int(
        'Pod grace period. null: derived as preStopSleepSeconds + the longest request the chart allows (the largest of litellm.router.timeout, every rendered model\'s timeout and route.timeouts.request) + 15 s for the process to exit. An explicit value below that sum is refused: it would cut streams at every rollout.',
        null,
        { minimum: 1, maximum: 86400 },
      ),
    },
  ),
  lifecycle: kubernetesObject(
    'Container lifecycle hooks (a Kubernetes Lifecycle: preStop, postStart, stopSignal), as in the official chart. Empty: the chart\'s preStop sleep (shutdown.preStopSleepSeconds). Set: used as it is, replacing it.',
    'api.core.v1.Lifecycle',
  ),
  healthApp: group(
    'LiteLLM\'s separate health app (SEPARATE_HEALTH_APP=1, SEPARATE_HEALTH_PORT): the image\'s entrypoint then runs the proxy and a small health-only uvicorn app side by side under supervisord. The liveness probe moves to its port, so a proxy busy with traffic or spend-log writes is not restarted (litellm#9998). Startup and readiness stay on the proxy port: the health app runs without the proxy\'s config, answers before the proxy listens, and its /health/readiness reports healthy (db "Not connected") even while the proxy is frozen (tests/conformance/health-app.spec.ts). The Service gets a `health` port and the network policy admits it from the gateways. Off by default: supervisord replaces `exec litellm` as the container\'s main process.',
    {
      enabled: bool('Run the separate health app and probe it.', false),
      port: int('SEPARATE_HEALTH_PORT: its port in the container; not litellm.port.', 4001, { minimum: 1024, maximum: 65535 }),
    },
  ),
  helmTests: group(
    '`helm test` pods (hook `test`), run with the proxy image and the chart\'s security defaults: one asks /health/liveliness, one lists /v1/models with the master key and requires exactly the public model names the chart renders. They reach the proxy through its Service; with networkPolicy.enabled the policy lets them in.',
    {
      enabled: bool('Render the test pods (helm template and install leave them out unless `helm test` runs them; `--skip-tests` omits them).', true),
      activeDeadlineSeconds: int('Seconds a test pod may run before it fails.', 120, { minimum: 10, maximum: 3600 }),
    },
  ),
  extraResources: openList(
    'Further Kubernetes objects installed with the release, as they are (no templating): e.g. a TriggerAuthentication, an ExternalSecret, a Certificate. Each needs apiVersion, kind and metadata.name; none may share kind and name with an object the chart renders (Helm refuses the release).',
    [],
    {
      type: 'object',
      required: ['apiVersion', 'kind', 'metadata'],
      properties: {
        apiVersion: { type: 'string', pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?v[0-9]+((alpha|beta)[0-9]+)?$', description: 'group/version, or v1.' },
        kind: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]{0,62}$', description: 'Kind.' },
        metadata: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', pattern: patterns.dnsSubdomain, maxLength: 253, description: 'Object name.' } },
          additionalProperties: true,
          description: 'Object metadata.',
        },
      },
      additionalProperties: true,
    },
  ),
};
