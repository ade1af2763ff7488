// From the credential generator's options to a catalog entry, with the defaults it filled in.
import { familyOf, type Credential } from '@litellm-stack/catalog';
import type { CredentialGeneratorSchema } from './schema.d.ts';

/** A Secret key (and env var) name for a credential: `azure_us-east` → `AZURE_US_EAST_API_KEY`. */
export function secretKeyOf(id: string, suffix = 'API_KEY'): string {
  return `${id.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}_${suffix}`;
}

const plainFields = ['apiBase', 'resourceName', 'apiVersion', 'organization', 'tenantId', 'clientId', 'workloadIdentity', 'awsRegionName', 'vertexProject', 'vertexLocation'] as const;

export function buildCredential(options: CredentialGeneratorSchema): { credential: Credential; notes: string[] } {
  const notes: string[] = [];
  const description = options.description ?? `${options.provider} credential ${options.id}.`;
  if (options.description === undefined) notes.push(`description "${description}" (set --description to change it)`);
  const family = familyOf(options.provider);
  const secretKeys: NonNullable<Credential['secretKeys']> = {};
  // A key by default only where the provider takes one: Entra ID, IRSA, workload identity and self-hosted servers do without.
  const entraId = family === 'azure' && (options.tenantId !== undefined || options.workloadIdentity);
  const takesKey = (family === 'openai' || family === 'keyed' || (family === 'azure' && !entraId)) && options.clientSecretKey === undefined;
  const apiKey = options.secretKey ?? (takesKey ? secretKeyOf(options.id) : undefined);
  if (apiKey !== undefined) secretKeys.apiKey = apiKey;
  if (options.secretKey === undefined && apiKey !== undefined) notes.push(`secretKeys.apiKey "${apiKey}": the Secret key and env var holding the API key (set --secret-key to change it)`);
  const clientSecret = options.clientSecretKey ?? (entraId && !options.workloadIdentity ? secretKeyOf(options.id, 'CLIENT_SECRET') : undefined);
  if (clientSecret !== undefined) secretKeys.clientSecret = clientSecret;
  if (options.clientSecretKey === undefined && clientSecret !== undefined) notes.push(`secretKeys.clientSecret "${clientSecret}": the Secret key holding the Entra ID client secret (set --client-secret-key to change it)`);
  if (options.awsAccessKeyIdKey !== undefined) secretKeys.awsAccessKeyId = options.awsAccessKeyIdKey;
  if (options.awsSecretAccessKeyKey !== undefined) secretKeys.awsSecretAccessKey = options.awsSecretAccessKeyKey;
  if (options.vertexCredentialsKey !== undefined) secretKeys.vertexCredentials = options.vertexCredentialsKey;
  // Fields in the order the catalog writes them.
  const credential: Partial<Credential> = { id: options.id, provider: options.provider, description };
  for (const field of plainFields) if (options[field] !== undefined) (credential as Record<string, unknown>)[field] = options[field];
  return { credential: { ...credential, ...(Object.keys(secretKeys).length ? { secretKeys } : {}) } as Credential, notes };
}
