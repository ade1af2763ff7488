// What the proxy really calls, read from what the chart rendered (config.yaml, env, custom
// resources) rather than from the templates' own derivation, and whether a rendered network policy
// lets each of those calls out. Used by tests/chart/networkpolicy.spec.ts.
import { publicEndpoints } from '../../packages/catalog/src/index.ts';
import { liteLLMConfig, proxyContainer, type K8sObject } from './chart.ts';

export interface Dependency {
  name: string;
  /** Host name or IPv4 address; absent for pod-selected targets. */
  host?: string;
  /** Pods selected by labels in a namespace (the CNPG cluster). */
  pods?: { namespace: string; labels: Record<string, string> };
  port: number;
  protocol: 'TCP' | 'UDP';
}

const envValue = (env: { name: string; value?: string }[], name: string) => env.find((e) => e.name === name)?.value;

function urlDependency(name: string, url: string): Dependency {
  const parsed = new URL(url);
  return { name, host: parsed.hostname, port: parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80, protocol: 'TCP' };
}

/**
 * Where LiteLLM sends a credential's requests when it has no api_base: its provider's public API
 * (LiteLLM's own default for OpenAI-compatible providers, extracted from 1.80.8; the SDK defaults otherwise).
 */
function defaultEndpoint(credential: any): string {
  const values = credential.credential_values;
  const endpoint = publicEndpoints[credential.credential_info.custom_llm_provider];
  if (!endpoint) throw new Error(`credential ${credential.credential_name}: no api_base and no public endpoint known`);
  return endpoint.replace('{region}', values.aws_region_name).replace('{location}', values.vertex_location).replace('https://global-', 'https://');
}

/** Every endpoint the proxy connects to in this render, besides DNS. */
export function proxyDependencies(objects: K8sObject[], namespace: string): Dependency[] {
  const config = liteLLMConfig(objects);
  const env: { name: string; value?: string }[] = proxyContainer(objects).env ?? [];
  const deps: Dependency[] = [];
  const apiBases = new Set<string>();
  for (const credential of config.credential_list ?? []) apiBases.add(credential.credential_values.api_base ?? defaultEndpoint(credential));
  for (const model of config.model_list ?? []) if (model.litellm_params.api_base) apiBases.add(model.litellm_params.api_base);
  for (const base of apiBases) deps.push(urlDependency(`provider ${base}`, base));
  const cache = config.litellm_settings?.cache_params;
  if (config.litellm_settings?.cache && cache?.host) deps.push({ name: 'cache', host: cache.host, port: Number(cache.port ?? 6379), protocol: 'TCP' });
  for (const [name, variable] of [
    ['tracing', 'OTEL_ENDPOINT'],
    ['oidc token', 'GENERIC_TOKEN_ENDPOINT'],
    ['oidc userinfo', 'GENERIC_USERINFO_ENDPOINT'],
    ['langfuse', 'LANGFUSE_HOST'],
  ] as const) {
    const url = envValue(env, variable);
    if (url) deps.push(urlDependency(name, url));
  }
  for (const cluster of objects.filter((o) => o.apiVersion.startsWith('postgresql.cnpg.io/') && o.kind === 'Cluster')) {
    deps.push({ name: 'database', pods: { namespace, labels: { 'cnpg.io/cluster': cluster.metadata.name } }, port: 5432, protocol: 'TCP' });
  }
  return deps;
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToInt(base!) / size) * size;
  const value = ipToInt(ip);
  return value >= start && value < start + size;
}

const isIp = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
/** The namespace of an in-cluster service name (<svc>.<ns>.svc…), if it is one. */
const serviceNamespace = (host: string) => /^[^.]+\.([^.]+)\.svc(\..+)?$/.exec(host)?.[1];
/** A documentation address stands in for "some public address" when a peer allows a public host name. */
const somePublicAddress = '203.0.113.10';

const subset = (wanted: Record<string, string>, labels: Record<string, string> | undefined) =>
  Object.entries(wanted).every(([key, value]) => labels?.[key] === value);

/** Does one peer of a networking.k8s.io NetworkPolicy egress rule reach the dependency? */
function kubernetesPeerAllows(peer: any, dep: Dependency): boolean {
  if (dep.pods) {
    return peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === dep.pods.namespace && subset(dep.pods.labels, peer.podSelector?.matchLabels);
  }
  const host = dep.host!;
  const namespace = serviceNamespace(host);
  if (namespace) return peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === namespace;
  const address = isIp(host) ? host : somePublicAddress;
  const block = peer.ipBlock;
  return Boolean(block) && cidrContains(block.cidr, address) && !(block.except ?? []).some((cidr: string) => cidrContains(cidr, address));
}

/** Does one CiliumNetworkPolicy egress rule reach the dependency? */
function ciliumRuleReaches(rule: any, dep: Dependency): boolean {
  const endpoints: Record<string, string>[] = (rule.toEndpoints ?? []).map((e: any) => e.matchLabels ?? {});
  const namespaceOf = (labels: Record<string, string>) => labels['k8s:io.kubernetes.pod.namespace'];
  if (dep.pods) {
    return endpoints.some((labels) => namespaceOf(labels) === dep.pods!.namespace && subset(dep.pods!.labels, labels));
  }
  const host = dep.host!;
  const namespace = serviceNamespace(host);
  if (namespace) return endpoints.some((labels) => namespaceOf(labels) === namespace);
  if (isIp(host)) return (rule.toCIDRSet ?? []).some((c: any) => cidrContains(c.cidr, host));
  return (rule.toFQDNs ?? []).some(
    (f: any) => f.matchName === host || (f.matchPattern && new RegExp(`^${f.matchPattern.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`).test(host)),
  );
}

/** The dependencies that no egress rule of the policy lets out; empty when all are covered. */
export function uncovered(policy: K8sObject, deps: Dependency[]): Dependency[] {
  const egress: any[] = policy.spec.egress ?? [];
  if (policy.kind === 'NetworkPolicy') {
    return deps.filter(
      (dep) =>
        !egress.some(
          (rule) =>
            (rule.ports ?? [{}]).some((p: any) => p.port === undefined || (p.port === dep.port && (p.protocol ?? 'TCP') === dep.protocol)) &&
            (rule.to ?? []).some((peer: any) => kubernetesPeerAllows(peer, dep)),
        ),
    );
  }
  return deps.filter(
    (dep) =>
      !egress.some(
        (rule) =>
          ciliumRuleReaches(rule, dep) &&
          (rule.toPorts ?? []).some((tp: any) => (tp.ports ?? []).some((p: any) => p.port === String(dep.port) && (p.protocol ?? 'ANY') === dep.protocol)),
      ),
  );
}

/** Cluster DNS as the default values place it. */
export const clusterDns: Dependency = { name: 'dns', pods: { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }, port: 53, protocol: 'UDP' };
