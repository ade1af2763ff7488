import type { Mode, SupportFlag } from '@litellm-stack/catalog';

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
  /** Comma-separated, or a list. */
  accessGroups?: string | string[];
  baseModel?: string;
  /** `key=value,key=value` LiteLLM params. */
  params?: string;
  disableBackgroundHealthCheck?: boolean;
} & Partial<Record<SupportFlag, boolean>>;
