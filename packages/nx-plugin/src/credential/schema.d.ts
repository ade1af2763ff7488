import type { Credential } from '@litellm-stack/catalog';

/** The catalog's credential fields as flags (documented on `Credential`; the id also names its models file), the Secret keys flattened. */
export interface CredentialGeneratorSchema
  extends Pick<Credential, 'id' | 'provider'>,
    Partial<Pick<Credential, 'description' | 'apiBase' | 'resourceName' | 'apiVersion' | 'organization' | 'tenantId' | 'clientId' | 'workloadIdentity' | 'awsRegionName' | 'vertexProject' | 'vertexLocation'>> {
  /** Secret key (and env var) holding the API key; default, for providers that take one: the id in UPPER_SNAKE + _API_KEY. */
  secretKey?: string;
  clientSecretKey?: string;
  awsAccessKeyIdKey?: string;
  awsSecretAccessKeyKey?: string;
  vertexCredentialsKey?: string;
}
