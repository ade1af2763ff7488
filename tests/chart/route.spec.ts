// Gateway API routing: HTTPRoute in the release namespace or another one (with a ReferenceGrant).
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { objectsOfKind, render, single, tryRender } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';

describe.each(helmMajors)('route (%s)', (major) => {
  it('renders nothing by default', async () => {
    const objects = await render(major, { files: ['ci/01-minimal.yaml'] });
    expect(objects.filter((o) => o.apiVersion.startsWith('gateway.networking.k8s.io/'))).toEqual([]);
  });

  it('an HTTPRoute in the release namespace sends the path prefix to the proxy Service, with timeouts', async () => {
    const objects = await render(major, { files: ['ci/14-route.yaml'] });
    const route = single(objects, 'HTTPRoute');
    const service = single(objects, 'Service');
    expect(route.metadata.namespace).toBe('ai');
    expect(route.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateway', sectionName: 'https' }]);
    expect(route.spec.hostnames).toEqual(['llm.example.com', 'ai.example.com']);
    expect(route.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [{ group: '', kind: 'Service', name: service.metadata.name, port: service.spec.ports[0].port }],
        timeouts: { request: '900s', backendRequest: '300s' },
      },
    ]);
    expect(objectsOfKind(objects, 'ReferenceGrant')).toEqual([]);
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('a per-try timeout within the request timeout, or with request 0s (no limit), is accepted', async () => {
    for (const timeouts of [{ request: '10m', backendRequest: '600s' }, { request: '0s', backendRequest: '5m' }]) {
      const route = single(await render(major, { files: ['ci/14-route.yaml'], values: { route: { timeouts } } }), 'HTTPRoute');
      expect(route.spec.rules[0].timeouts).toEqual(timeouts);
    }
  });

  it('the same Gateway through two listeners is two parentRefs, and a sub-path prefix is fine', async () => {
    const route = single(
      await render(major, {
        files: ['ci/14-route.yaml'],
        values: { route: { pathPrefix: '/llm/v1', parentRefs: [{ name: 'public', namespace: 'gateway', sectionName: 'https' }, { name: 'public', namespace: 'gateway', sectionName: 'http' }] } },
      }),
      'HTTPRoute',
    );
    expect(route.spec.parentRefs.map((p: any) => p.sectionName)).toEqual(['https', 'http']);
    expect(route.spec.rules[0].matches[0].path.value).toBe('/llm/v1');
  });

  it.each(['/llm/../admin', '/llm//v1', '/llm/.', '/llm proxy', '/llm?x=1'])('refuses the path prefix %s, naming route.pathPrefix', async (pathPrefix) => {
    const result = await tryRender(major, { files: ['ci/14-route.yaml'], values: { route: { pathPrefix } } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/route[./]pathPrefix/);
  });

  it('the backend port follows service.port', async () => {
    const route = single(await render(major, { files: ['ci/14-route.yaml'], values: { service: { port: 8080 } } }), 'HTTPRoute');
    expect(route.spec.rules[0].backendRefs[0].port).toBe(8080);
  });

  it('in another namespace: the backendRef crosses namespaces and a ReferenceGrant allows exactly that', async () => {
    const objects = await render(major, { files: ['ci/15-route-cross-namespace.yaml'] });
    const route = single(objects, 'HTTPRoute');
    const grant = single(objects, 'ReferenceGrant');
    expect(route.metadata.namespace).toBe('edge-routes');
    expect(route.spec.rules[0].backendRefs[0]).toMatchObject({ kind: 'Service', name: 'rel-litellm-stack', namespace: 'ai' });
    // A parentRef without a namespace means the route's own namespace.
    expect(route.spec.parentRefs.map((p: any) => `${p.namespace}/${p.name}`)).toEqual(['gateway/public', 'edge-routes/internal']);
    expect(grant.metadata.namespace).toBe('ai');
    expect(grant.spec).toEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'edge-routes' }],
      to: [{ group: '', kind: 'Service', name: 'rel-litellm-stack' }],
    });
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('route.namespace equal to the release namespace needs no ReferenceGrant', async () => {
    const objects = await render(major, { files: ['ci/15-route-cross-namespace.yaml'], values: { route: { namespace: 'ai' } } });
    expect(objectsOfKind(objects, 'ReferenceGrant')).toEqual([]);
    expect(single(objects, 'HTTPRoute').spec.rules[0].backendRefs[0].namespace).toBeUndefined();
  });
});
