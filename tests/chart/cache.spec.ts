// Cache: LiteLLM's cache_params (username, password, TLS) that the router reuses, the in-chart
// Dragonfly with its ACL user, and the ACL rule itself enforced by a real Redis.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheAclRule } from '../../packages/catalog/src/values/areas/cache.ts';
import { chartDir, helmMajors } from '../../tools/helm.ts';
import { liteLLMConfig, proxyContainer, render, single, type K8sObject } from '../support/chart.ts';
import { startRedis, type RedisServer } from '../support/redis.ts';
import { schemaErrors } from '../support/validate.ts';

const envVar = (objects: K8sObject[], name: string) => proxyContainer(objects).env.find((e: { name: string }) => e.name === name);
const decoded = (secret: K8sObject, key: string) => Buffer.from(secret.data[key], 'base64').toString('utf8');
const dragonflySecret = (objects: K8sObject[]) => objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'rel-litellm-stack-dragonfly-auth')!;

describe.each(helmMajors)('cache (%s)', (major) => {
  it('off by default: no cache settings and no cache password env', async () => {
    const objects = await render(major, { files: ['ci/01-minimal.yaml'] });
    expect(liteLLMConfig(objects).litellm_settings).not.toHaveProperty('cache');
    expect(envVar(objects, 'REDIS_PASSWORD')).toBeUndefined();
  });

  it('external server: user, password reference, namespace, TTL and TLS all in cache_params; router_settings has no redis_*', async () => {
    const objects = await render(major, { files: ['ci/09-cache.yaml'] });
    const config = liteLLMConfig(objects);
    expect(config.litellm_settings.cache).toBe(true);
    expect(config.litellm_settings.cache_params).toEqual({
      type: 'redis',
      host: 'dragonfly.cache.svc.cluster.local',
      port: 6379,
      username: 'litellm',
      password: 'os.environ/REDIS_PASSWORD',
      namespace: 'litellm',
      ttl: 3600,
      ssl: true,
    });
    // The router reuses the cache's client; its own redis_* settings would drop the username.
    expect(Object.keys(config.router_settings).filter((key) => key.startsWith('redis'))).toEqual([]);
    expect(envVar(objects, 'REDIS_PASSWORD')).toEqual({ name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'litellm-secrets', key: 'REDIS_PASSWORD' } } });
  });

  it('without TLS there is no ssl key at all (any ssl key turns TLS on in redis-py)', async () => {
    const config = liteLLMConfig(await render(major, { files: ['ci/09-cache.yaml'], values: { cache: { tls: false, ttl: null } } }));
    expect(config.litellm_settings.cache_params).not.toHaveProperty('ssl');
    expect(config.litellm_settings.cache_params).not.toHaveProperty('ttl');
  });

  it('without an ACL user or password: neither in cache_params nor in the env', async () => {
    const objects = await render(major, { files: ['ci/09-cache.yaml'], values: { cache: { username: '', passwordKey: '' } } });
    const params = liteLLMConfig(objects).litellm_settings.cache_params;
    expect(params).not.toHaveProperty('username');
    expect(params).not.toHaveProperty('password');
    expect(envVar(objects, 'REDIS_PASSWORD')).toBeUndefined();
  });

  it('a chart-created Secret holds the password given in secrets.values', async () => {
    const values = { cache: { enabled: true, host: 'redis.cache.svc' }, secrets: { values: { REDIS_PASSWORD: 'test-only' } } };
    const objects = await render(major, { values });
    expect(envVar(objects, 'REDIS_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'rel-litellm-stack', key: 'REDIS_PASSWORD' });
    expect(decoded(single(objects.filter((o) => o.metadata.name === 'rel-litellm-stack'), 'Secret'), 'REDIS_PASSWORD')).toBe('test-only');
  });

  describe('in-chart Dragonfly', () => {
    it('a Dragonfly with the ACL file and admin password from a chart-made Secret, and the proxy pointed at it', async () => {
      const objects = await render(major, { files: ['ci/10-dragonfly.yaml'] });
      const dragonfly = single(objects, 'Dragonfly');
      expect(dragonfly.apiVersion).toBe('dragonflydb.io/v1alpha1');
      expect(dragonfly.metadata.name).toBe('rel-litellm-stack-dragonfly');
      expect(dragonfly.spec).toMatchObject({
        replicas: 2,
        podMetadata: { labels: { app: 'rel-litellm-stack-dragonfly' } },
        authentication: { passwordFromSecret: { name: 'rel-litellm-stack-dragonfly-auth', key: 'admin-password' } },
        aclFromSecret: { name: 'rel-litellm-stack-dragonfly-auth', key: 'acl' },
        args: ['--cache_mode=true', '--maxmemory=768mb'],
      });
      expect(dragonfly.spec).not.toHaveProperty('image');

      expect(liteLLMConfig(objects).litellm_settings.cache_params).toEqual({
        type: 'redis', host: 'rel-litellm-stack-dragonfly.ai.svc', port: 6379, username: 'litellm', password: 'os.environ/REDIS_PASSWORD', namespace: 'litellm',
      });
      expect(envVar(objects, 'REDIS_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'rel-litellm-stack-dragonfly-auth', key: 'password' });
    });

    it('the ACL file: the default user behind the admin password, the proxy user with exactly the documented rule', async () => {
      const secret = dragonflySecret(await render(major, { files: ['ci/10-dragonfly.yaml'] }));
      const [password, admin] = [decoded(secret, 'password'), decoded(secret, 'admin-password')];
      expect(password).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(admin).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(password).not.toBe(admin);
      expect(decoded(secret, 'acl').split('\n')).toEqual([
        `user default on >${admin} ~* &* +@all`,
        `user litellm on >${password} ${cacheAclRule('litellm')}`,
        '',
      ]);
    });

    it('the rule follows cache.namespace', async () => {
      const secret = dragonflySecret(await render(major, { files: ['ci/10-dragonfly.yaml'], values: { cache: { namespace: 'team-a' } } }));
      expect(decoded(secret, 'acl')).toContain(` ${cacheAclRule('team-a')}\n`);
      expect(cacheAclRule('team-a')).toMatch(/^~team-a:\* /);
    });
  });

});

describe('the documented ACL rule', () => {
  it('is the one the values docs, docs/cache.md and the Dragonfly ACL file use', () => {
    const rule = cacheAclRule('litellm');
    expect(readFileSync(join(chartDir, 'docs', 'cache.md'), 'utf8')).toContain(rule);
    expect(readFileSync(join(chartDir, 'values.yaml'), 'utf8').replace(/\n\s*# /g, ' ')).toContain(rule);
  });
});

describe('the rendered ACL file, loaded by a real redis-server', () => {
  let redis: RedisServer;
  let password: string;
  let admin: string;
  const asProxy = (...command: string[]) => redis.run('litellm', password, ...command);

  beforeAll(async () => {
    const secret = dragonflySecret(await render('helm4', { files: ['ci/10-dragonfly.yaml'] }));
    [password, admin] = [decoded(secret, 'password'), decoded(secret, 'admin-password')];
    redis = await startRedis(decoded(secret, 'acl'), { user: 'default', password: admin });
  });
  afterAll(() => redis?.stop());

  it('lets the proxy user do what LiteLLM 1.80.8 does: cache entries, counters, cooldown reads', async () => {
    expect(await asProxy('HELLO', '2')).toContain('redis');
    expect(await asProxy('PING')).toBe('PONG');
    expect(await asProxy('SET', 'litellm:abc', 'cached', 'EX', '60')).toBe('OK');
    expect(await asProxy('GET', 'litellm:abc')).toBe('cached');
    expect(await asProxy('MGET', 'litellm:abc', 'litellm:deployment:1:cooldown')).toMatch(/^cached\s*$/);
    expect(await asProxy('INCRBYFLOAT', 'litellm:global_router:1:rpm:12-00', '1')).toBe('1');
    expect(await asProxy('EXPIRE', 'litellm:global_router:1:rpm:12-00', '60')).toBe('1');
    expect(Number(await asProxy('TTL', 'litellm:global_router:1:rpm:12-00'))).toBeGreaterThan(0);
    expect(await asProxy('INFO', 'server')).toContain('redis_version:');
  });

  it('lets the rate limiter\'s Lua script touch its un-namespaced {…} keys through EVALSHA', async () => {
    const sha = await asProxy('SCRIPT', 'LOAD', "return redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])");
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await asProxy('EVALSHA', sha, '1', '{api_key:h}:max_parallel_requests', '1')).toBe('1');
  });

  it.each([
    ['a key outside the namespace', ['GET', 'other:abc']],
    ['writing outside the namespace', ['SET', 'abc', '1']],
    ['FLUSHALL', ['FLUSHALL']],
    ['KEYS', ['KEYS', '*']],
    ['CONFIG', ['CONFIG', 'GET', 'maxmemory']],
    ['EVAL of ad-hoc scripts', ['EVAL', 'return 1', '0']],
    ['PUBLISH', ['PUBLISH', 'litellm:channel', 'x']],
  ])('refuses the proxy user %s', async (_, command) => {
    expect(await asProxy(...command)).toMatch(/NOPERM/);
  });

  it('refuses logins with a wrong password, for both users', async () => {
    expect(await redis.run('litellm', 'wrong', 'PING')).toMatch(/WRONGPASS|invalid username-password/);
    expect(await redis.run('default', 'wrong', 'PING')).toMatch(/WRONGPASS|invalid username-password/);
  });
});
