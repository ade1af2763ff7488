// The catalog's vocabulary. Field names follow the chart's values (camelCase); the chart maps them to
// LiteLLM's snake_case keys when it renders config.yaml.

/** LiteLLM provider prefixes the catalog supports; a model's `model` starts with `<provider>/`. */
export const providers = ['azure', 'azure_ai', 'anthropic', 'cohere'] as const;
export type Provider = (typeof providers)[number];

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

/** Capability flags passed to LiteLLM's model_info as `supports_*`. */
export const supportFlags = [
  'supportsVision',
  'supportsFunctionCalling',
  'supportsParallelFunctionCalling',
  'supportsToolChoice',
  'supportsResponseSchema',
  'supportsReasoning',
  'supportsPromptCaching',
  'supportsPdfInput',
  'supportsAudioInput',
  'supportsAudioOutput',
  'supportsWebSearch',
] as const;
export type SupportFlag = (typeof supportFlags)[number];

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
  /** Names of the Secret keys (and env vars) that hold the credential's secret values. */
  secretKeys: { apiKey: string };
}

export type ModelInfo = {
  mode: Mode;
  /** LiteLLM `base_model`: the priced model behind an Azure deployment name. */
  baseModel?: string;
  accessGroups?: string[];
  /** LiteLLM's background health check must skip this deployment. */
  disableBackgroundHealthCheck?: boolean;
  /** Voice used when LiteLLM health-checks an audio_speech deployment. */
  healthCheckVoice?: string;
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
  /** Extra LiteLLM `litellm_params`, passed as they are (e.g. `input_type`). */
  params?: Record<string, string | number | boolean>;
  info: ModelInfo;
}

export interface Catalog {
  credentials: Credential[];
  models: ModelDeployment[];
}
