// Network policies: derived from what is enabled, in both flavours, under Helm 3 and Helm 4.
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { objectsOfKind, render, single, tryRender, type K8sObject } from '../support/chart.ts';
import { expectedPath, rejection } from '../support/bad-values.ts';
import { clusterDns, proxyDependencies, uncovered } from '../support/network.ts';
import { scenarioFiles } from '../support/scenarios.ts';
import { schemaErrors } from '../support/validate.ts';

const namespace = 'ai';
const flavors = [
  { flavor: 'kubernetes', kind: 'NetworkPolicy' },
  { flavor: 'cilium', kind: 'CiliumNetworkPolicy' },
] as const;

const proxyPolicy = (objects: K8sObject[], kind: string) => {
  const policy = objectsOfKind(objects, kind).find((o) => o.metadata.name === 'rel-litellm-stack');
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
      const objects = await render(major, { files: [file], values: { networkPolicy: { enabled: true, flavor } } });
      const policy = proxyPolicy(objects, kind);
      const deps = [clusterDns, ...proxyDependencies(objects, namespace)];
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

  it('ingress on the proxy port from the gateway, the listed namespaces and Prometheus only', async () => {
    for (const { file, kind } of [
      { file: 'ci/16-networkpolicy.yaml', kind: 'NetworkPolicy' },
      { file: 'ci/17-networkpolicy-cilium.yaml', kind: 'CiliumNetworkPolicy' },
    ]) {
      const policy = proxyPolicy(await render(major, { files: [file] }), kind);
      expect(ingressNamespaces(policy).sort()).toEqual(['envoy-gateway-system', 'gateway', 'monitoring']);
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
    expect(policy.spec.ingress).toContainEqual({ fromEntities: ['ingress'], toPorts: [{ ports: [{ port: '4000', protocol: 'TCP' }] }] });
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

  it('no database policy without a CNPG database', async () => {
    const objects = await render(major, { files: ['ci/16-networkpolicy.yaml'] });
    expect(objectsOfKind(objects, 'NetworkPolicy').map((o) => o.metadata.name)).toEqual(['rel-litellm-stack']);
    expect(single(objects, 'NetworkPolicy').spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'litellm-stack', 'app.kubernetes.io/instance': 'rel' });
  });

  it.each(['47-networkpolicy-unknown-flavor.yaml', '54-networkpolicy-peer-bad-cidr.yaml'])('rejects bad-values/%s naming the value', async (file) => {
    expect(await rejection(major, file)).toContain(expectedPath(file));
  });
});
