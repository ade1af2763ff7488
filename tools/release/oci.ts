// Pure helpers for OCI registries and Helm's output: auth challenges, manifests, push output, errors.
import { ReleaseError } from './errors.ts';

export const mediaTypes = {
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.cncf.helm.config.v1+json',
  chart: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
  provenance: 'application/vnd.cncf.helm.chart.provenance.v1.prov',
} as const;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface Manifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export interface Credentials {
  username: string;
  password: string;
}

export interface Challenge {
  scheme: 'basic' | 'bearer';
  params: Record<string, string>;
}

/** `WWW-Authenticate: Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined;
  const params: Record<string, string> = {};
  for (const param of match[2]!.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[param[1]!.toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme, params };
}

export const basicAuth = ({ username, password }: Credentials) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** The `next` URL of a paginated tag list (`Link: </v2/…?last=x&n=100>; rel="next"`). */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/** The chart layer of a Helm chart manifest (and the provenance layer, when the chart was signed). */
export function chartLayers(manifest: Manifest): { chart: Descriptor; provenance?: Descriptor } {
  const chart = manifest.layers?.find((layer) => layer.mediaType === mediaTypes.chart);
  if (!chart) throw new ReleaseError(`the registry's manifest has no ${mediaTypes.chart} layer: it is not a Helm chart`);
  const provenance = manifest.layers.find((layer) => layer.mediaType === mediaTypes.provenance);
  return provenance ? { chart, provenance } : { chart };
}

/** The digest `helm push` reports. Helm 3 prints `Pushed:`/`Digest:` on stderr; read both streams. */
export function parsePushOutput(stdout: string, stderr: string): { reference: string; digest: string } {
  const text = `${stdout}\n${stderr}`;
  const digest = /^Digest:\s*(sha256:[0-9a-f]{64})\s*$/m.exec(text)?.[1];
  const reference = /^Pushed:\s*(\S+)\s*$/m.exec(text)?.[1];
  if (!digest || !reference) throw new ReleaseError(`helm push printed no Pushed:/Digest: lines (got: ${text.trim().slice(0, 200)})`);
  return { reference, digest };
}

/** The credentials an existing Helm/Docker registry config holds for a host (`auths.<host>.auth`). */
export function credentialsFromConfig(configJson: string, host: string): Credentials | undefined {
  let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }> };
  try {
    config = JSON.parse(configJson);
  } catch {
    return undefined;
  }
  const entry = config.auths?.[host] ?? config.auths?.[`https://${host}`] ?? config.auths?.[`http://${host}`];
  if (!entry) return undefined;
  if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  if (!entry.auth) return undefined;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** A one-line reason for a failed connection, with the usual fix. */
export function describeNetworkError(error: unknown, host: string, plainHttp: boolean): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return `registry ${host} is unreachable: no answer in time`;
  }
  if (code === 'ECONNREFUSED') return `registry ${host} is unreachable: connection refused (is it running?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `registry ${host} is unreachable: the host name does not resolve`;
  if (!plainHttp && (code?.startsWith('ERR_SSL') || code === 'EPROTO' || /ssl|tls|certificate/i.test(cause?.message ?? ''))) {
    return `registry ${host} did not complete a TLS handshake (${code ?? cause?.message}); for a plain-HTTP registry add --plain-http`;
  }
  return `registry ${host} is unreachable: ${code ?? cause?.message ?? (error as Error)?.message ?? String(error)}`;
}
