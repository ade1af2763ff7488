// Gateway API routing to the proxy Service.
import type { JSONSchema7 } from 'json-schema';
import { liteLLMKeysVersion } from '../litellm-keys.ts';
import { bool, group, labelKeys, labelValues, openList, openMap, orEmpty, patterns, str, strList, type SpecNode } from '../spec.ts';

/**
 * The public route's path prefixes: every route in LiteLLM 1.80.8's LiteLLMRoutes.openai_routes and
 * anthropic_routes falls under one (but /utils/*), and none of its management, key, spend or admin routes.
 */
export const inferencePaths = [
  '/v1', '/v2/rerank', '/chat', '/completions', '/embeddings', '/models', '/images', '/audio', '/moderations', '/rerank',
  '/responses', '/batches', '/files', '/realtime', '/assistants', '/threads', '/vector_stores', '/fine_tuning', '/engines',
  '/openai/deployments', '/videos', '/ocr', '/search',
] as const;

/**
 * The admin route's path prefixes: the admin UI and its assets, SSO login, and the management APIs.
 * tests/chart/route.spec.ts checks that every route of LiteLLM 1.80.8's management, key, spend, UI and
 * admin lists (LiteLLMRoutes) and every path its management_endpoints routers declare falls under one
 * of these or under an inference path, and that none reaches /metrics.
 */
export const adminPaths = [
  '/ui', '/sso', '/login', '/fallback/login', '/onboarding', '/get_image', '/get_logo_url', '/litellm-asset-prefix',
  '/.well-known/litellm-ui-config', '/litellm/.well-known', '/key', '/v2/key', '/team', '/v2/team', '/user', '/organization',
  '/customer', '/end_user', '/budget', '/tag', '/model', '/v2/model', '/model_group', '/model_hub', '/access_group',
  '/spend', '/global', '/config', '/get', '/cache', '/callbacks', '/router', '/tools', '/make_public', '/prompt', '/health',
  '/memory-usage-in-mem-cache', '/memory-usage-in-mem-cache-items', '/scim',
] as const;

const dnsLabel = { pattern: orEmpty(patterns.dnsLabel), maxLength: 63 };
/** Gateway API's Duration (GEP-2257). */
const gatewayDuration = { pattern: '^$|^([0-9]{1,5}(h|m|s|ms)){1,4}$' };

const parentRef: JSONSchema7 = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: patterns.dnsSubdomain, maxLength: 253, description: 'Gateway name.' },
    namespace: { type: 'string', ...dnsLabel, description: 'Gateway namespace; empty: the route\'s.' },
    sectionName: { type: 'string', pattern: patterns.dnsSubdomain, maxLength: 253, description: 'Listener name.' },
    port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Listener port.' },
  },
};

/** An absolute path prefix: no control characters, spaces or query (checked for `//`, `.` and `..` by the template). */
const pathPattern = "^/([-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})*$";

const hostname = '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';

export const routeArea: Record<string, SpecNode> = {
  route: group(
    'Gateway API HTTPRoute to the proxy Service. In another namespace than the release, the chart adds a ReferenceGrant in the release namespace that lets exactly that namespace\'s HTTPRoutes reach the Service.',
    {
      enabled: bool('Render the HTTPRoute.', false),
      namespace: str('Namespace of the HTTPRoute; empty: the release namespace.', '', dnsLabel),
      parentRefs: openList('Gateways the route attaches to: `{name, namespace, sectionName, port}`. At least one when enabled.', [], parentRef),
      hostnames: strList('Host names the route answers. The first also gives PROXY_BASE_URL for OIDC when oidc.proxyBaseUrl is empty.', [], { pattern: hostname }),
      pathPrefix: str(
        'One path prefix routed to the proxy instead of `paths` (an absolute path without `//`, `.` or `..` segments). `/` publishes everything, the admin UI, management APIs and /metrics included. Empty: `paths`.',
        '',
        { pattern: "^(/([-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})*)?$" },
      ),
      paths: strList(
        `Path prefixes routed to the proxy when pathPrefix is empty: LiteLLM ${liteLLMKeysVersion}'s inference APIs (OpenAI, Azure and Anthropic shapes) and the model list, never the admin UI, management APIs or /metrics (tests/chart/route.spec.ts checks them against LiteLLM's own route lists).`,
        [...inferencePaths],
        { pattern: pathPattern },
      ),
      admin: group(
        'A second HTTPRoute for the admin UI, SSO login and management APIs, on another Gateway listener or host name than the public route (the chart refuses one that shares a listener and a host name with it). It carries `paths` and, after them, the public route\'s paths, because the UI calls the model list and the inference APIs on its own origin. It shares the route\'s namespace, timeouts, labels and annotations. Never /metrics.',
        {
          enabled: bool('Render the admin HTTPRoute (needs route.enabled).', false),
          parentRefs: openList('Gateways the admin route attaches to: `{name, namespace, sectionName, port}`; empty: route.parentRefs (then hostnames must differ from route.hostnames).', [], parentRef),
          hostnames: strList('Host names the admin route answers; none of route.hostnames when it shares a listener with the public route. The first also gives PROXY_BASE_URL for OIDC (the SSO callback is on this route) when oidc.proxyBaseUrl is empty.', [], { pattern: hostname }),
          paths: {
            ...strList(
              `Path prefixes of the admin route: LiteLLM ${liteLLMKeysVersion}'s UI, SSO and management APIs (tests/chart/route.spec.ts checks them against LiteLLM's route lists and management routers). None may lie under a public path, or the public route would publish it. At most 64 (Gateway API's limit per rule).`,
              [...adminPaths],
              { pattern: pathPattern },
            ),
            schema: { items: { type: 'string', pattern: pathPattern }, minItems: 1, maxItems: 64 },
          },
        },
      ),
      timeouts: group('HTTPRoute rule timeouts. LLM responses (and streams) are slow: the default matches litellm.router.timeout.', {
        request: str('Whole request timeout; empty: the Gateway\'s default.', '600s', gatewayDuration),
        backendRequest: str('Timeout of one request to the proxy (retries included in `request`); empty: not set.', '', gatewayDuration),
      }),
      labels: openMap('Extra labels of the HTTPRoute.', {}, labelValues, labelKeys),
      annotations: openMap('Annotations of the HTTPRoute.', {}, { type: 'string' }, labelKeys),
    },
    {
      schema: {
        if: { properties: { enabled: { const: true } }, required: ['enabled'] },
        then: { required: ['parentRefs'], properties: { parentRefs: { minItems: 1 } } },
      },
    },
  ),
  ingress: group(
    'networking.k8s.io/v1 Ingress to the proxy Service, for clusters without Gateway API (it may run next to the route). It carries the same paths as the route: route.paths (LiteLLM\'s inference APIs), or route.pathPrefix, as Prefix paths. Ingress has no standard timeout: most controllers cut a response after 60 s without a byte (ingress-nginx: proxy-read-timeout), so set your controller\'s timeout annotations to litellm.router.timeout.',
    {
      enabled: bool('Render the Ingress.', false),
      className: str('ingressClassName; empty: the cluster\'s default IngressClass.', '', { pattern: orEmpty(patterns.dnsSubdomain), maxLength: 253 }),
      hostnames: strList('Host names the Ingress answers (at least one). The first also gives PROXY_BASE_URL for OIDC when oidc.proxyBaseUrl is empty and no route is enabled.', [], { pattern: hostname }),
      tls: openList('TLS: `{secretName, hosts}`; the Secret (kubernetes.io/tls) lives in the release namespace.', [], {
        type: 'object',
        additionalProperties: false,
        required: ['secretName'],
        properties: {
          secretName: { type: 'string', pattern: patterns.dnsSubdomain, maxLength: 253, description: 'TLS Secret name.' },
          hosts: { type: 'array', items: { type: 'string', pattern: hostname }, description: 'Host names the certificate covers; empty: all of hostnames.' },
        },
      }),
      controllerNamespace: str('Namespace of the ingress controller\'s pods: with networkPolicy.enabled they are let in to the proxy port (required then).', '', dnsLabel),
      labels: openMap('Extra labels of the Ingress.', {}, labelValues, labelKeys),
      annotations: openMap('Annotations of the Ingress (controller settings: timeouts, body size, cert-manager issuer).', {}, { type: 'string' }, labelKeys),
    },
  ),
};
