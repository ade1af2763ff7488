// OIDC login: GENERIC_* wiring, the issuer shortcuts, and what the chart refuses, under Helm 3 and 4.
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { objectsOfKind, proxyContainer, render, type K8sObject } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';

const env = (objects: K8sObject[]) => Object.fromEntries((proxyContainer(objects).env as any[]).map((e) => [e.name, e.value ?? e.valueFrom]));
const keycloak = 'http://keycloak-service.keycloak.svc.cluster.local:8080/realms/ai/protocol/openid-connect';

describe.each(helmMajors)('oidc (%s)', (major) => {
  it('derives Keycloak endpoints: the browser\'s from the public issuer, the server-to-server ones from the in-cluster issuer', async () => {
    const objects = await render(major, { files: ['ci/13-oidc.yaml'] });
    expect(env(objects)).toMatchObject({
      GENERIC_CLIENT_ID: 'litellm',
      GENERIC_CLIENT_SECRET: { secretKeyRef: { name: 'litellm-secrets', key: 'GENERIC_CLIENT_SECRET' } },
      GENERIC_AUTHORIZATION_ENDPOINT: 'https://sso.example.com/realms/ai/protocol/openid-connect/auth',
      GENERIC_TOKEN_ENDPOINT: `${keycloak}/token`,
      GENERIC_USERINFO_ENDPOINT: `${keycloak}/userinfo`,
      GENERIC_SCOPE: 'openid email profile',
      // From the route's first hostname.
      PROXY_BASE_URL: 'https://llm.example.com',
    });
    expect(JSON.stringify(objectsOfKind(objects, 'ConfigMap'))).not.toContain('GENERIC_CLIENT_SECRET');
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('explicit endpoints and proxyBaseUrl win over the derived ones; without internalIssuerUrl the public issuer serves all', async () => {
    const explicit = env(
      await render(major, {
        files: ['ci/13-oidc.yaml'],
        values: { oidc: { tokenEndpoint: 'https://idp.example.com/token', proxyBaseUrl: 'https://admin.example.com/', scope: 'openid email' } },
      }),
    );
    expect(explicit.GENERIC_TOKEN_ENDPOINT).toBe('https://idp.example.com/token');
    expect(explicit.GENERIC_USERINFO_ENDPOINT).toBe(`${keycloak}/userinfo`);
    expect(explicit.PROXY_BASE_URL).toBe('https://admin.example.com');
    expect(explicit.GENERIC_SCOPE).toBe('openid email');
    const publicOnly = env(await render(major, { files: ['ci/13-oidc.yaml'], values: { oidc: { internalIssuerUrl: '' } } }));
    expect(publicOnly.GENERIC_TOKEN_ENDPOINT).toBe('https://sso.example.com/realms/ai/protocol/openid-connect/token');
  });

  it('is off by default', async () => {
    const names = Object.keys(env(await render(major, { files: ['ci/01-minimal.yaml'] })));
    expect(names.filter((name) => name.startsWith('GENERIC_') || name === 'PROXY_BASE_URL')).toEqual([]);
  });

  it('a chart-created Secret holds the client secret given in secrets.values', async () => {
    const objects = await render(major, { files: ['ci/13-oidc.yaml'], values: { secrets: { existingSecret: '', values: { GENERIC_CLIENT_SECRET: 'oidc-secret' } } } });
    const secret = objectsOfKind(objects, 'Secret')[0]!;
    expect(Buffer.from(secret.data.GENERIC_CLIENT_SECRET, 'base64').toString()).toBe('oidc-secret');
  });
});
