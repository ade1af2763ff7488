import type { Mode, ReasoningEffort, SupportFlag } from '@litellm-stack/catalog';

export type ModelGeneratorSchema = {
  /** Model id (values key); default: the model name, lower case, dots as dashes. */
  id?: string;
  /** `<provider>/<deployment name>`. */
  model: string;
  /** Id of the credential; the entry goes into models/<credential>.ts. */
  credential: string;
  modelName?: string;
  description?: string;
  mode?: Mode;
  rpm?: number;
  tpm?: number;
  timeout?: number;
  streamTimeout?: number;
  apiVersion?: string;
  maxTokens?: number;
  maxCompletionTokens?: number;
  maxOutputTokens?: number;
  /** budget_tokens of an enabled `thinking`. */
  thinkingBudget?: number;
  reasoningEffort?: ReasoningEffort;
  mergeReasoningContentInChoices?: boolean;
  /** Comma-separated message roles, or a list: one cache-control injection point each. */
  cacheControlInjection?: string | string[];
  inputType?: string;
  /** Comma-separated, or a list. */
  modalities?: string | string[];
  /** Comma-separated, or a list. */
  accessGroups?: string | string[];
  baseModel?: string;
  unpricedBaseModel?: boolean;
  /** LiteLLM model_info.id, when it differs from `id`. */
  infoId?: string;
  /** `key=value,key=value` LiteLLM params. */
  params?: string;
  disableBackgroundHealthCheck?: boolean;
} & Partial<Record<SupportFlag, boolean>>;
