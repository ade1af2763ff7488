// Operating the proxy pods: how they stop (long LLM streams must finish during rollouts, litellm#14334;
// tests/conformance/drain.spec.ts runs the stop sequence against the real proxy) and where the probes
// go (LiteLLM's separate health app, so a busy proxy is not killed: litellm#9998).
import { bool, group, int, openMap, type SpecNode } from '../spec.ts';

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
  lifecycle: openMap(
    'Container lifecycle hooks (Kubernetes Lifecycle), as in the official chart. Empty: the chart\'s preStop sleep (shutdown.preStopSleepSeconds). Set: used as it is, replacing it.',
    {},
    undefined,
    // Named properties rather than propertyNames: Helm 4 reports a propertyNames failure without its path.
    {
      additionalProperties: false,
      properties: {
        preStop: { type: 'object', description: 'Handler run before SIGTERM.' },
        postStart: { type: 'object', description: 'Handler run after the container starts.' },
        stopSignal: { type: 'string', pattern: '^SIG[A-Z0-9]+$', description: 'Signal that stops the container (Kubernetes 1.33+).' },
      },
    },
  ),
  healthApp: group(
    'LiteLLM\'s separate health app (SEPARATE_HEALTH_APP=1, SEPARATE_HEALTH_PORT): the image\'s entrypoint then runs the proxy and a small health-only uvicorn app side by side under supervisord. The liveness probe moves to its port, so a proxy busy with traffic or spend-log writes is not restarted (litellm#9998). Startup and readiness stay on the proxy port: the health app runs without the proxy\'s config, answers before the proxy listens, and its /health/readiness reports healthy (db "Not connected") even while the proxy is frozen (tests/conformance/health-app.spec.ts). The Service gets a `health` port and the network policy admits it from the gateways. Off by default: supervisord replaces `exec litellm` as the container\'s main process.',
    {
      enabled: bool('Run the separate health app and probe it.', false),
      port: int('SEPARATE_HEALTH_PORT: its port in the container; not litellm.port.', 4001, { minimum: 1024, maximum: 65535 }),
    },
  ),
};
