// Operations values: the grace period derived from the longest request, the preStop hook, the
// separate health app's probes, Service port and network policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartDir, helmMajors } from '../../tools/helm.ts';
import { compromisedLiteLLM } from '../../tools/conformance/litellm-pin.ts';
import { liteLLMConfig, objectsOfKind, proxyContainer, render, single, tryRender, type K8sObject, type RenderOptions } from '../support/chart.ts';

const minimal = (values: object = {}): RenderOptions => ({ files: ['ci/01-minimal.yaml'], values });
const podSpec = (objects: K8sObject[]) => single(objects, 'Deployment').spec.template.spec;

describe.each(helmMajors)('%s', (major) => {
  describe('shutdown', () => {
    it.each([
      ['the router timeout', {}, 10 + 600 + 15],
      ['a longer model timeout (rounded up)', { models: { 'gpt-4-1': { timeout: 900.5 } } }, 10 + 901 + 15],
      ['a longer route request timeout', { route: { enabled: true, parentRefs: [{ name: 'gw' }], timeouts: { request: '1h30m500ms' } } }, 10 + 5400 + 15],
      ['a shorter route timeout (the router timeout still wins)', { route: { enabled: true, parentRefs: [{ name: 'gw' }], timeouts: { request: '90s' } } }, 10 + 600 + 15],
      ['no preStop sleep', { shutdown: { preStopSleepSeconds: 0 } }, 600 + 15],
    ])('derives the grace period from %s', async (_, values, expected) => {
      expect(podSpec(await render(major, minimal(values))).terminationGracePeriodSeconds).toBe(expected);
    });

    it('ignores the timeout of a model that is not rendered', async () => {
      const objects = await render(major, minimal({ models: { 'gpt-4-1': { timeout: 5000, enabled: false } } }));
      expect(podSpec(objects).terminationGracePeriodSeconds).toBe(625);
    });

    it('keeps an explicit grace period that covers the longest request', async () => {
      expect(podSpec(await render(major, minimal({ shutdown: { terminationGracePeriodSeconds: 610 } }))).terminationGracePeriodSeconds).toBe(610);
    });

    it('holds the container in preStop for preStopSleepSeconds, and renders no hook for 0', async () => {
      expect(proxyContainer(await render(major, minimal())).lifecycle).toEqual({ preStop: { exec: { command: ['sleep', '10'] } } });
      expect(proxyContainer(await render(major, minimal({ shutdown: { preStopSleepSeconds: 0 } }))).lifecycle).toBeUndefined();
    });

    it('uses `lifecycle` as it is, instead of the chart\'s hook', async () => {
      const lifecycle = { preStop: { httpGet: { path: '/drain', port: 4000 } } };
      expect(proxyContainer(await render(major, minimal({ lifecycle }))).lifecycle).toEqual(lifecycle);
    });
  });

  describe('healthApp', () => {
    it('is off by default: probes on the proxy port, one Service port', async () => {
      const objects = await render(major, minimal());
      const container = proxyContainer(objects);
      expect([container.livenessProbe.httpGet.port, container.readinessProbe.httpGet.port]).toEqual(['http', 'http']);
      expect(container.env.map((e: { name: string }) => e.name)).not.toContain('SEPARATE_HEALTH_APP');
      expect(single(objects, 'Service').spec.ports.map((p: { name: string }) => p.name)).toEqual(['http']);
    });

    it('moves liveness to the health port, keeps startup and readiness on the proxy, and sets the env the image reads', async () => {
      const objects = await render(major, minimal({ healthApp: { enabled: true, port: 4005 } }));
      const container = proxyContainer(objects);
      expect(container.ports).toContainEqual({ name: 'health', containerPort: 4005, protocol: 'TCP' });
      expect([container.startupProbe.httpGet.port, container.livenessProbe.httpGet.port, container.readinessProbe.httpGet.port]).toEqual(['http', 'health', 'http']);
      const env = Object.fromEntries(container.env.map((e: { name: string; value?: string }) => [e.name, e.value]));
      expect(env).toMatchObject({ SEPARATE_HEALTH_APP: '1', SEPARATE_HEALTH_PORT: '4005', SUPERVISORD_STOPWAITSECS: String(625 - 10) });
      expect(single(objects, 'Service').spec.ports).toContainEqual({ name: 'health', port: 4005, targetPort: 'health', protocol: 'TCP' });
    });

    it('lets the gateways reach the health port through the network policy, and nobody else', async () => {
      const values = {
        healthApp: { enabled: true },
        route: { enabled: true, parentRefs: [{ name: 'gw', namespace: 'gateway' }] },
        networkPolicy: { enabled: true, ingress: { namespaces: ['apps'] } },
      };
      const policy = objectsOfKind(await render(major, minimal(values)), 'NetworkPolicy').find((p) => p.metadata.name === 'rel-litellm-stack')!;
      const portsFrom = (namespace: string) =>
        policy.spec.ingress
          .filter((rule: any) => rule.from.some((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === namespace))
          .flatMap((rule: any) => rule.ports.map((p: { port: number }) => p.port));
      expect(portsFrom('gateway').sort()).toEqual([4000, 4001]);
      expect(portsFrom('apps')).toEqual([4000]);
    });
  });
});

describe.each(helmMajors)('%s production defaults (litellm.*)', (major) => {
  const envOf = (objects: K8sObject[]) =>
    Object.fromEntries(proxyContainer(objects).env.map((e: { name: string; value?: string }) => [e.name, e.value]));

  it('sets LITELLM_LOG, JSON_LOGS, the local price map, proxy_batch_write_at and guidance-sized resources', async () => {
    const objects = await render(major, minimal());
    expect(envOf(objects)).toMatchObject({ LITELLM_LOG: 'ERROR', JSON_LOGS: 'True', LITELLM_LOCAL_MODEL_COST_MAP: 'True' });
    expect(liteLLMConfig(objects).general_settings.proxy_batch_write_at).toBe(60);
    expect(proxyContainer(objects).resources).toEqual({
      requests: { cpu: '2', memory: '4Gi', 'ephemeral-storage': '1Gi' },
      limits: { cpu: '2', memory: '4Gi', 'ephemeral-storage': '2Gi' },
    });
    expect(proxyContainer(objects).args).not.toContain('--max_requests_before_restart');
  });

  it('leaves JSON_LOGS out when jsonLogs is false (LiteLLM reads "False" as true) and passes worker recycling as a flag', async () => {
    const objects = await render(major, minimal({ litellm: { jsonLogs: false, logLevel: 'INFO', maxRequestsBeforeRestart: 10000, proxyBatchWriteAt: 30 } }));
    const env = envOf(objects);
    expect(env).not.toHaveProperty('JSON_LOGS');
    expect(env.LITELLM_LOG).toBe('INFO');
    const args: string[] = proxyContainer(objects).args;
    expect(args.slice(args.indexOf('--max_requests_before_restart'), args.indexOf('--max_requests_before_restart') + 2)).toEqual(['--max_requests_before_restart', '10000']);
    expect(liteLLMConfig(objects).general_settings.proxy_batch_write_at).toBe(30);
  });

  it('without the local price map, drops the env and lets the cilium policy reach GitHub for it', async () => {
    const fqdns = async (localModelCostMap: boolean) => {
      const objects = await render(major, { files: ['ci/17-networkpolicy-cilium.yaml'], values: { litellm: { localModelCostMap } } });
      const policy = objectsOfKind(objects, 'CiliumNetworkPolicy').find((p) => p.metadata.name === 'rel-litellm-stack')!;
      return { env: envOf(objects), names: policy.spec.egress.flatMap((rule: any) => (rule.toFQDNs ?? []).map((f: any) => f.matchName)) };
    };
    const [local, fetched] = [await fqdns(true), await fqdns(false)];
    expect(local.env).toHaveProperty('LITELLM_LOCAL_MODEL_COST_MAP', 'True');
    expect(local.names).not.toContain('raw.githubusercontent.com');
    expect(fetched.env).not.toHaveProperty('LITELLM_LOCAL_MODEL_COST_MAP');
    expect(fetched.names).toContain('raw.githubusercontent.com');
  });
});

describe.each(helmMajors)('%s refusals', (major) => {
  it('accepts several processes with usage-based routing when the cache is on, and one process without it', async () => {
    const usage = { litellm: { router: { routingStrategy: 'usage-based-routing-v2' } } };
    await expect(render(major, minimal({ ...usage, replicas: 3, cache: { enabled: true, host: 'redis.cache' }, secrets: { values: { REDIS_PASSWORD: 'test-only' } } }))).resolves.toBeDefined();
    await expect(render(major, minimal(usage))).resolves.toBeDefined();
    // Other strategies do not count usage per process.
    await expect(render(major, minimal({ replicas: 3, litellm: { numWorkers: 2 } }))).resolves.toBeDefined();
  });

  // One list for the chart and the conformance suite's pin check: every entry is refused in any tag form.
  it.each(compromisedLiteLLM.map((entry) => entry.version))('refuses LiteLLM %s in each tag form the project publishes', async (version) => {
    for (const tag of [`main-v${version}-stable`, `v${version}`, version, `main-v${version}-stable.1`]) {
      const result = await tryRender(major, minimal({ image: { tag } }));
      expect(result.code, tag).not.toBe(0);
      expect(result.stderr).toContain(`image.tag: ${tag} is LiteLLM ${version}, a compromised release`);
    }
  });

  it('does not refuse a release that only shares a prefix with a compromised one', async () => {
    const [first] = compromisedLiteLLM;
    await expect(render(major, minimal({ image: { tag: `main-v${first!.version}1-stable` } }))).resolves.toBeDefined();
  });
});

describe.each(helmMajors)('%s /metrics behind a key', (major) => {
  it('renders require_auth_for_metrics_endpoint and a ServiceMonitor key from the named Secret', async () => {
    const values = { monitoring: { serviceMonitor: { authorization: { secretName: 'prometheus-litellm', key: 'METRICS_KEY' } } } };
    const objects = await render(major, { files: ['ci/11-metrics.yaml'], values });
    expect(liteLLMConfig(objects).litellm_settings.require_auth_for_metrics_endpoint).toBe(true);
    expect(single(objects, 'ServiceMonitor').spec.endpoints[0].authorization).toEqual({ type: 'Bearer', credentials: { name: 'prometheus-litellm', key: 'METRICS_KEY' } });
  });

  it('with requireAuth off, neither the setting nor a ServiceMonitor key', async () => {
    const objects = await render(major, { files: ['ci/11-metrics.yaml'], values: { monitoring: { metrics: { requireAuth: false } } } });
    expect(liteLLMConfig(objects).litellm_settings).not.toHaveProperty('require_auth_for_metrics_endpoint');
    expect(single(objects, 'ServiceMonitor').spec.endpoints[0]).not.toHaveProperty('authorization');
  });
});

describe.each(helmMajors)('%s hardened pods', (major) => {
  const restrictedContainer = {
    runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
  };
  const writable = (names: string[], sizeLimit = '256Mi') => names.map((name) => ({ name, emptyDir: { sizeLimit } }));

  it('runs the proxy pod as 65534 on a read-only root, the ui init container staging the UI into /tmp for LITELLM_NON_ROOT', async () => {
    const objects = await render(major, minimal({ database: { mode: 'none' } }));
    const pod = podSpec(objects);
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } });
    const [ui] = pod.initContainers;
    expect(pod.initContainers).toHaveLength(1);
    expect(ui).toMatchObject({ name: 'ui', image: proxyContainer(objects).image, securityContext: restrictedContainer, volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] });
    expect(ui.command).toEqual(['python', '-c', readFileSync(join(chartDir, 'files', 'stage-ui.py'), 'utf8')]);
    expect(proxyContainer(objects).securityContext).toEqual(restrictedContainer);
    expect(proxyContainer(objects).env).toContainEqual({ name: 'LITELLM_NON_ROOT', value: 'true' });
    // Without a database LiteLLM writes only to /tmp.
    expect(pod.volumes.filter((volume: any) => volume.emptyDir)).toEqual(writable(['tmp']));
    expect(proxyContainer(objects).volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
  });

  it('adds Prisma\'s caches with a database, and gives the migration Job the same context and writable dirs', async () => {
    const objects = await render(major, { files: ['ci/04-cnpg.yaml'], values: { tmpSizeLimit: '100Mi' }, upgrade: true });
    const pod = podSpec(objects);
    const job = single(objects, 'Job').spec.template.spec;
    expect(pod.volumes.filter((volume: any) => volume.emptyDir)).toEqual(writable(['tmp', 'prisma-cache', 'npm-cache'], '100Mi'));
    expect(job.volumes).toEqual(writable(['tmp', 'prisma-cache', 'npm-cache'], '100Mi'));
    expect(job.securityContext).toEqual(pod.securityContext);
    expect(job.containers[0].securityContext).toEqual(restrictedContainer);
    const mounts = [{ name: 'tmp', mountPath: '/tmp' }, { name: 'prisma-cache', mountPath: '/.cache' }, { name: 'npm-cache', mountPath: '/.npm' }];
    expect(job.containers[0].volumeMounts).toEqual(mounts);
    for (const mount of mounts) expect(proxyContainer(objects).volumeMounts).toContainEqual(mount);
  });

  it('keeps a user\'s UID and merges it with the defaults; leaves the emptyDirs unlimited for an empty tmpSizeLimit', async () => {
    const objects = await render(major, minimal({ podSecurityContext: { runAsUser: 10001, runAsGroup: 10001 }, tmpSizeLimit: '' }));
    expect(podSpec(objects).securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 65534 });
    expect(podSpec(objects).volumes.find((volume: any) => volume.name === 'tmp')).toEqual({ name: 'tmp', emptyDir: {} });
  });
});
