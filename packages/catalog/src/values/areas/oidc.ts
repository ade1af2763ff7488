// OIDC login to the LiteLLM admin UI (LiteLLM's generic SSO provider, GENERIC_* env vars).
import { envNamePattern } from '../catalog.ts';
import { bool, group, orEmpty, patterns, str, type SpecNode } from '../spec.ts';

const optionalUrl = { pattern: orEmpty(patterns.url) };

export const oidcArea: Record<string, SpecNode> = {
  oidc: group(
    'Single sign-on to the admin UI through an OIDC provider (e.g. Keycloak). The browser uses the issuer\'s external URL; the proxy calls the token and userinfo endpoints server-to-server, through the in-cluster URL when one is given. Needs a database (users are stored there).',
    {
      enabled: bool('Wire GENERIC_* and PROXY_BASE_URL into the proxy.', false),
      clientId: str('GENERIC_CLIENT_ID.', '', { pattern: patterns.token }),
      clientSecretKey: str('Secret key holding GENERIC_CLIENT_SECRET.', 'GENERIC_CLIENT_SECRET', { pattern: envNamePattern }),
      issuerUrl: str(
        'The issuer\'s external URL (Keycloak: https://sso.example.com/realms/<realm>). Derives the endpoints that are left empty: <issuer>/protocol/openid-connect/{auth,token,userinfo}.',
        '',
        optionalUrl,
      ),
      internalIssuerUrl: str(
        'The same issuer reached inside the cluster (e.g. http://keycloak.sso.svc.cluster.local/realms/<realm>); derives the token and userinfo endpoints. Empty: issuerUrl.',
        '',
        optionalUrl,
      ),
      authorizationEndpoint: str('GENERIC_AUTHORIZATION_ENDPOINT (the browser goes there). Empty: derived from issuerUrl.', '', optionalUrl),
      tokenEndpoint: str('GENERIC_TOKEN_ENDPOINT (server-to-server). Empty: derived from internalIssuerUrl or issuerUrl.', '', optionalUrl),
      userinfoEndpoint: str('GENERIC_USERINFO_ENDPOINT (server-to-server). Empty: derived from internalIssuerUrl or issuerUrl.', '', optionalUrl),
      scope: str('GENERIC_SCOPE.', 'openid email profile', { minLength: 1, pattern: patterns.line }),
      proxyBaseUrl: str('PROXY_BASE_URL: the proxy\'s external URL; the provider redirects to <url>/sso/callback. Empty: https://<first route hostname>.', '', optionalUrl),
    },
    {
      schema: {
        if: { properties: { enabled: { const: true } }, required: ['enabled'] },
        then: { properties: { clientId: { minLength: 1 } } },
      },
    },
  ),
};
