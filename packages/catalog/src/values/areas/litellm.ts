// Settings rendered into LiteLLM's config.yaml besides the model and credential lists.
import { configSections, generalSettingsKeys, litellmSettingsKeys, liteLLMKeysVersion, routerSettingsKeys } from '../litellm-keys.ts';
import { bool, group, int, oneOf, onlyKeys, openList, openMap, patterns, str, type SpecNode } from '../spec.ts';

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

/** LITELLM_LOG values: names of Python logging levels (LiteLLM resolves it with getattr(logging, …)). */
export const logLevels = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;

export const litellmArea: Record<string, SpecNode> = {
  ui: group('LiteLLM admin UI.', {
    username: str('UI_USERNAME; the password is the master key.', 'admin', { minLength: 1, pattern: patterns.token }),
  }),
  litellm: group('LiteLLM proxy settings. The chart owns the keys it renders; the open maps add others.', {
    port: int('Port the proxy listens on in the container.', 4000, { minimum: 1024, maximum: 65535 }),
    numWorkers: int('Uvicorn workers (`--num_workers`). Above 1, Prometheus metrics use a shared multiprocess directory.', 1, { minimum: 1 }),
    migrationDir: str('LITELLM_MIGRATION_DIR: writable directory for Prisma migrations.', '/tmp/prisma', { pattern: patterns.path }),
    // Production defaults from LiteLLM's "Production Best Practices" page (docs/proxy/prod); docs/operations.md.
    logLevel: oneOf(
      'LITELLM_LOG. LiteLLM\'s production guidance sets ERROR (it also silences the per-request access log); LiteLLM 1.80.8 fails at import on a name the logging module does not know.',
      logLevels,
      'ERROR',
    ),
    jsonLogs: bool(
      'JSON_LOGS: one JSON object per log line (production guidance). Rendered only when true: LiteLLM turns JSON on for any non-empty JSON_LOGS, "False" included.',
      true,
    ),
    maxRequestsBeforeRestart: int(
      '`--max_requests_before_restart`: recycle a worker after this many requests to cap memory growth (production guidance suggests 10000 when memory grows). null: off. Deliberately off by default: with one uvicorn worker (the default) the whole proxy process exits at the limit and the kubelet restarts the container, counting a restart and backing off.',
      null,
      { minimum: 100 },
    ),
    proxyBatchWriteAt: int('general_settings.proxy_batch_write_at: seconds between batched spend-log writes to the database (production guidance: 60; LiteLLM\'s own default is 10).', 60, {
      minimum: 1,
      maximum: 3600,
    }),
    localModelCostMap: bool(
      'LITELLM_LOCAL_MODEL_COST_MAP=True: use the price map bundled with the image instead of fetching it from GitHub at every start (5 s timeout; the network policies do not allow it). false: fetch it, and the cilium network policy allows raw.githubusercontent.com on 443.',
      true,
    ),
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
      `Extra litellm_settings (e.g. drop_params: true): keys LiteLLM ${liteLLMKeysVersion} reads (the proxy sets any other key on the litellm module, where nothing reads it). A key the chart renders itself is an error; a known misplaced key is refused with where it belongs; a key a typed field also renders (num_retries, allowed_fails, max_tokens) is bounded like that field.`,
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
      `Extra general_settings: keys LiteLLM ${liteLLMKeysVersion} reads (others would be ignored silently). A key the chart renders itself is an error; one a typed field renders is bounded like it.`,
      {},
      undefined,
      { propertyNames: { enum: [...generalSettingsKeys] } },
    ),
    routerSettings: openMap(
      `Extra router_settings: parameters of LiteLLM ${liteLLMKeysVersion}'s Router (others would be dropped silently). A key the chart renders itself is an error; one a typed field renders (stream_timeout as models.<id>.streamTimeout) is bounded like it.`,
      {},
      undefined,
      { propertyNames: { enum: [...routerSettingsKeys] } },
    ),
    configSections: openMap(
      `Top-level config.yaml sections the chart does not model (mcp_servers, callback_settings, vector_store_registry, …), passed through as they are: keys are the sections LiteLLM ${liteLLMKeysVersion}'s proxy reads (it ignores others). A section the chart renders (model_list, credential_list, the settings, guardrails, environment_variables, include) is refused with the value that sets it. Secrets as os.environ/NAME references with the variable in extraEnv: a literal under a secret-like key (api_key, auth_value, password, …) is refused.`,
      {},
      undefined,
      onlyKeys(configSections),
    ),
  }),
};
