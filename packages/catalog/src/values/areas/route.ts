// Gateway API routing to the proxy Service.
import type { JSONSchema7 } from 'json-schema';
import { bool, group, labelKeys, labelValues, openList, openMap, orEmpty, patterns, str, strList, type SpecNode } from '../spec.ts';

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

export const routeArea: Record<string, SpecNode> = {
  route: group(
    'Gateway API HTTPRoute to the proxy Service. In another namespace than the release, the chart adds a ReferenceGrant in the release namespace that lets exactly that namespace\'s HTTPRoutes reach the Service.',
    {
      enabled: bool('Render the HTTPRoute.', false),
      namespace: str('Namespace of the HTTPRoute; empty: the release namespace.', '', dnsLabel),
      parentRefs: openList('Gateways the route attaches to: `{name, namespace, sectionName, port}`. At least one when enabled.', [], parentRef),
      hostnames: strList('Host names the route answers. The first also gives PROXY_BASE_URL for OIDC when oidc.proxyBaseUrl is empty.', [], {
        pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
      }),
      pathPrefix: str('Path prefix routed to the proxy: an absolute path without `//`, `.` or `..` segments.', '/', {
        pattern: "^/([-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})*$",
      }),
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
};
