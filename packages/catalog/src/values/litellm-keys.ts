// The settings keys LiteLLM 1.80.8 knows, extracted from its installed source by
// tools/conformance/litellm_keys.py. Checked in as data; tests/conformance/litellm-keys.spec.ts
// re-extracts them from the suite's venv, so bumping LiteLLM shows the drift.

/** LiteLLM's release these lists were extracted from (the chart's appVersion). */
export const liteLLMKeysVersion = '1.80.8';

/** `Router.__init__` parameters. The proxy passes only these from router_settings and drops any other key silently. */
export const routerInitParams = [
  'model_list', 'assistants_config', 'search_tools', 'redis_url', 'redis_host', 'redis_port',
  'redis_password', 'cache_responses', 'cache_kwargs', 'caching_groups', 'client_ttl', 'polling_interval',
  'default_priority', 'num_retries', 'max_fallbacks', 'timeout', 'stream_timeout', 'default_litellm_params',
  'default_max_parallel_requests', 'set_verbose', 'debug_level', 'default_fallbacks', 'fallbacks',
  'context_window_fallbacks', 'content_policy_fallbacks', 'model_group_alias', 'enable_pre_call_checks',
  'enable_tag_filtering', 'retry_after', 'retry_policy', 'model_group_retry_policy', 'allowed_fails',
  'allowed_fails_policy', 'cooldown_time', 'disable_cooldowns', 'routing_strategy',
  'optional_pre_call_checks', 'routing_strategy_args', 'provider_budget_config', 'alerting_config',
  'router_general_settings', 'ignore_invalid_deployments',
] as const;

/** Router parameters the proxy sets itself (model_list, …): router_settings cannot set them. */
export const routerParamsSetByProxy = ['model_list', 'search_tools', 'assistants_config', 'router_general_settings', 'ignore_invalid_deployments'] as const;

/** Keys that have an effect in router_settings. */
export const routerSettingsKeys: readonly string[] = routerInitParams.filter(
  (key) => !(routerParamsSetByProxy as readonly string[]).includes(key),
);

/** Fields of `ConfigGeneralSettings` (the model behind the proxy's /config APIs). */
export const configGeneralSettingsFields = [
  'alert_to_webhook_url', 'alert_types', 'alerting', 'alerting_args', 'alerting_threshold', 'allowed_routes',
  'background_health_checks', 'completion_model', 'custom_auth', 'database_args',
  'database_connection_pool_limit', 'database_connection_timeout', 'database_type', 'database_url',
  'enable_public_model_hub', 'global_max_parallel_requests', 'health_check_interval',
  'infer_model_from_keys', 'key_management_system', 'master_key', 'max_parallel_requests',
  'max_request_size_mb', 'max_response_size_mb', 'otel', 'pass_through_endpoints',
  'reject_clientside_metadata_tags', 'supported_db_objects', 'ui_access_mode', 'use_azure_key_vault',
  'use_google_kms', 'user_header_mappings', 'user_header_name',
] as const;

/** Keys the proxy's code reads from general_settings (it validates none at load: others are ignored silently). */
export const generalSettingsRead = [
  'admin_only_routes', 'alert_to_webhook_url', 'alert_types', 'alerting', 'alerting_args',
  'alerting_threshold', 'allow_client_side_credentials', 'allow_requests_on_db_unavailable',
  'allow_user_auth', 'allowed_ips', 'allowed_routes', 'background_health_checks', 'completion_model',
  'custom_auth', 'custom_key_generate', 'custom_sso', 'custom_ui_sso_sign_in_handler',
  'database_connection_pool_limit', 'database_connection_pool_timeout', 'database_url',
  'default_team_disabled', 'disable_adding_master_key_hash_to_db', 'disable_error_logs',
  'disable_master_key_return', 'disable_prisma_schema_update', 'disable_reset_budget',
  'disable_responses_id_security', 'disable_retry_on_max_parallel_request_limit_error', 'disable_spend_logs',
  'disable_spend_updates', 'enable_jwt_auth', 'enable_oauth2_auth', 'enable_oauth2_proxy_auth',
  'enforce_rbac', 'enforce_user_param', 'enforced_params', 'forward_client_headers_to_llm_api',
  'forward_openai_org_id', 'global_max_parallel_requests', 'health_check_details', 'health_check_interval',
  'image_generation_model', 'infer_model_from_keys', 'key_management_settings', 'key_management_system',
  'litellm_jwtauth', 'litellm_key_header_name', 'litellm_license', 'litellm_settings', 'master_key',
  'max_parallel_requests', 'max_request_size_mb', 'max_response_size_mb',
  'maximum_spend_logs_retention_interval', 'maximum_spend_logs_retention_period',
  'mcp_client_side_auth_header_name', 'moderation_model', 'oauth2_config_mappings', 'pass_through_endpoints',
  'proxy_batch_polling_interval', 'proxy_batch_write_at', 'proxy_budget_rescheduler_max_time',
  'proxy_budget_rescheduler_min_time', 'public_routes', 'reject_clientside_metadata_tags',
  'role_permissions', 'service_account_settings', 'spend_report_frequency', 'store_model_in_db',
  'store_prompts_in_spend_logs', 'supported_db_objects', 'token_rate_limit_type', 'ui_access_mode',
  'use_azure_key_vault', 'use_google_kms', 'use_redis_transaction_buffer', 'use_shared_health_check',
  'use_x_forwarded_for', 'user_api_key_cache_ttl', 'user_header_mappings', 'user_header_name',
] as const;

/** Keys that can have an effect in general_settings. */
export const generalSettingsKeys: readonly string[] = [...new Set<string>([...configGeneralSettingsFields, ...generalSettingsRead])].sort();
