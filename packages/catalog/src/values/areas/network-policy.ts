// Network policies. Their rules are derived from what is enabled; these values only say where a
// dependency runs when its host name does not tell (and what the cluster's DNS and operators are).
import { bool, group, int, labelKeys, labelValues, oneOf, openList, openMap, orEmpty, patterns, str, strList, type SpecNode } from '../spec.ts';

export const networkPolicyFlavors = ['kubernetes', 'cilium'] as const;

/** Address ranges that are not the public internet (RFC 1918, CGNAT, link-local, loopback, …). */
export const nonPublicRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8', '0.0.0.0/8'];

const cidr = { pattern: '^$|^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$' };
const dnsLabel = { pattern: orEmpty(patterns.dnsLabel), maxLength: 63 };
const labels = (description: string, value: Record<string, string> = {}) => openMap(description, value, labelValues, labelKeys);

const peer = (what: string) =>
  group(`Where ${what} runs, when its host name does not say it. Precedence: cidr, then namespace (+ podLabels), then the host name.`, {
    namespace: str('Namespace of its pods.', '', dnsLabel),
    podLabels: labels('Labels of its pods (with namespace; empty: any pod there).'),
    cidr: str('Address range instead of pods (e.g. a VM or a managed service).', '', cidr),
    port: int('Port its pods listen on, when it differs from the port the URL or host names (a Service may map ports).', null, { minimum: 1, maximum: 65535 }),
  });

export const networkPolicyArea: Record<string, SpecNode> = {
  networkPolicy: group(
    'Network policies for the proxy (and the CNPG database pods), derived from the enabled features: DNS, database, cache, tracing collector, OIDC issuer, Langfuse, LLM providers; ingress from the gateway and monitoring namespaces. See docs/network-policy.md.',
    {
      enabled: bool('Render the policies.', false),
      flavor: oneOf('`kubernetes`: networking.k8s.io/v1 NetworkPolicy (providers reachable on 443 in public address ranges). `cilium`: cilium.io/v2 CiliumNetworkPolicy (providers by host name, toFQDNs; with metrics on, L7 rules keep /metrics to the monitoring namespace, which NetworkPolicy cannot: LiteLLM serves it on the proxy port).', networkPolicyFlavors, 'kubernetes'),
      dns: group('The cluster DNS the pods resolve names with.', {
        namespace: str('Namespace of the DNS pods.', 'kube-system', dnsLabel),
        podLabels: labels('Labels of the DNS pods.', { 'k8s-app': 'kube-dns' }),
      }),
      ingress: group('Who may call the proxy (on its container port). The route\'s gateway namespaces are always allowed.', {
        namespaces: strList('Further namespaces whose pods may call the proxy (e.g. the gateway\'s data plane when it runs apart from the Gateway, or in-cluster clients).', [], dnsLabel),
        monitoringNamespace: str('Namespace of Prometheus: may scrape the proxy (when metrics are on) and the database pods. In the cilium flavour it may only GET /metrics on the proxy port, and no other caller may.', 'monitoring', dnsLabel),
      }),
      peers: group('Overrides for dependencies whose pods the host name does not locate.', {
        database: peer('the external database (database.mode external)'),
        cache: peer('the cache'),
        tracing: peer('the OpenTelemetry collector'),
        oidc: peer('the OIDC issuer (its in-cluster URL)'),
        langfuse: peer('Langfuse'),
        objectStore: peer('the backup object store'),
      }),
      providers: group('Egress to the LLM providers (HTTPS, 443).', {
        except: strList('kubernetes flavour: ranges cut out of 0.0.0.0/0, so provider egress reaches only public addresses.', nonPublicRanges, cidr),
        extraFQDNs: strList('cilium flavour: further provider host names (or `*.` patterns) besides those of the enabled credentials.', [], {
          pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$',
        }),
      }),
      apiServer: group('The Kubernetes API server, which the CNPG instance manager in the database pods calls. Cilium selects it as the kube-apiserver entity.', {
        cidrs: strList('kubernetes flavour: its addresses; empty: any address (NetworkPolicy cannot select the API server).', [], cidr),
        ports: openList('Its ports.', [443, 6443], { type: 'integer', minimum: 1, maximum: 65535 }),
      }),
      cnpgOperator: group('The CloudNativePG operator, which calls the database pods\' instance manager.', {
        namespace: str('Its namespace.', 'cnpg-system', dnsLabel),
        podLabels: labels('Its pods\' labels.', { 'app.kubernetes.io/name': 'cloudnative-pg' }),
      }),
    },
  ),
};
