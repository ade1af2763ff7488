// From the credential generator's options to a catalog entry, with the defaults it filled in.
import type { Credential } from '@litellm-stack/catalog';
import type { CredentialGeneratorSchema } from './schema.d.ts';

/** The Secret key (and env var) for a credential's API key: `azure_us-east` → `AZURE_US_EAST_API_KEY`. */
export function secretKeyOf(id: string): string {
  return `${id.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}_API_KEY`;
}

export function buildCredential(options: CredentialGeneratorSchema): { credential: Credential; notes: string[] } {
  const notes: string[] = [];
  const description = options.description ?? `${options.provider} credential ${options.id}.`;
  if (options.description === undefined) notes.push(`description "${description}" (set --description to change it)`);
  const apiKey = options.secretKey ?? secretKeyOf(options.id);
  if (options.secretKey === undefined) notes.push(`secretKeys.apiKey "${apiKey}": the Secret key and env var holding the API key (set --secret-key to change it)`);
  // Fields in the order the catalog writes them.
  const credential: Partial<Credential> = { id: options.id, provider: options.provider, description };
  if (options.apiBase !== undefined) credential.apiBase = options.apiBase;
  if (options.resourceName !== undefined) credential.resourceName = options.resourceName;
  if (options.apiVersion !== undefined) credential.apiVersion = options.apiVersion;
  return { credential: { ...credential, secretKeys: { apiKey } } as Credential, notes };
}
