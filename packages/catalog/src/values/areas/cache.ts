// Values of the cache feature: a Redis-compatible server (Dragonfly by default) that LiteLLM uses for
// response caching and, through the same connection, for the router's shared cooldown and rate-limit state.
import { cacheParamsKeys, liteLLMKeysVersion } from '../litellm-keys.ts';
import { bool, group, int, onlyKeys, openMap, orEmpty, patterns, resources, str, type SpecNode } from '../spec.ts';
import { envNamePattern } from '../catalog.ts';
import { whenOn } from './database.ts';

/**
 * The narrowest ACL LiteLLM 1.80.8 works under with an empty ACL LOG (measured against Redis 7 with
 * MONITOR and ACL LOG; see docs/cache.md for why each part is there). `<namespace>` is cache.namespace.
 */
export const cacheAclRule = (namespace: string) =>
  `~${namespace}:* ~{* resetchannels -@all +hello +ping +get +set +mget +incrbyfloat +expire +ttl +evalsha +script|load +info`;

export const cacheArea: Record<string, SpecNode> = {
  cache: group(
    'Redis-compatible cache (Dragonfly, Redis, Valkey). LiteLLM caches responses in it, and the router reuses the same connection (same ACL user and namespace) for cooldowns and rate limits shared by all replicas. The ACL user needs: '
      + `\`${cacheAclRule('litellm')}\` (docs/cache.md).`,
    {
      enabled: bool('Use the cache (litellm_settings.cache with cache_params).', false),
      host: str('Host name of the server, e.g. dragonfly.cache.svc.cluster.local. Required unless dragonfly.create.', '', {
        pattern: '^([a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?)?$',
      }),
      port: int('Port of the server.', 6379, { minimum: 1, maximum: 65535 }),
      username: str('ACL user LiteLLM logs in as (cache_params.username); empty: the default user. Needs passwordKey.', 'litellm', {
        pattern: patterns.token,
      }),
      passwordKey: str(
        'Secret key (and env var) with the password, read from secrets.existingSecret or secrets.values; with dragonfly.create the chart generates it instead. Empty: no password.',
        'REDIS_PASSWORD',
        { pattern: `(${envNamePattern})|^$` },
      ),
      namespace: str('Key prefix (`<namespace>:…`); the ACL key pattern is `~<namespace>:*`.', 'litellm', { pattern: '^[a-zA-Z0-9_-]+$' }),
      ttl: int('Default TTL of cached responses in seconds; null: LiteLLM\'s default.', null, { minimum: 1 }),
      tls: bool('Connect with TLS (renders cache_params.ssl; any `ssl` key, even false, makes redis-py use TLS).', false),
      params: openMap(
        `Extra cache_params, e.g. supported_call_types, max_connections, mode: keys LiteLLM ${liteLLMKeysVersion}'s cache or redis-py read. The connection and its credentials (type, host, port, username, password, namespace, ttl, ssl) stay the chart's.`,
        {},
        undefined,
        onlyKeys(cacheParamsKeys),
      ),
      dragonfly: group('A Dragonfly in the release namespace (dragonflydb.io/v1alpha1, needs the Dragonfly operator), for clusters without a shared instance.', {
        create: bool('Create it, with the ACL user `username` and generated passwords; host must then stay empty.', false),
        replicas: int('Dragonfly pods (1 master + replicas).', 1, { minimum: 1 }),
        image: str('Dragonfly image reference; empty: the operator\'s default.', '', { pattern: orEmpty(patterns.imageReference) }),
        args: openMap('Extra Dragonfly flags as name: value (rendered --name=value), e.g. maxmemory: 1gb.', { cache_mode: 'true' }, { type: 'string', pattern: patterns.token }, {
          propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
        }),
        resources: resources('Dragonfly container resources.', { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } }),
      }),
    },
    {
      schema: {
        allOf: [
          {
            if: { properties: { enabled: { const: true }, dragonfly: { properties: { create: { const: false } } } }, required: ['enabled'] },
            then: { properties: { host: { minLength: 1 } } },
          },
          whenOn({ username: { minLength: 1 } }, { passwordKey: { minLength: 1 } }),
        ],
      },
    },
  ),
};
