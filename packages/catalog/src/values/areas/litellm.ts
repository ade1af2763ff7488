// Settings rendered into LiteLLM's config.yaml besides the model and credential lists.
import { generalSettingsKeys, liteLLMKeysVersion, routerSettingsKeys } from '../litellm-keys.ts';
import { bool, group, int, oneOf, openMap, patterns, str, type SpecNode } from '../spec.ts';

export const routingStrategies = [
  'simple-shuffle',
  'least-busy',
  'usage-based-routing',
  'usage-based-routing-v2',
  'latency-based-routing',
  'cost-based-routing',
] as const;

export const litellmArea: Record<string, SpecNode> = {
  ui: group('LiteLLM admin UI.', {
    username: str('UI_USERNAME; the password is the master key.', 'admin', { minLength: 1, pattern: patterns.token }),
  }),
  litellm: group('LiteLLM proxy settings. The chart owns the keys it renders; the open maps add others.', {
    port: int('Port the proxy listens on in the container.', 4000, { minimum: 1024, maximum: 65535 }),
    numWorkers: int('Uvicorn workers (`--num_workers`). Above 1, Prometheus metrics use a shared multiprocess directory.', 1, { minimum: 1 }),
    migrationDir: str('LITELLM_MIGRATION_DIR: writable directory for Prisma migrations.', '/tmp/prisma', { pattern: patterns.path }),
    backgroundHealthChecks: bool('general_settings.background_health_checks. Off by default: each check is a real provider call.', false),
    healthCheckInterval: int('general_settings.health_check_interval in seconds, when background health checks are on.', 300, { minimum: 10 }),
    router: group('router_settings the chart manages.', {
      routingStrategy: oneOf('How the router picks among deployments of one public model name.', routingStrategies, 'simple-shuffle'),
      numRetries: int('Retries of a failed request (on another deployment when one exists).', 2, { minimum: 0 }),
      allowedFails: int(
        'Failures in a minute after which a deployment is cooled down (it is after allowedFails + 1). Not 3: LiteLLM 1.80 takes its own default 3 as unset and then cools down only above 50 % failures, so failover stalls (tests/conformance/router.spec.ts).',
        1,
        { minimum: 1 },
      ),
      cooldownTime: int('Seconds a failing deployment stays out of rotation.', 30, { minimum: 1 }),
      timeout: int('Default request timeout in seconds for all deployments.', 600, { minimum: 1 }),
    }),
    settings: openMap('Extra litellm_settings (e.g. drop_params: true). A key the chart renders itself is an error.', {}),
    // LiteLLM ignores unknown keys in both maps without a word: the schema refuses them instead.
    generalSettings: openMap(
      `Extra general_settings: keys LiteLLM ${liteLLMKeysVersion} reads (others would be ignored silently). A key the chart renders itself is an error.`,
      {},
      undefined,
      { propertyNames: { enum: [...generalSettingsKeys] } },
    ),
    routerSettings: openMap(
      `Extra router_settings: parameters of LiteLLM ${liteLLMKeysVersion}'s Router (others would be dropped silently). A key the chart renders itself is an error.`,
      {},
      undefined,
      { propertyNames: { enum: [...routerSettingsKeys] } },
    ),
  }),
};
