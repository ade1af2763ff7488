// A small client for the OCI distribution API: enough to read tags, manifests and blobs, with Basic
// and Bearer-token auth (CNCF distribution with htpasswd answers Basic; ghcr.io answers Bearer).
import { createHash } from 'node:crypto';
import { ReleaseError } from './errors.ts';
import { basicAuth, describeNetworkError, mediaTypes, nextLink, parseChallenge, type Credentials, type Manifest } from './oci.ts';

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface RegistryClientOptions {
  host: string;
  plainHttp: boolean;
  credentials?: Credentials;
  fetch?: Fetch;
  timeoutMs?: number;
}

export class RegistryClient {
  readonly host: string;
  private readonly base: string;
  private readonly credentials: Credentials | undefined;
  private readonly fetchFn: Fetch;
  private readonly timeoutMs: number;
  private readonly tokens = new Map<string, string>();
  private readonly plainHttp: boolean;
  private basic = false;

  constructor(options: RegistryClientOptions) {
    this.host = options.host;
    this.base = `${options.plainHttp ? 'http' : 'https'}://${options.host}`;
    this.credentials = options.credentials;
    this.fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.plainHttp = options.plainHttp;
  }

  private async send(url: string, headers: Record<string, string>): Promise<Response> {
    try {
      return await this.fetchFn(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new ReleaseError(describeNetworkError(error, this.host, this.plainHttp));
    }
  }

  private rejected(status: number): ReleaseError {
    return this.credentials
      ? new ReleaseError(`registry ${this.host} rejected the credentials of user "${this.credentials.username}" (HTTP ${status} Unauthorized)`)
      : new ReleaseError(`registry ${this.host} requires credentials (HTTP ${status}): set REGISTRY_USERNAME and REGISTRY_PASSWORD, or log in with helm registry login`);
  }

  private async token(realm: string, service: string | undefined, scope: string | undefined): Promise<string> {
    const key = `${realm} ${service ?? ''} ${scope ?? ''}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const url = new URL(realm);
    if (service) url.searchParams.set('service', service);
    if (scope) url.searchParams.set('scope', scope);
    const response = await this.send(url.toString(), this.credentials ? { Authorization: basicAuth(this.credentials) } : {});
    if (response.status === 401 || response.status === 403) throw this.rejected(401);
    if (!response.ok) throw new ReleaseError(`registry ${this.host}: token endpoint answered HTTP ${response.status}`);
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new ReleaseError(`registry ${this.host}: token endpoint returned no token`);
    this.tokens.set(key, token);
    return token;
  }

  /** GET with auth: answers the registry's challenge once (Basic, or a Bearer token for `scope`). */
  async get(path: string, accept?: string, scope?: string): Promise<Response> {
    const url = path.startsWith('http') ? path : `${this.base}${path}`;
    const headers: Record<string, string> = accept ? { Accept: accept } : {};
    if (this.basic && this.credentials) headers.Authorization = basicAuth(this.credentials);
    let response = await this.send(url, headers);
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    await response.body?.cancel();
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      const token = await this.token(challenge.params.realm, challenge.params.service, challenge.params.scope ?? scope);
      response = await this.send(url, { ...headers, Authorization: `Bearer ${token}` });
    } else if (challenge?.scheme === 'basic' && this.credentials && !this.basic) {
      this.basic = true;
      response = await this.send(url, { ...headers, Authorization: basicAuth(this.credentials) });
    }
    if (response.status === 401) {
      await response.body?.cancel();
      throw this.rejected(401);
    }
    return response;
  }

  /** Checks that the registry answers and accepts the credentials (`GET /v2/`). */
  async ping(): Promise<void> {
    const response = await this.get('/v2/');
    await response.body?.cancel();
    if (!response.ok) throw new ReleaseError(`registry ${this.host} answered HTTP ${response.status} to GET /v2/: is it an OCI registry?`);
  }

  /** Every tag of a repository; none when the repository does not exist yet (404). */
  async tags(repository: string): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = `/v2/${repository}/tags/list?n=1000`;
    for (let page = 0; path && page < 100; page++) {
      const response = await this.get(path, 'application/json', `repository:${repository}:pull`);
      if (response.status === 404) {
        await response.body?.cancel();
        return [];
      }
      if (response.status === 403) throw new ReleaseError(`registry ${this.host} denied reading ${repository} (HTTP 403)`);
      if (!response.ok) throw new ReleaseError(`registry ${this.host}: GET tags of ${repository} answered HTTP ${response.status}`);
      const body = (await response.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      path = nextLink(response.headers.get('link'));
    }
    return tags;
  }

  /** The manifest behind a tag or digest, with the digest the registry computed; undefined when absent. */
  async manifest(repository: string, reference: string): Promise<{ digest: string; manifest: Manifest; bytes: Buffer } | undefined> {
    const response = await this.get(`/v2/${repository}/manifests/${reference}`, mediaTypes.manifest, `repository:${repository}:pull`);
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) throw new ReleaseError(`registry ${this.host}: GET manifest ${repository}:${reference} answered HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = response.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    return { digest, manifest: JSON.parse(bytes.toString('utf8')) as Manifest, bytes };
  }

  async blob(repository: string, digest: string): Promise<Buffer> {
    const response = await this.get(`/v2/${repository}/blobs/${digest}`, undefined, `repository:${repository}:pull`);
    if (!response.ok) throw new ReleaseError(`registry ${this.host}: GET blob ${digest} of ${repository} answered HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}
