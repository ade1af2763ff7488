// The client's auth and paging logic against a scripted fetch (the real registry is in tests/release).
import { describe, expect, it } from 'vitest';
import { basicAuth, mediaTypes } from './oci.ts';
import { RegistryClient, type Fetch } from './registry-client.ts';

type Handler = (url: URL, headers: Record<string, string>) => Response;

function scripted(handler: Handler): { fetch: Fetch; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      calls.push(`${url} ${headers.Authorization ?? '-'}`);
      return handler(new URL(url), headers);
    },
  };
}

const json = (body: unknown, init: ResponseInit = {}) => new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
const credentials = { username: 'u', password: 'p' };

describe('RegistryClient', () => {
  it('answers a Basic challenge with the credentials, then keeps sending them', async () => {
    const { fetch, calls } = scripted((url, headers) =>
      headers.Authorization === basicAuth(credentials) ? json(url.pathname.endsWith('/tags/list') ? { tags: ['0.1.0'] } : {}) : new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="r"' } }),
    );
    const client = new RegistryClient({ host: 'r:5000', plainHttp: true, credentials, fetch });
    await client.ping();
    expect(await client.tags('charts/x')).toEqual(['0.1.0']);
    expect(calls).toEqual([`http://r:5000/v2/ -`, `http://r:5000/v2/ ${basicAuth(credentials)}`, `http://r:5000/v2/charts/x/tags/list?n=1000 ${basicAuth(credentials)}`]);
  });

  it('gets a Bearer token for the repository scope', async () => {
    const { fetch, calls } = scripted((url, headers) => {
      if (url.pathname === '/token') {
        expect(headers.Authorization).toBe(basicAuth(credentials));
        return json({ token: `t-${url.searchParams.get('scope')}` });
      }
      if (headers.Authorization === 'Bearer t-repository:acme/charts/x:pull') return json({ tags: ['1.0.0'] });
      return new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="https://r.example/token",service="r.example",scope="repository:acme/charts/x:pull"' } });
    });
    const client = new RegistryClient({ host: 'r.example', plainHttp: false, credentials, fetch });
    expect(await client.tags('acme/charts/x')).toEqual(['1.0.0']);
    expect(calls[1]).toBe(`https://r.example/token?service=r.example&scope=repository%3Aacme%2Fcharts%2Fx%3Apull ${basicAuth(credentials)}`);
  });

  it('says when credentials are wrong and when they are missing', async () => {
    const deny = scripted(() => new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="r"' } })).fetch;
    await expect(new RegistryClient({ host: 'r', plainHttp: true, credentials, fetch: deny }).ping()).rejects.toThrow('registry r rejected the credentials of user "u" (HTTP 401 Unauthorized)');
    await expect(new RegistryClient({ host: 'r', plainHttp: true, fetch: deny }).ping()).rejects.toThrow(/^registry r requires credentials \(HTTP 401\)/);
    const tokenDenied = scripted((url) =>
      url.pathname === '/token' ? new Response('', { status: 401 }) : new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="https://r/token",service="r"' } }),
    ).fetch;
    await expect(new RegistryClient({ host: 'r', plainHttp: false, credentials, fetch: tokenDenied }).ping()).rejects.toThrow('rejected the credentials');
  });

  it('reads no tags from a repository that does not exist, and pages through long tag lists', async () => {
    const missing = scripted(() => json({ errors: [{ code: 'NAME_UNKNOWN' }] }, { status: 404 })).fetch;
    expect(await new RegistryClient({ host: 'r', plainHttp: true, fetch: missing }).tags('c/x')).toEqual([]);
    const paged = scripted((url) =>
      url.searchParams.get('last') ? json({ tags: ['0.2.0'] }) : json({ tags: ['0.1.0'] }, { headers: { Link: '</v2/c/x/tags/list?last=0.1.0&n=1>; rel="next"' } }),
    ).fetch;
    expect(await new RegistryClient({ host: 'r', plainHttp: true, fetch: paged }).tags('c/x')).toEqual(['0.1.0', '0.2.0']);
  });

  it('reads a manifest with its digest, and none for an unknown tag', async () => {
    const manifest = { schemaVersion: 2, config: { mediaType: mediaTypes.config, digest: 'sha256:c', size: 1 }, layers: [] };
    const { fetch } = scripted((url, headers) => {
      expect(headers.Accept).toBe(mediaTypes.manifest);
      return url.pathname.endsWith('/0.1.0') ? json(manifest, { headers: { 'Docker-Content-Digest': 'sha256:m' } }) : json({}, { status: 404 });
    });
    const client = new RegistryClient({ host: 'r', plainHttp: true, fetch });
    expect(await client.manifest('c/x', '0.1.0')).toMatchObject({ digest: 'sha256:m', manifest });
    expect(await client.manifest('c/x', '9.9.9')).toBeUndefined();
  });

  it('turns a failed connection into a one-line reason', async () => {
    const refused: Fetch = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    await expect(new RegistryClient({ host: 'r:1', plainHttp: true, fetch: refused }).ping()).rejects.toThrow('registry r:1 is unreachable: connection refused (is it running?)');
  });
});
