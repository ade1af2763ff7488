// Network policies: derived from what is enabled, in both flavours, under Helm 3 and Helm 4.
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { objectsOfKind, render, scenarioFiles, single, tryRender, type K8sObject } from '../support/chart.ts';
import { clusterDns, proxyDependencies, uncovered } from '../support/network.ts';
import { effectiveValues } from '../support/values.ts';
import { schemaErrors } from '../support/validate.ts';
import { adminPaths, inferencePaths } from '../../packages/catalog/src/values/areas/route.ts';

const namespace = 'ai';
const flavors = [
  { flavor: 'kubernetes', kind: 'NetworkPolicy' },
  { flavor: 'cilium', kind: 'CiliumNetworkPolicy' },
] as const;

const proxyPolicy = (objects: K8sObject[], kind: string) => {
  // Named like the proxy's Deployment (the release's full name, whatever nameOverride/fullnameOverride say).
  const name = single(objects, 'Deployment').metadata.name;
  const policy = objectsOfKind(objects, kind).find((o) => o.metadata.name === name);
  if (!policy) throw new Error(`no ${kind} for the proxy was rendered`);
  return policy;
};
const ingressNamespaces = (policy: K8sObject): string[] =>
  (policy.spec.ingress ?? []).flatMap((rule: any) =>
    policy.kind === 'NetworkPolicy'
      ? (rule.from ?? []).map((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'])
      : (rule.fromEndpoints ?? []).map((e: any) => e.matchLabels?.['k8s:io.kubernetes.pod.namespace']),
  );

describe.each(helmMajors)('network policies (%s)', (major) => {
  describe.each(flavors)('$flavor flavour', ({ flavor, kind }) => {
    it.each(scenarioFiles)('%s: every dependency the proxy is configured with has an egress rule', async (file) => {
      // An external database's address hides in its URL Secret; the values must say where it runs.
      const external = effectiveValues([file]).database.mode === 'external';
      const peers = external ? { database: { cidr: '10.50.0.0/24' } } : {};
      const objects = await render(major, { files: [file], values: { networkPolicy: { enabled: true, flavor, peers } } });
      const policy = proxyPolicy(objects, kind);
      const deps = [clusterDns, ...proxyDependencies(objects, namespace)];
      if (external) deps.push({ name: 'external database', host: '10.50.0.10', port: 5432, protocol: 'TCP' });
      expect(uncovered(policy, deps)).toEqual([]);
      expect(await schemaErrors(objects)).toEqual([]);
    });
  });

  it('the coverage check itself notices a missing rule', async () => {
    const objects = await render(major, { files: ['ci/16-networkpolicy.yaml'] });
    const policy = proxyPolicy(objects, 'NetworkPolicy');
    const deps = proxyDependencies(objects, namespace);
    expect(deps.map((d) => d.name)).toEqual(
      expect.arrayContaining(['tracing', 'oidc token', 'oidc userinfo', 'langfuse', expect.stringMatching(/^provider /)]),
    );
    const withoutTracing = structuredClone(policy);
    withoutTracing.spec.egress = withoutTracing.spec.egress.filter((rule: any) => !rule.ports?.some((p: any) => p.port === 4317));
    expect(uncovered(withoutTracing, deps).map((d) => d.name)).toEqual(['tracing']);
  });

  it('renders nothing when disabled, and only the chosen flavour', async () => {
    const off = await render(major, { files: ['ci/02-seed-full.yaml'] });
    expect(off.filter((o) => /NetworkPolicy$/.test(o.kind))).toEqual([]);
    const cilium = await render(major, { files: ['ci/17-networkpolicy-cilium.yaml'] });
    expect(objectsOfKind(cilium, 'NetworkPolicy')).toEqual([]);
    expect(objectsOfKind(cilium, 'CiliumNetworkPolicy').length).toBeGreaterThan(0);
  });

  it('kubernetes flavour: providers only in public ranges, the OIDC issuer and Langfuse where they run', async () => {
    const policy = proxyPolicy(await render(major, { files: ['ci/16-networkpolicy.yaml'] }), 'NetworkPolicy');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    const egress: any[] = policy.spec.egress;
    const provider = egress.find((rule) => rule.ports.some((p: any) => p.port === 443));
    expect(provider.to).toEqual([{ ipBlock: { cidr: '0.0.0.0/0', except: expect.arrayContaining(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']) } }]);
    // The seed forgot this one: token and userinfo calls go to Keycloak inside the cluster.
    expect(egress).toContainEqual({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'keycloak' } }, podSelector: { matchLabels: { app: 'keycloak' } } }],
      ports: [{ port: 8080, protocol: 'TCP' }],
    });
    expect(egress).toContainEqual({ to: [{ ipBlock: { cidr: '10.20.0.15/32' } }], ports: [{ port: 3000, protocol: 'TCP' }] });
    // Identical rules (token and userinfo on one host) appear once.
    expect(new Set(egress.map((rule) => JSON.stringify(rule))).size).toBe(egress.length);
  });

  it('ingress on the proxy port from the gateway, the listed namespaces, Prometheus and the helm test pods only', async () => {
    for (const { file, kind } of [
      { file: 'ci/16-networkpolicy.yaml', kind: 'NetworkPolicy' },
      { file: 'ci/17-networkpolicy-cilium.yaml', kind: 'CiliumNetworkPolicy' },
    ]) {
      const policy = proxyPolicy(await render(major, { files: [file] }), kind);
      // `ai`: the release namespace, for the `helm test` pods (tests/chart/operator-knobs.spec.ts).
      expect(ingressNamespaces(policy).sort()).toEqual(['ai', 'envoy-gateway-system', 'gateway', 'monitoring']);
      const ports = policy.spec.ingress.flatMap((rule: any) => (kind === 'NetworkPolicy' ? rule.ports : rule.toPorts.flatMap((t: any) => t.ports)));
      expect(new Set(ports.map((p: any) => String(p.port)))).toEqual(new Set(['4000']));
    }
    const noMetrics = proxyPolicy(
      await render(major, { files: ['ci/16-networkpolicy.yaml'], values: { monitoring: { metrics: { enabled: false }, serviceMonitor: { enabled: false } } } }),
      'NetworkPolicy',
    );
    expect(ingressNamespaces(noMetrics)).not.toContain('monitoring');
    const movedPort = proxyPolicy(await render(major, { files: ['ci/16-networkpolicy.yaml'], values: { litellm: { port: 8080 } } }), 'NetworkPolicy');
    expect(movedPort.spec.ingress.every((rule: any) => rule.ports[0].port === 8080)).toBe(true);
  });

  it('cilium flavour: provider host names as toFQDNs, and DNS through Cilium\'s DNS proxy', async () => {
    const policy = proxyPolicy(await render(major, { files: ['ci/17-networkpolicy-cilium.yaml'] }), 'CiliumNetworkPolicy');
    const fqdns = policy.spec.egress.flatMap((rule: any) => rule.toFQDNs ?? []);
    expect(fqdns).toEqual(
      expect.arrayContaining([
        { matchName: 'contoso-eastus.openai.azure.com' },
        { matchName: 'contoso-foundry.services.ai.azure.com' },
        { matchPattern: '*.cognitiveservices.azure.com' },
      ]),
    );
    expect(policy.spec.egress.some((rule: any) => rule.toCIDRSet?.some((c: any) => c.cidr === '0.0.0.0/0'))).toBe(false);
    const dns = policy.spec.egress.find((rule: any) => rule.toPorts[0].ports.some((p: any) => p.port === '53'));
    expect(dns.toPorts[0].rules).toEqual({ dns: [{ matchPattern: '*' }] });
    expect(policy.spec.ingress).toContainEqual(expect.objectContaining({ fromEntities: ['ingress'], toPorts: [expect.objectContaining({ ports: [{ port: '4000', protocol: 'TCP' }] })] }));
  });

  it('cilium flavour with metrics (ci/64): only Prometheus may GET /metrics; every other caller of the proxy port only the routed paths; the health port stays L4', async () => {
    const objects = await render(major, { files: ['ci/64-metrics-monitoring-only-cilium.yaml'] });
    const policy = proxyPolicy(objects, 'CiliumNetworkPolicy');
    const onPort = (port: string) => policy.spec.ingress.filter((rule: any) => rule.toPorts[0].ports.some((p: any) => p.port === port));
    // Cilium matches a rule's path regex against the whole request path (query included).
    const allows = (rule: any, path: string) => (rule.toPorts[0].rules?.http ?? []).some((h: any) => new RegExp(`^(?:${h.path})$`).test(path));
    const isMonitoring = (rule: any) => rule.fromEndpoints?.[0].matchLabels['k8s:io.kubernetes.pod.namespace'] === 'monitoring';
    const proxyRules = onPort('4000');
    const [monitoring, others] = [proxyRules.filter(isMonitoring), proxyRules.filter((rule: any) => !isMonitoring(rule))];
    expect(monitoring).toHaveLength(1);
    expect(monitoring[0].toPorts[0].rules.http.map((h: any) => h.method)).toEqual(['GET']);
    expect(['/metrics', '/metrics/', '/metrics/?name[]=x'].every((path) => allows(monitoring[0], path))).toBe(true);
    expect(['/v1/models', '/key/generate', '/metricsx'].filter((path) => allows(monitoring[0], path))).toEqual([]);
    // Gateways of both routes, Cilium's ingress, the client namespace, helm test: each has L7 rules (a peer without any would get every path).
    expect(others.length).toBe(5);
    const served = [...inferencePaths, ...adminPaths].flatMap((prefix) => [prefix, `${prefix}/x`, `${prefix}?a=1`]);
    for (const rule of others) {
      expect(['/metrics', '/metrics/', '/metrics?x=1', '//metrics', '/metricsx', '/v1x'].filter((path) => allows(rule, path))).toEqual([]);
      expect(served.filter((path) => !allows(rule, path))).toEqual([]);
    }
    const health = onPort('4001');
    expect(health).toHaveLength(3);
    for (const rule of health) expect(rule.toPorts).toEqual([{ ports: [{ port: '4001', protocol: 'TCP' }] }]);
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('no L7 rules where there is no /metrics to keep (metrics off) or in the kubernetes flavour (NetworkPolicy has no paths)', async () => {
    for (const values of [{ monitoring: { metrics: { enabled: false }, serviceMonitor: { enabled: false } } }, { networkPolicy: { flavor: 'kubernetes' } }]) {
      const objects = await render(major, { files: ['ci/64-metrics-monitoring-only-cilium.yaml'], values });
      expect(JSON.stringify(objects.filter((o) => /NetworkPolicy$/.test(o.kind)))).not.toContain('"http"');
    }
  });

  it('peers overrides: a CIDR wins over the host name, and a Service port can be mapped', async () => {
    const policy = proxyPolicy(
      await render(major, {
        files: ['ci/16-networkpolicy.yaml'],
        values: { networkPolicy: { peers: { tracing: { cidr: '10.9.0.0/16', port: 14317 } } } },
      }),
      'NetworkPolicy',
    );
    expect(policy.spec.egress).toContainEqual({ to: [{ ipBlock: { cidr: '10.9.0.0/16' } }], ports: [{ port: 14317, protocol: 'TCP' }] });
  });

  it.each(flavors)('a wrong flavour is rejected by the schema, naming the value ($flavor is fine)', async ({ flavor }) => {
    expect((await tryRender(major, { values: { networkPolicy: { enabled: true, flavor } } })).code).toBe(0);
    const bad = await tryRender(major, { values: { networkPolicy: { enabled: true, flavor: 'calico' } } });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/networkPolicy[./]flavor/);
  });

  it('no database policy without a CNPG database; an external one is reached where networkPolicy.peers.database says', async () => {
    const objects = await render(major, {
      files: ['ci/16-networkpolicy.yaml'],
      values: {
        database: { mode: 'external', external: { existingSecret: 'pg', secretKey: 'uri' } },
        networkPolicy: { peers: { database: { namespace: 'postgres', podLabels: { app: 'pg' }, port: 6432 } } },
      },
    });
    // The proxy's policy and the migration Job's; no database policy.
    const policies = objectsOfKind(objects, 'NetworkPolicy');
    expect(policies.map((p) => p.metadata.name)).toEqual(['rel-litellm-stack-migrate', 'rel-litellm-stack']);
    const policy = policies.find((p) => p.metadata.name === 'rel-litellm-stack')!;
    expect(policy.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'litellm-stack', 'app.kubernetes.io/instance': 'rel' });
    const toDatabase = {
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'postgres' } }, podSelector: { matchLabels: { app: 'pg' } } }],
      ports: [{ port: 6432, protocol: 'TCP' }],
    };
    expect(policy.spec.egress).toContainEqual(toDatabase);
    // The migration Job's pods: no ingress, DNS and the same database rule only.
    const migration = policies.find((p) => p.metadata.name === 'rel-litellm-stack-migrate')!;
    expect(migration.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/component': 'db-migration', 'app.kubernetes.io/instance': 'rel', 'app.kubernetes.io/part-of': 'litellm-stack' });
    // No ingress rules under the Ingress policy type: all ingress denied (the empty list left out, as the API server stores it).
    expect(migration.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(migration.spec.ingress).toBeUndefined();
    expect(migration.spec.egress).toHaveLength(2);
    expect(migration.spec.egress[1]).toEqual(toDatabase);
    expect(migration.spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
  });

  describe.each(flavors)('CNPG database pods, $flavor flavour', ({ flavor, kind }) => {
    const databasePolicy = (objects: K8sObject[]) => {
      const policy = objectsOfKind(objects, kind).find((o) => o.metadata.name === 'rel-litellm-stack-db');
      if (!policy) throw new Error(`no ${kind} for the database pods was rendered`);
      return policy;
    };
    const renderScenario = (file: string, values: object = {}) =>
      render(major, { files: [file], values: { networkPolicy: { enabled: true, flavor }, ...values }, upgrade: true });

    it('selects exactly the Cluster\'s pods; the proxy reaches them on 5432', async () => {
      const objects = await renderScenario('ci/04-cnpg.yaml');
      const cluster = single(objects, 'Cluster');
      const policy = databasePolicy(objects);
      const selector = kind === 'NetworkPolicy' ? policy.spec.podSelector : policy.spec.endpointSelector;
      expect(selector.matchLabels).toEqual({ 'cnpg.io/cluster': cluster.metadata.name });
      const database = { name: 'database', pods: { namespace, labels: { 'cnpg.io/cluster': cluster.metadata.name } }, port: 5432, protocol: 'TCP' as const };
      expect(uncovered(proxyPolicy(objects, kind), [database])).toEqual([]);
      // Between instances (replication, instance manager) and to DNS.
      expect(uncovered(policy, [clusterDns, database, { ...database, port: 8000 }])).toEqual([]);
      expect(await schemaErrors(objects)).toEqual([]);
    });

    it('ingress from the proxy, the migration Job, the other instances, the operator and (with the PodMonitor) Prometheus', async () => {
      const objects = await renderScenario('ci/04-cnpg.yaml');
      const policy = databasePolicy(objects);
      const job = single(objects, 'Job');
      const sources = (policy.spec.ingress as any[]).map((rule) => {
        const peer = kind === 'NetworkPolicy' ? rule.from[0] : rule.fromEndpoints[0];
        const labels = kind === 'NetworkPolicy' ? { ...peer.podSelector?.matchLabels } : { ...peer.matchLabels };
        const ns = kind === 'NetworkPolicy' ? peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name'] : labels['k8s:io.kubernetes.pod.namespace'];
        delete labels['k8s:io.kubernetes.pod.namespace'];
        const ports = (kind === 'NetworkPolicy' ? rule.ports : rule.toPorts[0].ports).map((p: any) => Number(p.port));
        return { ns, labels, ports };
      });
      expect(sources).toEqual([
        { ns: 'ai', labels: { 'app.kubernetes.io/name': 'litellm-stack', 'app.kubernetes.io/instance': 'rel' }, ports: [5432] },
        { ns: 'ai', labels: expect.any(Object), ports: [5432] },
        { ns: 'ai', labels: { 'cnpg.io/cluster': 'rel-litellm-stack-db' }, ports: [5432, 8000] },
        { ns: 'cnpg-system', labels: { 'app.kubernetes.io/name': 'cloudnative-pg' }, ports: [5432, 8000] },
        { ns: 'monitoring', labels: {}, ports: [9187] },
      ]);
      // The migration rule selects the Job's pods (and not the proxy's).
      const jobLabels = job.spec.template.metadata.labels;
      expect(Object.entries(sources[1]!.labels).every(([key, value]) => jobLabels[key] === value)).toBe(true);
      const noMonitor = databasePolicy(await renderScenario('ci/04-cnpg.yaml', { database: { cnpg: { podMonitor: { enabled: false } } } }));
      expect(JSON.stringify(noMonitor.spec.ingress)).not.toContain('9187');
    });

    it('egress to the Kubernetes API, and to the object store only when backups are on', async () => {
      const withBackup = databasePolicy(await renderScenario('ci/06-backup.yaml'));
      const store = { name: 'object store', host: 'rustfs.storage.svc.cluster.local', port: 9000, protocol: 'TCP' as const };
      expect(uncovered(withBackup, [store])).toEqual([]);
      expect(uncovered(databasePolicy(await renderScenario('ci/04-cnpg.yaml')), [store])).toEqual([store]);
      const api = (withBackup.spec.egress as any[]).filter((rule) =>
        kind === 'NetworkPolicy' ? rule.ports.some((p: any) => p.port === 6443) : rule.toEntities?.includes('kube-apiserver'),
      );
      expect(api).toHaveLength(1);
    });
  });
});
