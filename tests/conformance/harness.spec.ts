// The harness's own logic, without servers: a wrong harness would make every other result meaningless.
import { describe, expect, it } from 'vitest';
import { resolveEnv } from '../../tools/conformance/chart-input.ts';
import { answer, classifyPath } from '../../tools/conformance/fake-backend.ts';
import { metricFamilies, sampleValue } from '../../tools/conformance/metrics.ts';
import { localArgs } from '../../tools/conformance/proxy.ts';
import { cacheAclRule } from '../../packages/catalog/src/values/areas/cache.ts';
import { aclFile, documentedAclRule, litellmAclRule, parseAclLog } from '../../tools/conformance/redis.ts';
import { waitForRoom } from '../../tools/conformance/traffic.ts';

describe('conformance harness', () => {
  it('resolves env like the kubelet: values, secretKeyRefs, optional refs; a missing key fails', () => {
    const secrets = [{ name: 's', data: { K: 'v' } }];
    expect(resolveEnv([
      { name: 'A', value: 'a' },
      { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'K' } } },
      { name: 'C', valueFrom: { secretKeyRef: { name: 's', key: 'missing', optional: true } } },
    ], secrets)).toEqual({ A: 'a', B: 'v' });
    expect(() => resolveEnv([{ name: 'B', valueFrom: { secretKeyRef: { name: 'other', key: 'K' } } }], secrets)).toThrow(/Secret other has no key K/);
  });

  it('keeps the container args, replacing config path and port, on loopback', () => {
    expect(localArgs(['--config', '/app/config.yaml', '--port', '4000', '--num_workers', '2'], '/tmp/c.yaml', 1234))
      .toEqual(['--config', '/tmp/c.yaml', '--port', '1234', '--num_workers', '2', '--host', '127.0.0.1']);
    expect(() => localArgs(['--port', '4000'], '/tmp/c.yaml', 1)).toThrow(/no --config/);
  });

  it('classifies provider paths per provider, anchored at both ends under the apiBase path', () => {
    expect(classifyPath('azure', '/openai/deployments/gpt-4.1/chat/completions')).toEqual({ kind: 'azure-chat', deployment: 'gpt-4.1' });
    expect(classifyPath('azure', '/openai/deployments/e/embeddings')).toEqual({ kind: 'azure-embeddings', deployment: 'e' });
    expect(classifyPath('anthropic', '/anthropic/v1/messages', '/anthropic')).toEqual({ kind: 'anthropic-messages', deployment: undefined });
    expect(classifyPath('cohere', '/v2/rerank').kind).toBe('cohere-rerank');
    expect(classifyPath('azure_ai', '/embeddings').kind).toBe('azure-ai-embeddings');
    expect(classifyPath('azure_ai', '/v1/embeddings').kind).toBe('azure-ai-embeddings');
    expect(classifyPath('openai', '/v1/chat/completions', '/v1').kind).toBe('openai-chat');
    expect(classifyPath('openai', '/v1/embeddings', '/v1').kind).toBe('openai-embeddings');
    expect(classifyPath('openai', '/chat/completions', '/v1').kind).toBeUndefined();
    // What unanchored patterns used to accept: a lost or doubled path segment, another provider's path.
    for (const [provider, path, base] of [
      ['anthropic', '/v1/messages', '/anthropic'], ['anthropic', '/x/anthropic/v1/messages', '/anthropic'],
      ['azure', '/openai/openai/deployments/d/chat/completions', ''], ['azure', '/openai/deployments/d/chat/completions/x', ''],
      ['cohere', '/v1/rerank', ''], ['azure_ai', '/openai/deployments/d/embeddings', ''], ['azure', '/v1/messages', ''],
    ] as const) {
      expect(classifyPath(provider, path, base).kind, `${provider} ${base} ${path}`).toBeUndefined();
    }
  });

  it('answers embeddings in the encoding asked for', () => {
    const base64 = answer('azure-ai-embeddings', { input: ['a', 'b'], encoding_format: 'base64' }, 'x') as any;
    expect(base64.data).toHaveLength(2);
    expect([...new Float32Array(Uint8Array.from(Buffer.from(base64.data[0].embedding, 'base64')).buffer)]).toEqual([0.25, -0.5, 0.75]);
    expect((answer('azure-ai-embeddings', { input: 'a' }, 'x') as any).data[0].embedding).toEqual([0.25, -0.5, 0.75]);
  });

  it('keeps an rpm test inside one UTC minute', () => {
    expect(waitForRoom(new Date('2026-01-01T00:00:10Z'), 20)).toBe(0);
    expect(waitForRoom(new Date('2026-01-01T00:00:45Z'), 20)).toBe(15_050);
  });

  it('runs Redis with the ACL rule the chart documents (docs/cache.md), which is the catalog\'s', () => {
    expect(litellmAclRule()).toBe(cacheAclRule('litellm'));
    expect(documentedAclRule('x\nuser litellm on >PASSWORD ~a:* +get\n')).toBe('~a:* +get');
    expect(() => documentedAclRule('no rule')).toThrow(/documents no/);
  });

  it('writes the ACL file with default off, and reads the ACL log', () => {
    expect(aclFile('pw', 'adm', '~a:* +get').split('\n')).toEqual(['user default off', 'user litellm on >pw ~a:* +get', 'user admin on >adm ~* &* +@all', '']);
    expect(parseAclLog('[{"count":1,"reason":"command","context":"toplevel","object":"info","username":"litellm"}]'))
      .toEqual([{ reason: 'command', object: 'info', username: 'litellm', context: 'toplevel' }]);
  });

  it('reads Prometheus families and sums matching samples', () => {
    const text = '# TYPE a_total counter\na_total{x="1",y="2"} 2.0\na_total{x="1",y="3"} 1.0\n# TYPE b gauge\nb 0.0\n';
    expect([...metricFamilies(text)]).toEqual(['a_total', 'b']);
    expect(sampleValue(text, 'a_total', { x: '1' })).toBe(3);
    expect(sampleValue(text, 'b')).toBe(0);
    expect(sampleValue(text, 'a_total', { x: '2' })).toBeUndefined();
  });
});
