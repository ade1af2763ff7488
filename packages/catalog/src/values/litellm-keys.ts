// The config keys LiteLLM 1.80.8 knows, extracted from its installed source by
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

/**
 * Keys LiteLLM reads from a deployment's litellm_params: LiteLLM_Params' fields, its list of litellm
 * params, the endpoint functions' parameters, and names provider code reads from a call's kwargs or
 * optional params. Any other key is passed along as a **kwarg that nothing reads.
 */
export const modelParamsKeys = [
  'a_add_message', 'acancel_batch', 'acancel_fine_tuning_job', 'acancel_responses', 'account_id',
  'acompletion', 'acreate', 'acreate_batch', 'acreate_file', 'acreate_fine_tuning_job', 'acreate_skill',
  'acreate_thread', 'adapter_id', 'additional_args', 'additional_drop_params', 'adelete', 'adelete_responses',
  'adelete_skill', 'aembedding', 'afile_content', 'agenerate_content', 'agenerate_content_stream',
  'aget_assistants', 'aget_messages', 'aget_responses', 'aget_skill', 'aget_thread', 'aimg_generation',
  'aingest', 'alist', 'alist_batches', 'alist_fine_tuning_jobs', 'alist_input_items', 'alist_skills',
  'allm_passthrough_route', 'allowed_model_region', 'allowed_openai_params', 'amoderation', 'aocr',
  'api_base', 'api_call_start_time', 'api_key', 'api_type', 'api_version', 'apikey', 'applied_guardrails',
  'arerank', 'aresponses', 'aretrieve', 'aretrieve_batch', 'aretrieve_content', 'aretrieve_fine_tuning_job',
  'arguments', 'arize_api_key', 'arize_space_id', 'arize_space_key', 'arun_thread', 'asearch', 'aspect_ratio',
  'aspeech', 'assistant_continue_message', 'async_call', 'async_complete_streaming_response',
  'async_create_assistants', 'async_delete_assistants', 'atext_completion', 'atranscription', 'audio',
  'aupdate', 'auto_router_config', 'auto_router_config_path', 'auto_router_default_model',
  'auto_router_embedding_model', 'aws_access_key_id', 'aws_batch_role_arn', 'aws_bedrock_client',
  'aws_bedrock_runtime_endpoint', 'aws_external_id', 'aws_profile_name', 'aws_region_name', 'aws_role_name',
  'aws_sagemaker_allow_zero_temp', 'aws_secret_access_key', 'aws_session_name', 'aws_session_token',
  'aws_sts_endpoint', 'aws_web_identity_token', 'azure', 'azure_ad_token', 'azure_ad_token_provider',
  'azure_password', 'azure_scope', 'azure_search_service_name', 'azure_search_vector_field', 'azure_username',
  'background', 'base64_string', 'base_model', 'base_url', 'batch_cost', 'batch_id', 'batch_job_state',
  'batch_models', 'batch_usage', 'best_of', 'bos_token', 'bucket_name', 'budget_duration', 'cache',
  'cache_control_injection_points', 'cache_creation_input_audio_token_cost',
  'cache_creation_input_token_cost', 'cache_creation_input_token_cost_above_1hr',
  'cache_creation_input_token_cost_above_200k_tokens', 'cache_hit', 'cache_key',
  'cache_read_input_audio_token_cost', 'cache_read_input_token_cost',
  'cache_read_input_token_cost_above_200k_tokens', 'cache_read_input_token_cost_flex',
  'cache_read_input_token_cost_priority', 'cached_content', 'caching', 'caching_groups', 'call_type',
  'callbacks', 'candidate_count', 'categories', 'choices', 'citation_cost_per_token', 'client', 'client_id',
  'client_secret', 'combined_usage_object', 'complete_response', 'complete_streaming_response',
  'completion_start_time', 'configurable_clientside_auth_params', 'content', 'content_policy_fallbacks',
  'context_management', 'context_window_fallback_dict', 'context_window_fallbacks', 'cooldown_time',
  'country', 'created', 'custom_endpoint', 'custom_llm_provider', 'custom_param', 'custom_prompt_dict',
  'custom_validate', 'data', 'decoder_input_details', 'default_on', 'deployment_id', 'deployments',
  'dimensions', 'disable_add_transform_inline_image_block', 'disable_fallbacks', 'do_sample', 'documents',
  'drop_params', 'echo', 'embedding_config', 'embedding_dimension', 'embedding_model', 'embedding_types',
  'encoding', 'encoding_format', 'end_time', 'endpoint', 'enforce_scope_based_access', 'engine',
  'ensure_alternating_roles', 'eos_token', 'error', 'event_hook', 'exception', 'exclude_domains',
  'experimental_use_latest_role_message_only', 'extra_body', 'extra_headers', 'extra_query', 'fail_on_error',
  'failure_callback', 'fake_stream', 'fallback_depth', 'fallbacks', 'fastest_response', 'file', 'file_name',
  'filters', 'final_prompt_value', 'force_single_step', 'force_timeout', 'format', 'frequency_penalty',
  'function_call', 'function_name', 'functions', 'functions_unsupported_model', 'gcs_bucket_name',
  'gcs_path_service_account', 'gemini_api_key', 'git_ref', 'guardrail_name', 'guardrails', 'headers',
  'height', 'hf_model_name', 'http_request', 'humanloop_api_key', 'id', 'image', 'image_size', 'images',
  'include', 'initial_prompt_value', 'input', 'input_cost_per_audio_per_second',
  'input_cost_per_audio_per_second_above_128k_tokens', 'input_cost_per_audio_token',
  'input_cost_per_character', 'input_cost_per_character_above_128k_tokens', 'input_cost_per_image',
  'input_cost_per_image_above_128k_tokens', 'input_cost_per_pixel', 'input_cost_per_query',
  'input_cost_per_second', 'input_cost_per_token', 'input_cost_per_token_above_128k_tokens',
  'input_cost_per_token_above_200k_tokens', 'input_cost_per_token_batches', 'input_cost_per_token_cache_hit',
  'input_cost_per_token_flex', 'input_cost_per_token_priority', 'input_cost_per_video_per_second',
  'input_cost_per_video_per_second_above_128k_tokens', 'input_cost_per_video_per_second_above_15s_interval',
  'input_cost_per_video_per_second_above_8s_interval', 'input_type', 'instances', 'instructions', 'is_async',
  'is_public', 'is_vertex_request', 'json_mode', 'keep_alive', 'kwargs', 'labels', 'lang', 'langfuse_host',
  'langfuse_prompt_version', 'langfuse_public_key', 'langfuse_secret', 'langfuse_secret_key',
  'langsmith_api_key', 'langsmith_base_url', 'langsmith_project', 'langsmith_sampling_rate', 'language',
  'language_code', 'litellm_call_id', 'litellm_credential_name', 'litellm_disabled_callbacks',
  'litellm_embedding_config', 'litellm_embedding_model', 'litellm_logging_obj', 'litellm_metadata',
  'litellm_params', 'litellm_parent_otel_span', 'litellm_proxy_rate_limit_response', 'litellm_request_debug',
  'litellm_router_instance', 'litellm_session_id', 'litellm_trace_id', 'log_event_type', 'logger_fn',
  'logging_obj', 'logit_bias', 'logprobs', 'max_budget', 'max_chunks_per_doc', 'max_completion_tokens',
  'max_fallbacks', 'max_file_size_mb', 'max_gen_len', 'max_length', 'max_new_tokens', 'max_output_tokens',
  'max_parallel_requests', 'max_results', 'max_retries', 'max_tokens', 'max_tokens_per_doc',
  'max_tokens_per_page', 'max_tokens_to_sample', 'mcp_servers', 'mcp_tool_call_metadata', 'media_source',
  'media_source_bucket_owner', 'media_source_s3_uri', 'merge_reasoning_content_in_choices', 'message',
  'messages', 'metadata', 'method', 'milvus_text_field', 'min_tokens', 'mock_delay', 'mock_response',
  'mock_testing_rate_limit_error', 'mock_timeout', 'mock_tool_calls', 'modalities', 'modality', 'mode',
  'model', 'model_config', 'model_file_id_mapping', 'model_id', 'model_info', 'model_list', 'model_response',
  'models', 'moderations', 'n', 'name', 'no-log', 'num_generations', 'num_images', 'num_predict',
  'num_retries', 'num_return_sequences', 'nx', 'object', 'object_id_jwt_field', 'oci_compartment_id',
  'oci_endpoint_id', 'oci_fingerprint', 'oci_key', 'oci_key_file', 'oci_region', 'oci_serving_mode',
  'oci_signer', 'oci_tenancy', 'oci_user', 'optional_params', 'org_id', 'organization', 'organization_id',
  'original_batch_request', 'original_function', 'original_generic_function', 'original_response',
  'output_config', 'output_cost_per_audio_per_second', 'output_cost_per_audio_token',
  'output_cost_per_character', 'output_cost_per_character_above_128k_tokens', 'output_cost_per_image',
  'output_cost_per_image_token', 'output_cost_per_pixel', 'output_cost_per_reasoning_token',
  'output_cost_per_second', 'output_cost_per_token', 'output_cost_per_token_above_128k_tokens',
  'output_cost_per_token_above_200k_tokens', 'output_cost_per_token_batches', 'output_cost_per_token_flex',
  'output_cost_per_token_priority', 'output_cost_per_video_per_second', 'output_dimension', 'output_format',
  'output_height', 'output_width', 'p', 'parallel_tool_calls', 'parent_otel_span',
  'passthrough_logging_payload', 'passthrough_on_no_deployment', 'posthog_api_key', 'posthog_api_url',
  'predibase_tenant_id', 'prediction', 'presence_penalty', 'preset_cache_key', 'previous_response_id',
  'priority', 'project', 'project_name', 'prompt', 'prompt_id', 'prompt_integration', 'prompt_label',
  'prompt_variables', 'prompt_version', 'provider_config', 'provider_specific_fields',
  'provider_specific_header', 'proxy_server_request', 'purpose', 'qualifier', 'quality', 'query',
  'random_seed', 'rank_fields', 'rate', 'ratio', 'realtime_protocol', 'reasoning', 'reasoning_effort',
  'region_name', 'repeat_penalty', 'repetition_penalty', 'request_data', 'request_timeout', 'response_cost',
  'response_cost_failure_debug_information', 'response_format', 'response_id', 'response_mime_type',
  'response_schema', 'retry_policy', 'retry_strategy', 'return_documents', 'role', 'role_mappings', 'roles',
  'route', 'router', 'routing_strategy_args', 'rpm', 'runwayml_voice', 's3_bucket_name', 's3_bucket_owner',
  's3_encryption_key_id', 's3_endpoint_url', 's3_output_bucket_name', 's3_uri', 'safety_identifier',
  'safety_settings', 'sagemaker_base_url', 'scope_mappings', 'search_context_cost_per_query',
  'search_domain_filter', 'search_engine_id', 'search_provider', 'search_tool_name', 'secret_fields', 'seed',
  'self', 'server_name', 'service_logger_obj', 'service_tier', 'shared_session', 'size',
  'specific_deployment', 'speed', 'ssl_verify', 'standard_callback_dynamic_params', 'standard_logging_object',
  'start_time', 'steps', 'stop', 'stop_sequences', 'store', 'stream', 'stream_chunk_size', 'stream_options',
  'stream_response', 'stream_timeout', 'streaming_sampling_rate', 'style', 'styledegree', 'success_callback',
  'suffix', 'supported_event_hooks', 'supports_system_message', 'supports_system_prompt', 'system',
  'system_fingerprint', 'system_instruction', 'tags', 'task', 'task_type', 'temperature', 'tenant_id', 'text',
  'text_completion', 'text_format', 'think', 'thinking', 'tiered_pricing', 'timeout',
  'timestamp_granularities', 'title', 'token', 'tool_choice', 'tool_choice_option', 'tool_config',
  'tool_results', 'tools', 'top_k', 'top_logprobs', 'top_n', 'top_n_tokens', 'top_p', 'tpm', 'transforms',
  'truncation', 'ttl', 'turn_off_message_logging', 'unified_object_id', 'upload_url', 'url', 'usage',
  'use_client', 'use_in_pass_through', 'use_litellm_proxy', 'use_psc_endpoint_format', 'use_ssml', 'user',
  'user_allowed_roles', 'user_api_key_alias', 'user_api_key_auth', 'user_api_key_dict',
  'user_api_key_end_user_id', 'user_api_key_hash', 'user_api_key_request_route', 'user_api_key_team_id',
  'user_api_key_user_id', 'user_continue_message', 'user_id', 'user_roles_jwt_field', 'vector_store_id',
  'vector_store_ids', 'vector_store_request_metadata', 'verbose', 'verbosity', 'vertex_ai_credentials',
  'vertex_ai_location', 'vertex_ai_project', 'vertex_collection_id', 'vertex_credentials', 'vertex_location',
  'vertex_project', 'vertex_voice_dict', 'video', 'video_base64', 'video_s3_bucket_owner', 'video_s3_uri',
  'voice', 'wandb_api_key', 'watsonx_credentials', 'watsonx_region_name', 'weave_project_id',
  'web_search_options', 'weight', 'width', 'workspace', 'wx_credentials', 'zen_api_key',
] as const;

/** litellm_settings keys the proxy handles itself (load_config's loop, or read from the dict). */
export const litellmSettingsHandled = [
  'azure_content_safety_params', 'cache', 'cache_params', 'callbacks', 'cost_discount_config',
  'custom_provider_map', 'default_max_internal_user_budget', 'default_team_settings', 'failure_callback',
  'global_bitbucket_config', 'global_gitlab_config', 'global_prompt_directory', 'guardrails', 'json_logs',
  'max_internal_user_budget', 'mcp_aliases', 'model_group_settings', 'post_call_rules',
  'presidio_logging_only', 'priority_reservation_settings', 'prompt_injection_params', 'success_callback',
  'timezone', 'upperbound_key_generate_params',
] as const;

/**
 * Module attributes of `litellm` some code reads back as `litellm.<name>`: the proxy sets any other
 * litellm_settings key with setattr too, where nothing ever reads it.
 */
export const litellmSettingsAttributes = [
  'aclient_session', 'adapters', 'add_function_to_prompt', 'add_user_information_to_llm_headers',
  'ai21_chat_models', 'ai21_key', 'ai21_models', 'aiohttp_trust_env', 'aleph_alpha_key', 'aleph_alpha_models',
  'allowed_fails', 'amazon_nova_api_key', 'anthropic_key', 'anthropic_models', 'api_base', 'api_key',
  'api_version', 'argilla_batch_size', 'argilla_transformation_object', 'aws_sqs_callback_params',
  'azure_embedding_models', 'azure_key', 'azure_llms', 'baseten_key', 'baseten_models',
  'bedrock_converse_models', 'bedrock_embedding_models', 'bedrock_models', 'blocked_user_list',
  'budget_duration', 'bytez_key', 'cache', 'caching', 'callback_settings', 'callbacks',
  'check_provider_endpoint', 'clarifai_models', 'client_session', 'cloudflare_api_key', 'cohere_chat_models',
  'cohere_embedding_models', 'cohere_key', 'cohere_models', 'cold_storage_custom_logger', 'cometapi_key',
  'common_cloud_provider_auth_params', 'config_path', 'content_policy_fallbacks', 'context_window_fallbacks',
  'cost_discount_config', 'credential_list', 'custom_prometheus_metadata_labels', 'custom_prometheus_tags',
  'custom_prompt_dict', 'custom_provider_map', 'databricks_key', 'datadog_llm_observability_params',
  'datadog_params', 'datadog_use_v1', 'datarobot_models', 'default_fallbacks', 'default_in_memory_ttl',
  'default_internal_user_params', 'default_key_generate_params', 'default_max_internal_user_budget',
  'default_redis_batch_cache_expiry', 'default_redis_ttl', 'default_team_params', 'default_team_settings',
  'disable_add_prefix_to_prompt', 'disable_add_transform_inline_image_block',
  'disable_add_user_agent_to_request_tags', 'disable_aiohttp_transport', 'disable_aiohttp_trust_env',
  'disable_copilot_system_to_assistant', 'disable_end_user_cost_tracking', 'disable_hf_tokenizer_download',
  'disable_streaming_logging', 'disable_token_counter', 'drop_params', 'dynamodb_table_name',
  'empower_models', 'enable_azure_ad_token_refresh', 'enable_caching_on_provider_specific_optional_params',
  'enable_end_user_cost_tracking_prometheus_only', 'enable_json_schema_validation',
  'enable_loadbalancing_on_batch_endpoints', 'enable_preview_features', 'error_logs',
  'extra_spend_tag_headers', 'failure_callback', 'fallbacks', 'fireworks_ai_embedding_models', 'force_ipv4',
  'forward_traceparent_to_llm_provider', 'gcs_pub_sub_use_v1', 'generic_api_use_v1', 'generic_logger_headers',
  'global_bitbucket_config', 'global_disable_no_log_param', 'global_gitlab_config', 'global_prompt_directory',
  'gradient_ai_models', 'groq_key', 'guardrail_name_config_map', 'headers', 'huggingface_key',
  'huggingface_models', 'include_cost_in_streaming_usage', 'infinity_key', 'initialized_langfuse_clients',
  'input_callback', 'internal_user_budget_duration', 'json_logs', 'key_generation_settings',
  'known_tokenizer_config', 'langfuse_default_tags', 'langsmith_batch_size', 'lemonade_key',
  'logged_real_time_event_types', 'maritalk_key', 'maritalk_models', 'max_budget', 'max_end_user_budget',
  'max_end_user_budget_id', 'max_fallbacks', 'max_internal_user_budget', 'max_tokens',
  'max_ui_session_budget', 'mistral_chat_models', 'model_alias_map', 'model_cost', 'model_cost_map_url',
  'model_fallbacks', 'model_group_settings', 'model_list_set', 'models_by_provider', 'modify_params',
  'nebius_key', 'nebius_models', 'nlp_cloud_key', 'nlp_cloud_models', 'novita_models', 'num_retries',
  'num_retries_per_request', 'ollama_key', 'open_ai_chat_completion_models', 'open_ai_embedding_models',
  'open_ai_text_completion_models', 'openai_compatible_endpoints', 'openai_compatible_providers',
  'openai_image_generation_models', 'openai_key', 'openai_like_key',
  'openai_text_completion_compatible_providers', 'openai_video_generation_models', 'openrouter_key',
  'openrouter_models', 'organization', 'output_parse_pii', 'ovhcloud_key', 'ovhcloud_models', 'petals_models',
  'post_call_rules', 'pre_call_rules', 'predibase_key', 'predibase_tenant_id', 'priority_reservation',
  'project', 'prometheus_initialize_budget_metrics', 'prometheus_metrics_config', 'provider_list',
  'public_agent_groups', 'public_mcp_servers', 'public_model_groups', 'public_model_groups_links',
  'redact_messages_in_exceptions', 'redact_user_api_key_info', 'replicate_key', 'replicate_models',
  'request_timeout', 'require_auth_for_metrics_endpoint', 'return_response_headers', 's3_callback_params',
  'safe_memory_mode', 'secret_manager_client', 'service_callback', 'set_verbose', 'snowflake_models',
  'ssl_certificate', 'ssl_ecdh_curve', 'ssl_security_level', 'ssl_verify', 'store_audit_logs',
  'success_callback', 'suppress_debug_info', 'tag_budget_config', 'together_ai_models', 'togetherai_api_key',
  'turn_off_message_logging', 'upperbound_key_generate_params', 'use_aiohttp_transport', 'use_litellm_proxy',
  'vector_store_index_registry', 'vector_store_registry', 'vercel_ai_gateway_models', 'vertex_ai_ai21_models',
  'vertex_ai_image_models', 'vertex_ai_safety_settings', 'vertex_ai_video_models', 'vertex_anthropic_models',
  'vertex_chat_models', 'vertex_code_chat_models', 'vertex_code_text_models', 'vertex_embedding_models',
  'vertex_language_models', 'vertex_llama3_models', 'vertex_location', 'vertex_mistral_models',
  'vertex_project', 'vertex_text_models', 'vertex_vision_models', 'wandb_key', 'wandb_models',
  'watsonx_models',
] as const;

/** Keys that can have an effect in litellm_settings. */
export const litellmSettingsKeys: readonly string[] = [...new Set<string>([...litellmSettingsHandled, ...litellmSettingsAttributes])].sort();

/** cache_params keys: parameters of litellm's Cache and RedisCache, and of redis-py's client (which gets the rest). */
export const cacheParamsKeys = [
  'azure_account_url', 'azure_blob_container', 'cache', 'cache_config', 'client_name', 'connection_pool',
  'credential_provider', 'db', 'decode_responses', 'default_in_memory_ttl', 'default_in_redis_ttl',
  'disk_cache_dir', 'driver_info', 'encoding', 'encoding_errors', 'event_dispatcher', 'gcp_service_account',
  'gcp_ssl_ca_certs', 'gcs_bucket_name', 'gcs_path', 'gcs_path_service_account', 'health_check_interval',
  'host', 'legacy_responses', 'lib_name', 'lib_version', 'maint_notifications_config', 'max_connections',
  'mode', 'namespace', 'oss_cluster_maint_notifications_handler', 'password', 'port', 'protocol',
  'qdrant_api_base', 'qdrant_api_key', 'qdrant_collection_name', 'qdrant_quantization_config',
  'qdrant_semantic_cache_embedding_model', 'redis_connect_func', 'redis_flush_size',
  'redis_semantic_cache_embedding_model', 'redis_semantic_cache_index_name', 'redis_startup_nodes', 'retry',
  'retry_on_error', 'retry_on_timeout', 's3_api_version', 's3_aws_access_key_id', 's3_aws_secret_access_key',
  's3_aws_session_token', 's3_bucket_name', 's3_config', 's3_endpoint_url', 's3_path', 's3_region_name',
  's3_use_ssl', 's3_verify', 'similarity_threshold', 'single_connection_client', 'socket_connect_timeout',
  'socket_keepalive', 'socket_keepalive_options', 'socket_read_size', 'socket_timeout', 'ssl', 'ssl_ca_certs',
  'ssl_ca_data', 'ssl_ca_path', 'ssl_cert_reqs', 'ssl_certfile', 'ssl_check_hostname', 'ssl_ciphers',
  'ssl_exclude_verify_flags', 'ssl_include_verify_flags', 'ssl_keyfile', 'ssl_min_version',
  'ssl_ocsp_context', 'ssl_ocsp_expected_cert', 'ssl_password', 'ssl_validate_ocsp',
  'ssl_validate_ocsp_stapled', 'startup_nodes', 'supported_call_types', 'ttl', 'type', 'unix_socket_path',
  'username',
] as const;

/** The capability flags of LiteLLM's ModelInfo (`model_info.supports_*`). */
export const supportsFlags = [
  'supports_assistant_prefill', 'supports_audio_input', 'supports_audio_output', 'supports_computer_use',
  'supports_embedding_image_input', 'supports_function_calling', 'supports_native_streaming',
  'supports_parallel_function_calling', 'supports_pdf_input', 'supports_prompt_caching', 'supports_reasoning',
  'supports_response_schema', 'supports_system_messages', 'supports_tool_choice', 'supports_url_context',
  'supports_vision', 'supports_web_search',
] as const;

/**
 * Router parameters that fall back to a litellm setting of another name (`self.timeout = timeout or
 * litellm.request_timeout` in Router.__init__), as [parameter, setting]: litellm_settings sets the same value.
 */
export const routerDefaultsFromSettings = [['timeout', 'request_timeout']] as const;

/** Top-level config.yaml sections the proxy reads (ProxyConfig's methods); it ignores any other top-level key. */
export const configSections = [
  'agent_list', 'assistant_settings', 'callback_settings', 'credential_list', 'default_vertex_config',
  'environment_variables', 'files_settings', 'finetune_settings', 'general_settings', 'guardrails', 'include',
  'litellm_settings', 'mcp_servers', 'mcp_tools', 'model_list', 'prompts', 'router_settings', 'search_tools',
  'vector_store_registry',
] as const;
