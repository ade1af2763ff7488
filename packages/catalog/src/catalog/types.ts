// The catalog's vocabulary. Field names follow the chart's values (camelCase); the chart maps them to
// LiteLLM's snake_case keys when it renders config.yaml.

import type { LiteLLMProvider } from '../values/litellm-providers.ts';

/** Every provider LiteLLM 1.80.8 knows (its `provider_list`); a model's `model` resolves to its credential's. */
export { liteLLMProviders as providers } from '../values/litellm-providers.ts';
export type Provider = LiteLLMProvider;

/**
 * LiteLLM `model_info.mode` values (litellm/types/utils.py, 1.80): what kind of endpoint a deployment
 * serves and how the health check probes it.
 */
export const modes = [
  'chat',
  'completion',
  'embedding',
  'image_generation',
  'image_edit',
  'audio_transcription',
  'audio_speech',
  'moderation',
  'rerank',
  'realtime',
  'responses',
  'batch',
  'video_generation',
  'ocr',
  'search',
] as const;
export type Mode = (typeof modes)[number];

/** Capability flags passed to LiteLLM's model_info as `supports_*`: every one of its ModelInfo (litellm-keys.ts). */
export const supportFlags = [
  'supportsAssistantPrefill',
  'supportsAudioInput',
  'supportsAudioOutput',
  'supportsComputerUse',
  'supportsEmbeddingImageInput',
  'supportsFunctionCalling',
  'supportsNativeStreaming',
  'supportsParallelFunctionCalling',
  'supportsPdfInput',
  'supportsPromptCaching',
  'supportsReasoning',
  'supportsResponseSchema',
  'supportsSystemMessages',
  'supportsToolChoice',
  'supportsUrlContext',
  'supportsVision',
  'supportsWebSearch',
] as const;
export type SupportFlag = (typeof supportFlags)[number];

/** LiteLLM `thinking` (Anthropic's extended thinking, mapped by LiteLLM for other providers). */
export interface Thinking {
  type: 'enabled' | 'disabled';
  /** Tokens the model may think with (Anthropic: at least 1024). */
  budgetTokens?: number;
}

export const reasoningEfforts = ['none', 'minimal', 'low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof reasoningEfforts)[number];

export const modalities = ['text', 'audio', 'image'] as const;
export type Modality = (typeof modalities)[number];

/** Roles a cache-control injection point may target (LiteLLM `CacheControlMessageInjectionPoint`). */
export const injectionRoles = ['system', 'user', 'assistant'] as const;

/** One LiteLLM cache-control injection point: a message chosen by role and/or index. */
export interface CacheControlInjectionPoint {
  location: 'message';
  role?: (typeof injectionRoles)[number];
  /** Position in the messages (negative counts from the end). */
  index?: number;
}

export interface Credential {
  /** Stable id; also LiteLLM's `credential_name`. */
  id: string;
  provider: Provider;
  description: string;
  /** Rendered only when enabled; the seed ships them disabled until their endpoint is configured. */
  enabled?: boolean;
  /** Full endpoint URL (LiteLLM `api_base`). */
  apiBase?: string;
  /** Azure OpenAI resource name; the chart derives `https://<name>.openai.azure.com`. */
  resourceName?: string;
  /** Azure `api-version`. */
  apiVersion?: string;
  /** OpenAI organization. */
  organization?: string;
  /** Entra ID tenant (Azure). */
  tenantId?: string;
  /** Entra ID application id (Azure). */
  clientId?: string;
  /** Azure: Entra ID workload identity instead of a key or client secret. */
  workloadIdentity?: boolean;
  /** AWS region (Bedrock, SageMaker). */
  awsRegionName?: string;
  /** Google Cloud project (Vertex AI). */
  vertexProject?: string;
  /** Vertex AI location. */
  vertexLocation?: string;
  /**
   * Names of the Secret keys that hold the credential's secret values (each an env var of that name,
   * vertexCredentials a mounted file). None for workload identity (IRSA, pod identity, GKE, Entra).
   */
  secretKeys?: { apiKey?: string; clientSecret?: string; awsAccessKeyId?: string; awsSecretAccessKey?: string; vertexCredentials?: string };
}

export type ModelInfo = {
  mode: Mode;
  /**
   * LiteLLM `model_info.id`, when it must differ from the catalog id: LiteLLM's spend logs and its
   * database key deployments on it, so an owner moving here keeps the ids they had.
   */
  id?: string;
  /** LiteLLM `base_model`: the priced model behind an Azure deployment name. */
  baseModel?: string;
  /**
   * The base model is knowingly absent from LiteLLM's bundled cost map (cost tracking records 0 for
   * it). Without this flag, a base model the map does not price is an error. Never rendered.
   */
  unpricedBaseModel?: boolean;
  accessGroups?: string[];
  /** LiteLLM's background health check must skip this deployment. */
  disableBackgroundHealthCheck?: boolean;
  /** Voice used when LiteLLM health-checks an audio_speech deployment. */
  healthCheckVoice?: string;
  /** The concrete model LiteLLM's health check calls for a wildcard deployment (`openai/*`). */
  healthCheckModel?: string;
} & Partial<Record<SupportFlag, boolean>>;

export interface ModelDeployment {
  /** Stable id: the values key, LiteLLM `model_info.id`. Lower-case words joined by dashes. */
  id: string;
  /** Public name clients ask for; deployments sharing it are balanced and failed over by the router. */
  modelName: string;
  /** `<provider>/<deployment or model name>`. */
  model: string;
  /** Id of the credential the deployment authenticates with. */
  credential: string;
  description?: string;
  enabled?: boolean;
  rpm?: number;
  tpm?: number;
  /** Seconds. */
  timeout?: number;
  /** Seconds. */
  streamTimeout?: number;
  /** Azure `api-version` of this deployment (LiteLLM `api_version`), overriding its credential's. */
  apiVersion?: string;
  /** LiteLLM `max_tokens`: default output cap of a request. */
  maxTokens?: number;
  /** LiteLLM `max_completion_tokens`: default output cap (reasoning included) of a request. */
  maxCompletionTokens?: number;
  /** LiteLLM `max_output_tokens`: the Responses API's output cap. */
  maxOutputTokens?: number;
  /** LiteLLM `thinking`: an extended-thinking budget for every request. */
  thinking?: Thinking;
  /** LiteLLM `reasoning_effort`. */
  reasoningEffort?: ReasoningEffort;
  /** LiteLLM `merge_reasoning_content_in_choices`: reasoning returned inside the message content. */
  mergeReasoningContentInChoices?: boolean;
  /** LiteLLM `cache_control_injection_points`: where the proxy adds prompt-caching breakpoints. */
  cacheControlInjectionPoints?: CacheControlInjectionPoint[];
  /** LiteLLM `input_type` of embedding requests (e.g. `text`, `search_document`). */
  inputType?: string;
  /** LiteLLM `modalities`: output modalities requested by default (gpt-audio: text and audio). */
  modalities?: Modality[];
  /** Other LiteLLM `litellm_params` (any JSON value), checked against the keys LiteLLM reads. */
  params?: Record<string, unknown>;
  info: ModelInfo;
}

export interface Catalog {
  credentials: Credential[];
  models: ModelDeployment[];
}
