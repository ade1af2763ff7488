import { describe, expect, it } from 'vitest';
import { chartLayers, credentialsFromConfig, describeNetworkError, mediaTypes, nextLink, parseChallenge, parsePushOutput, type Manifest } from './oci.ts';

const digest = `sha256:${'a'.repeat(64)}`;

describe('parseChallenge', () => {
  it('reads Basic and Bearer challenges', () => {
    expect(parseChallenge('Basic realm="test"')).toEqual({ scheme: 'basic', params: { realm: 'test' } });
    expect(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/charts/x:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/charts/x:pull' },
    });
    expect(parseChallenge('Negotiate abc')).toBeUndefined();
    expect(parseChallenge(null)).toBeUndefined();
  });
});

describe('nextLink', () => {
  it('follows tag list pagination', () => {
    expect(nextLink('</v2/c/tags/list?last=0.9.0&n=100>; rel="next"')).toBe('/v2/c/tags/list?last=0.9.0&n=100');
    expect(nextLink(null)).toBeUndefined();
  });
});

describe('chartLayers', () => {
  const manifest = (layers: Manifest['layers']): Manifest => ({ schemaVersion: 2, config: { mediaType: mediaTypes.config, digest, size: 1 }, layers });
  it('finds the chart and provenance layers', () => {
    const chart = { mediaType: mediaTypes.chart, digest, size: 10 };
    const provenance = { mediaType: mediaTypes.provenance, digest: `sha256:${'b'.repeat(64)}`, size: 2 };
    expect(chartLayers(manifest([chart]))).toEqual({ chart });
    expect(chartLayers(manifest([chart, provenance]))).toEqual({ chart, provenance });
    expect(() => chartLayers(manifest([{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest, size: 1 }]))).toThrow('not a Helm chart');
  });
});

describe('parsePushOutput', () => {
  it('reads Helm 3 (stderr) and Helm 4 (stdout) output', () => {
    const text = `Pushed: 127.0.0.1:5000/charts/litellm-stack:0.1.0\nDigest: ${digest}\n`;
    expect(parsePushOutput('', text)).toEqual({ reference: '127.0.0.1:5000/charts/litellm-stack:0.1.0', digest });
    expect(parsePushOutput(text, 'WARNING: something\n')).toEqual({ reference: '127.0.0.1:5000/charts/litellm-stack:0.1.0', digest });
    expect(() => parsePushOutput('', 'Error: nope')).toThrow('printed no Pushed:/Digest:');
  });
});

describe('credentialsFromConfig', () => {
  const auth = Buffer.from('user:pa:ss').toString('base64');
  it('reads the auth of one host from a Helm/Docker registry config', () => {
    expect(credentialsFromConfig(JSON.stringify({ auths: { 'r.example': { auth } } }), 'r.example')).toEqual({ username: 'user', password: 'pa:ss' });
    expect(credentialsFromConfig(JSON.stringify({ auths: { 'https://r.example': { username: 'u', password: 'p' } } }), 'r.example')).toEqual({ username: 'u', password: 'p' });
    expect(credentialsFromConfig(JSON.stringify({ auths: { other: { auth } } }), 'r.example')).toBeUndefined();
    expect(credentialsFromConfig('not json', 'r.example')).toBeUndefined();
  });
});

describe('describeNetworkError', () => {
  const failed = (code: string, message = '') => Object.assign(new TypeError('fetch failed'), { cause: { code, message } });
  it('says why, in one line, with the usual fix', () => {
    expect(describeNetworkError(failed('ECONNREFUSED'), 'h:1', true)).toBe('registry h:1 is unreachable: connection refused (is it running?)');
    expect(describeNetworkError(failed('ENOTFOUND'), 'h', false)).toBe('registry h is unreachable: the host name does not resolve');
    expect(describeNetworkError(Object.assign(new Error('t'), { name: 'TimeoutError' }), 'h', false)).toBe('registry h is unreachable: no answer in time');
    expect(describeNetworkError(failed('ERR_SSL_WRONG_VERSION_NUMBER'), 'h', false)).toMatch(/add --plain-http$/);
  });
});
