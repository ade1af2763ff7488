// Settings rendered into LiteLLM's config.yaml besides the model and credential lists.
import { generalSettingsKeys, litellmSettingsKeys, liteLLMKeysVersion, routerSettingsKeys } from '../litellm-keys.ts';
import { bool, group, int, oneOf, onlyKeys, openList, openMap, str, type SpecNode } from '../spec.ts';

/**
 * litellm_settings keys LiteLLM never reads there that setups like the seed use: the schema lets them
 * through so that the chart's template can refuse each with where it belongs instead
 * (litellm-stack.config.settingsHints in _config.tpl holds the hints; tests/chart/settings.spec.ts
 * checks that both name the same keys).
 */
export const litellmSettingsWithHints = [
  'alerting', 'alerting_args', 'alerting_threshold', 'langfuse_enabled', 'langfuse_host', 'langfuse_public_key',
  'langfuse_sample_rate', 'langfuse_secret', 'max_file_size_mb', 'rpm_limit', 'service_callbacks', 'telemetry',
  'tpm_limit', 'track_cost_per_model', 'track_cost_per_team', 'track_cost_per_user',
] as const;


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
    username: str('UI_USERNAME; the password is the master key.', 'admin', { minLength: 1 }),
  }),
  litellm: group('LiteLLM proxy settings. The chart owns the keys it renders; the open maps add others.', {
    port: int('Port the proxy listens on in the container.', 4000, { minimum: 1024, maximum: 65535 }),
    numWorkers: int('Uvicorn workers (`--num_workers`). Above 1, Prometheus metrics use a shared multiprocess directory.', 1, { minimum: 1 }),
    migrationDir: str('LITELLM_MIGRATION_DIR: writable directory for Prisma migrations.', '/tmp/prisma', { pattern: '^/' }),
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
    settings: openMap(
      `Extra litellm_settings (e.g. drop_params: true): keys LiteLLM ${liteLLMKeysVersion} reads (the proxy sets any other key on the litellm module, where nothing reads it). A key the chart renders itself is an error; a known misplaced key is refused with where it belongs.`,
      {},
      undefined,
      onlyKeys([...new Set([...litellmSettingsKeys, ...litellmSettingsWithHints])].sort()),
    ),
    guardrails: openList(
      'Top-level guardrails of config.yaml (LiteLLM guardrails v2): each {guardrail_name, litellm_params: {guardrail, mode, …}, guardrail_info}. Secrets as os.environ/NAME references with the variable in extraEnv or the Secret.',
      [],
      {
        type: 'object',
        additionalProperties: false,
        required: ['guardrail_name', 'litellm_params'],
        properties: {
          guardrail_name: { type: 'string', minLength: 1, description: 'Name requests and keys refer to.' },
          litellm_params: {
            type: 'object',
            required: ['guardrail', 'mode'],
            additionalProperties: true,
            description: 'The guardrail\'s provider (guardrail), when it runs (mode) and its provider settings.',
            properties: {
              guardrail: { type: 'string', minLength: 1, description: 'Provider, e.g. presidio, aporia, lakera_prompt_injection.' },
              mode: {
                description: 'pre_call, during_call, post_call, logging_only, … or a list of them.',
                anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }],
              },
            },
          },
          guardrail_info: { type: 'object', description: 'Free-form description shown in the UI.' },
        },
      },
    ),
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
