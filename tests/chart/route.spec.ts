// Gateway API routing: HTTPRoute in the release namespace or another one (with a ReferenceGrant).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { objectsOfKind, render, single, tryRender } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';
import { adminPaths, inferencePaths } from '../../packages/catalog/src/values/areas/route.ts';
import { venvBin } from '../../tools/python-env.ts';

/** LiteLLM 1.80.8's own route lists (litellm.proxy._types.LiteLLMRoutes), read from the installed proxy. */
function liteLLMRoutes(): Record<string, string[]> {
  const script = 'import json; from litellm.proxy._types import LiteLLMRoutes as R; print(json.dumps({m.name: sorted(m.value) for m in R}))';
  return JSON.parse(execFileSync(venvBin('python'), ['-c', script], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LITELLM_LOCAL_MODEL_COST_MAP: 'True' } }));
}

/**
 * Every path LiteLLM 1.80.8's management routers declare (proxy/management_endpoints: each decorator's
 * path after its router's prefix), read from the installed source.
 */
function managementRouterPaths(): string[] {
  const script = String.raw`
import importlib.util, json, pathlib, re
paths = []
# find_spec locates the package without importing it (importing the proxy takes ~20 s).
for f in pathlib.Path(importlib.util.find_spec("litellm").submodule_search_locations[0], "proxy", "management_endpoints").rglob("*.py"):
    text = f.read_text()
    prefix = re.search(r'APIRouter\(\s*prefix="([^"]*)"', text)
    paths += [(prefix.group(1) if prefix else "") + p for p in re.findall(r'\.(?:get|post|put|patch|delete|api_route)\(\s*"(/[^"]*)"', text)]
print(json.dumps(sorted(set(paths))))`;
  return JSON.parse(execFileSync(venvBin('python'), ['-c', script], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LITELLM_LOCAL_MODEL_COST_MAP: 'True' } }));
}

/** Gateway API PathPrefix semantics: whole segments (`/v1` matches `/v1` and `/v1/x`, not `/v1x`). */
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);

describe('route.paths against LiteLLM 1.80.8\'s route lists', () => {
  const routes = liteLLMRoutes();
  const published = (path: string) => inferencePaths.some((prefix) => under(path, prefix));

  it('publishes every OpenAI- and Anthropic-shaped route but the /utils helpers', () => {
    const missing = [...routes.openai_routes!, ...routes.anthropic_routes!].filter((path) => !published(path) && !path.startsWith('/utils/'));
    expect(missing).toEqual([]);
  });

  it.each(['management_routes', 'key_management_routes', 'spend_tracking_routes', 'global_spend_tracking_routes', 'master_key_only_routes', 'self_managed_routes', 'org_admin_only_routes'])(
    'publishes none of %s, nor /metrics or the UI',
    (list) => {
      expect(routes[list]!.length).toBeGreaterThan(0);
      expect(routes[list]!.filter(published)).toEqual([]);
      expect(['/metrics', '/metrics/', '/ui', '/ui/login', '/sso/key/generate'].filter(published)).toEqual([]);
    },
  );
});

describe('route.admin.paths against LiteLLM 1.80.8\'s route lists and management routers', () => {
  const routes = liteLLMRoutes();
  const routed = (path: string) => [...inferencePaths, ...adminPaths].some((prefix) => under(path, prefix));
  const adminLists = ['management_routes', 'key_management_routes', 'spend_tracking_routes', 'global_spend_tracking_routes', 'master_key_only_routes', 'self_managed_routes', 'org_admin_only_routes', 'org_admin_allowed_routes', 'admin_viewer_routes', 'ui_routes', 'internal_user_routes', 'internal_user_view_only_routes', 'info_routes'];

  it('every route of the admin, UI and management lists is on the admin or the public route', () => {
    for (const list of adminLists) expect(routes[list]!.filter((path) => !routed(path)), list).toEqual([]);
  });

  it('every path the management routers declare is on the admin or the public route', () => {
    const paths = managementRouterPaths();
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((path) => !routed(path))).toEqual([]);
  });

  it('no admin path reaches /metrics, and none shares a prefix with a public path', () => {
    expect(['/metrics', '/metrics/', '/metrics/x'].filter((path) => adminPaths.some((prefix) => under(path, prefix)))).toEqual([]);
    const overlaps = adminPaths.flatMap((admin) => inferencePaths.filter((pub) => under(admin, pub) || under(pub, admin)).map((pub) => `${admin} ~ ${pub}`));
    expect(overlaps).toEqual([]);
  });
});

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
        matches: inferencePaths.map((value) => ({ path: { type: 'PathPrefix', value } })),
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

  it('the admin route (ci/63): its own listener and host, admin paths then the public ones; the public route unchanged; gateways let in, OIDC back to the admin host', async () => {
    const objects = await render(major, { files: ['ci/63-admin-route.yaml'] });
    const routes = objectsOfKind(objects, 'HTTPRoute');
    expect(routes).toHaveLength(2);
    const [publicRoute, adminRoute] = [routes[0]!, routes[1]!];
    const prefixes = (rule: any) => rule.matches.map((m: any) => m.path.value);
    expect(publicRoute.metadata.name).toBe('rel-litellm-stack');
    expect(publicRoute.spec.rules.map(prefixes)).toEqual([[...inferencePaths]]);
    expect(adminRoute.metadata).toMatchObject({ name: 'rel-litellm-stack-admin', namespace: 'ai' });
    expect(adminRoute.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'internal', namespace: 'gateway-internal', sectionName: 'https' }]);
    expect(adminRoute.spec.hostnames).toEqual(['llm-admin.corp.example.com']);
    expect(adminRoute.spec.rules.map(prefixes)).toEqual([[...adminPaths], [...inferencePaths]]);
    for (const rule of adminRoute.spec.rules) {
      expect(rule.backendRefs).toEqual(publicRoute.spec.rules[0].backendRefs);
      expect(rule.timeouts).toEqual({ request: '600s' });
    }
    const policy = objectsOfKind(objects, 'NetworkPolicy').find((o) => o.metadata.name === 'rel-litellm-stack')!;
    const namespaces = policy.spec.ingress.flatMap((rule: any) => rule.from.map((peer: any) => peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name']));
    expect(namespaces).toEqual(expect.arrayContaining(['gateway', 'gateway-internal']));
    const env = single(objects, 'Deployment').spec.template.spec.containers[0].env;
    expect(env.find((e: any) => e.name === 'PROXY_BASE_URL').value).toBe('https://llm-admin.corp.example.com');
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('an admin route in another namespace shares the public route\'s ReferenceGrant; without parentRefs it takes the public ones', async () => {
    const objects = await render(major, {
      files: ['ci/15-route-cross-namespace.yaml'],
      values: { route: { hostnames: ['llm.example.com'], admin: { enabled: true, hostnames: ['admin.example.com'] } } },
    });
    const routes = objectsOfKind(objects, 'HTTPRoute');
    expect(routes).toHaveLength(2);
    const [publicRoute, adminRoute] = [routes[0]!, routes[1]!];
    expect(adminRoute.metadata.namespace).toBe('edge-routes');
    expect(adminRoute.spec.parentRefs).toEqual(publicRoute.spec.parentRefs);
    expect(adminRoute.spec.rules[0].backendRefs[0]).toMatchObject({ name: 'rel-litellm-stack', namespace: 'ai' });
    expect(objectsOfKind(objects, 'ReferenceGrant')).toHaveLength(1);
  });
});
