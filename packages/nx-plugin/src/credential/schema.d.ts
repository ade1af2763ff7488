import type { Provider } from '@litellm-stack/catalog';

export interface CredentialGeneratorSchema {
  /** Credential id (LiteLLM credential_name); also the name of its models file. */
  id: string;
  provider: Provider;
  description?: string;
  apiBase?: string;
  resourceName?: string;
  apiVersion?: string;
  organization?: string;
  tenantId?: string;
  clientId?: string;
  workloadIdentity?: boolean;
  awsRegionName?: string;
  vertexProject?: string;
  vertexLocation?: string;
  /** Secret key (and env var) holding the API key; default, for providers that take one: the id in UPPER_SNAKE + _API_KEY. */
  secretKey?: string;
  clientSecretKey?: string;
  awsAccessKeyIdKey?: string;
  awsSecretAccessKeyKey?: string;
  vertexCredentialsKey?: string;
}
