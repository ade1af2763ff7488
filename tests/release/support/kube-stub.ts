// A loopback stand-in for a Kubernetes API server that serves only what `helm install --dry-run=client`
// reads under Helm 3.17: /version and API discovery. Helm 3 asks for them even in a client-side dry run
// (Helm 4 does not), and then GETs each object to see whether it exists. Everything but discovery
// answers 404 (an empty cluster); any request other than a GET is recorded, so a test can show that
// nothing was written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KubeStub {
  kubeconfig: string;
  /** Requests other than reads, as `METHOD path`: a dry run must send none. */
  writes: string[];
  requests: string[];
  close: () => Promise<void>;
}

/** `Deployment` → `deployments`, `NetworkPolicy` → `networkpolicies`: enough for Helm's REST mapper. */
export function plural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(s|x|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

const clusterScoped = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'StorageClass']);

export function startKubeStub(kinds: readonly { apiVersion: string; kind: string }[], version = { major: '1', minor: '32', gitVersion: 'v1.32.0' }): Promise<KubeStub> {
  const groups = new Map<string, Map<string, Set<string>>>(); // group → version → kinds
  for (const { apiVersion, kind } of [{ apiVersion: 'v1', kind: 'Secret' }, { apiVersion: 'v1', kind: 'Namespace' }, ...kinds]) {
    const [group, ver] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const versions = groups.get(group!) ?? new Map<string, Set<string>>();
    versions.set(ver!, (versions.get(ver!) ?? new Set()).add(kind));
    groups.set(group!, versions);
  }
  const resourceList = (groupVersion: string, kindSet: Set<string>) => ({
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: [...kindSet].map((kind) => ({ name: plural(kind), singularName: kind.toLowerCase(), namespaced: !clusterScoped.has(kind), kind, verbs: ['get', 'list', 'create', 'update', 'patch', 'delete'] })),
  });
  const stub: KubeStub = { kubeconfig: '', writes: [], requests: [], close: async () => {} };
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    stub.requests.push(`${request.method} ${path}`);
    let body: unknown;
    if (request.method === 'GET') {
      if (path === '/version') body = version;
      else if (path === '/api') body = { kind: 'APIVersions', versions: [...(groups.get('')?.keys() ?? [])], serverAddressByClientCIDRs: [] };
      else if (path === '/apis') {
        body = {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [...groups].filter(([group]) => group !== '').map(([name, versions]) => ({
            name,
            versions: [...versions.keys()].map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
            preferredVersion: { groupVersion: `${name}/${[...versions.keys()][0]}`, version: [...versions.keys()][0] },
          })),
        };
      } else {
        const core = /^\/api\/([^/]+)$/.exec(path);
        const named = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
        const kindSet = core ? groups.get('')?.get(core[1]!) : named ? groups.get(named[1]!)?.get(named[2]!) : undefined;
        if (kindSet) body = resourceList(core ? core[1]! : `${named![1]}/${named![2]}`, kindSet);
      }
    }
    if (body === undefined) {
      if (request.method !== 'GET') stub.writes.push(`${request.method} ${path}`);
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const home = mkdtempSync(join(tmpdir(), 'litellm-kube-stub-'));
      const kubeconfig = join(home, 'config');
      writeFileSync(
        kubeconfig,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [{ name: 'stub', cluster: { server: `http://127.0.0.1:${port}` } }],
          users: [{ name: 'stub', user: {} }],
          contexts: [{ name: 'stub', context: { cluster: 'stub', user: 'stub', namespace: 'litellm' } }],
          'current-context': 'stub',
        }),
      );
      stub.kubeconfig = kubeconfig;
      stub.close = () =>
        new Promise((done) =>
          server.close(() => {
            rmSync(home, { recursive: true, force: true });
            done();
          }),
        );
      resolve(stub);
    });
  });
}
