import type { Provider } from '@litellm-stack/catalog';

export interface CredentialGeneratorSchema {
  /** Credential id (LiteLLM credential_name); also the name of its models file. */
  id: string;
  provider: Provider;
  description?: string;
  apiBase?: string;
  resourceName?: string;
  apiVersion?: string;
  /** Secret key (and env var) holding the API key; default: the id in UPPER_SNAKE + _API_KEY. */
  secretKey?: string;
}
