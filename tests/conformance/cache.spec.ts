// The chart's cache values against a real redis-server with the documented ACL user: two proxy
// processes (two pods) share the response cache and the router's rpm counters through it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackends, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { RedisServer, redisUser } from '../../tools/conformance/redis.ts';
import { backendValues, chatBody, existingSecretName, existingSecretValues, testSecret, oneRegionScenario } from '../../tools/conformance/scenario.ts';
import { carries } from '../../tools/conformance/upstream.ts';
import { sendSequentially, startOfFreshMinute } from '../../tools/conformance/traffic.ts';

const redisPassword = 'conformance-redis-password-0123456789';
const passwordKey = 'REDIS_PASSWORD';
const ttl = 600;
const rpm = 6;

/**
 * Keys LiteLLM 1.80.8 writes without its namespace: the rate limiter's Lua script gets hash-tagged
 * keys (`{api_key:<hash>}:tokens`) unprefixed. The ACL allows them with `~{*`; nothing else may escape.
 */
const unprefixedLimiterKey = /^\{(api_key|user|team|end_user|model_per_key|org):[^}]+\}:(tokens|requests|max_parallel_requests)$/;

let redis: RedisServer;
let backends: Record<'azure_credential_us_east', FakeBackend>;
let proxies: LiteLLMProxy[];

beforeAll(async () => {
  [redis, backends] = await Promise.all([new RedisServer(redisPassword).start(), startBackends(['azure_credential_us_east'])]);
  const values = {
    ...existingSecretValues,
    ...backendValues(backends),
    cache: { enabled: true, host: '127.0.0.1', port: redis.port, username: redisUser, passwordKey, namespace: 'litellm', ttl },
    models: { 'gpt-4-1-nano': { rpm } },
    // rpm is enforced by usage-based-routing-v2 only; no retries, so a refusal is a 429 at once.
    litellm: { router: { routingStrategy: 'usage-based-routing-v2', numRetries: 0 } },
  };
  const input = await renderProxyInput({ files: [oneRegionScenario], values }, [testSecret(existingSecretName, { [passwordKey]: redisPassword })]);
  proxies = await Promise.all([LiteLLMProxy.start(input), LiteLLMProxy.start(input)]);
});

afterAll(async () => {
  await Promise.all((proxies ?? []).map((proxy) => proxy.stop()));
  await Promise.all([redis?.stop(), stopBackends(backends)]);
});

afterEach(() => {
  expect(rejectionsOf(backends)).toEqual([]);
});

describe('cache in Redis, user litellm', () => {
  it('renders cache_params that log in as the ACL user, without an ssl key (its mere presence turns TLS on)', () => {
    const params = proxies[0]!.config.litellm_settings.cache_params;
    expect(proxies[0]!.config.litellm_settings.cache).toBe(true);
    expect(params).toMatchObject({ type: 'redis', host: '127.0.0.1', port: redis.port, username: redisUser, namespace: 'litellm', ttl });
    expect(params.password).toMatch(/^os\.environ\/[A-Z_][A-Z0-9_]*$/);
    expect(params).not.toHaveProperty('ssl');
  });

  it('is reported by /health/readiness', async () => {
    const readiness = await proxies[0]!.call('/health/readiness');
    expect(readiness.json).toMatchObject({ status: 'healthy', cache: 'redis' });
  });

  it('answers an identical second request without the backend, in the same process and in the other one (through Redis)', async () => {
    const marker = `conformance-cache-${Date.now()}`;
    const [a, b] = proxies as [LiteLLMProxy, LiteLLMProxy];
    const first = await a.call('/v1/chat/completions', chatBody('gpt-4.1', marker));
    const again = await a.call('/v1/chat/completions', chatBody('gpt-4.1', marker));
    // The other process has nothing in memory: its hit can only come from Redis.
    const other = await b.call('/v1/chat/completions', chatBody('gpt-4.1', marker));
    expect([first.status, again.status, other.status]).toEqual([200, 200, 200]);
    expect(backends.azure_credential_us_east.requests.filter((request) => carries(request, marker))).toHaveLength(1);
    expect(other.json.id).toBe(first.json.id);
    const key = other.headers.get('x-litellm-cache-key');
    expect(key).toMatch(/^litellm:[0-9a-f]{64}$/);
    const left = Number(await redis.admin('TTL', key!));
    expect(left).toBeGreaterThan(ttl - 60);
    expect(left).toBeLessThanOrEqual(ttl);
  });

  it(`holds a deployment's rpm (${rpm}) across both processes`, async () => {
    // 12 requests 1.1 s apart: LiteLLM syncs its in-memory counters with Redis every second.
    await startOfFreshMinute(2 * rpm * 1.1 + 3);
    const responses = await sendSequentially(proxies, 2 * rpm, (index) => chatBody('gpt-4.1-nano', `rpm-shared-${index}-${Date.now()}`), 1100);
    const statuses = responses.map((response) => response.status);
    const admitted = statuses.filter((status) => status === 200).length;
    // Each process alone would admit up to rpm, i.e. all 12.
    expect(admitted, statuses.join(',')).toBeLessThanOrEqual(rpm);
    expect(admitted).toBeGreaterThanOrEqual(rpm - 1);
    expect(statuses.filter((status) => status !== 200)).toEqual(Array(statuses.length - admitted).fill(429));
  });

  it('writes only litellm: keys, apart from the rate limiter\'s unprefixed hash-tagged keys', async () => {
    const keys = await redis.keys();
    expect(keys.some((key) => /^litellm:[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(keys.filter((key) => !key.startsWith('litellm:') && !unprefixedLimiterKey.test(key))).toEqual([]);
  });

  it('never hit the ACL (no NOPERM, no failed login) with the documented rule', async () => {
    expect(await redis.aclLog()).toEqual([]);
  });
});
