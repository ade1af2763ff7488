// Provider families: which credential fields LiteLLM reads for a provider, which of them are secrets,
// and where its requests go when the credential gives no endpoint. The providers themselves are
// LiteLLM's own list (values/litellm-providers.ts, re-extracted by a drift test).
import { liteLLMProviders, providerDefaultApiBases, unprefixedModels, type LiteLLMProvider } from '../values/litellm-providers.ts';

export const providerFamilies = ['openai', 'azure', 'bedrock', 'vertex', 'selfHosted', 'keyed'] as const;
export type ProviderFamily = (typeof providerFamilies)[number];

/** The providers of each family but `keyed`, which holds every other provider (an API key, an optional api_base). */
export const familyProviders: Record<Exclude<ProviderFamily, 'keyed'>, readonly LiteLLMProvider[]> = {
  openai: ['openai', 'text-completion-openai'],
  azure: ['azure', 'azure_text'],
  bedrock: ['bedrock', 'sagemaker', 'sagemaker_chat'],
  vertex: ['vertex_ai', 'vertex_ai_beta'],
  // Servers users run themselves: LiteLLM has no endpoint for them, and a key only if the server wants one.
  selfHosted: ['hosted_vllm', 'ollama', 'ollama_chat', 'llamafile', 'lm_studio', 'xinference', 'triton', 'oobabooga', 'openai_like', 'custom_openai', 'infinity', 'litellm_proxy', 'docker_model_runner'],
};

export function familyOf(provider: string): ProviderFamily {
  for (const [family, members] of Object.entries(familyProviders)) if ((members as readonly string[]).includes(provider)) return family as ProviderFamily;
  return 'keyed';
}

/**
 * A credential field: its values name (under the credential, or under `secretKeys` for secrets), the
 * key LiteLLM reads in credential_values / litellm_params, and the families that have it. A secret is
 * only ever a Secret key: an env var (`os.environ/NAME`), or a file mounted from the Secret (`file`).
 */
export interface CredentialField {
  field: string;
  liteLLMKey: string;
  families: readonly ProviderFamily[];
  secret?: 'env' | 'file';
  description: string;
}

const all = providerFamilies;
export const credentialFields: readonly CredentialField[] = [
  { field: 'apiBase', liteLLMKey: 'api_base', families: all, description: 'Endpoint URL (LiteLLM api_base).' },
  { field: 'apiVersion', liteLLMKey: 'api_version', families: ['azure'], description: 'Azure api-version.' },
  { field: 'organization', liteLLMKey: 'organization', families: ['openai'], description: 'OpenAI organization id.' },
  { field: 'tenantId', liteLLMKey: 'tenant_id', families: ['azure'], description: 'Entra ID tenant.' },
  { field: 'clientId', liteLLMKey: 'client_id', families: ['azure'], description: 'Entra ID application (client) id.' },
  { field: 'awsRegionName', liteLLMKey: 'aws_region_name', families: ['bedrock'], description: 'AWS region.' },
  { field: 'vertexProject', liteLLMKey: 'vertex_project', families: ['vertex'], description: 'Google Cloud project.' },
  { field: 'vertexLocation', liteLLMKey: 'vertex_location', families: ['vertex'], description: 'Vertex AI location (region, or global).' },
  { field: 'apiKey', liteLLMKey: 'api_key', families: ['openai', 'azure', 'selfHosted', 'keyed'], secret: 'env', description: 'API key.' },
  { field: 'clientSecret', liteLLMKey: 'client_secret', families: ['azure'], secret: 'env', description: 'Entra ID client secret (with tenantId and clientId).' },
  { field: 'awsAccessKeyId', liteLLMKey: 'aws_access_key_id', families: ['bedrock'], secret: 'env', description: 'AWS access key id.' },
  { field: 'awsSecretAccessKey', liteLLMKey: 'aws_secret_access_key', families: ['bedrock'], secret: 'env', description: 'AWS secret access key.' },
  { field: 'vertexCredentials', liteLLMKey: 'vertex_credentials', families: ['vertex'], secret: 'file', description: 'Service-account JSON, mounted as a file.' },
];

/** Where a secret of `file` kind is mounted in the proxy: one file per credential and field. */
export const credentialFilesDir = '/etc/litellm/credentials';

/**
 * The provider LiteLLM 1.80.8 gives a deployment's model (get_llm_provider): the prefix before the
 * first `/` when it is one of its providers, else the provider of a model name it knows without a
 * prefix; undefined when LiteLLM cannot tell.
 */
export function resolveProvider(model: string): LiteLLMProvider | undefined {
  const slash = model.indexOf('/');
  const prefix = slash < 0 ? undefined : model.slice(0, slash);
  if (prefix !== undefined && (liteLLMProviders as readonly string[]).includes(prefix)) return prefix as LiteLLMProvider;
  return (unprefixedModels as Record<string, LiteLLMProvider>)[model];
}

/**
 * The endpoint a credential without apiBase reaches, with `{region}` / `{location}` filled in by the
 * chart: LiteLLM's own default for OpenAI-compatible providers, else the provider's public API.
 * The others are the defaults in LiteLLM 1.80.8's main.py and provider code (cohere: api.cohere.ai of
 * its rerank, embed and v1 chat routes; a `cohere/v2/…` chat model calls api.cohere.com, which
 * networkPolicy.providers.extraFQDNs must add), boto3's regional endpoints, Vertex AI's regional hosts.
 */
export const publicEndpoints: Readonly<Record<string, string>> = {
  ...providerDefaultApiBases,
  openai: 'https://api.openai.com/v1',
  'text-completion-openai': 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  cohere: 'https://api.cohere.ai',
  cohere_chat: 'https://api.cohere.ai',
  gemini: 'https://generativelanguage.googleapis.com',
  mistral: 'https://api.mistral.ai/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  bedrock: 'https://bedrock-runtime.{region}.amazonaws.com',
  sagemaker: 'https://runtime.sagemaker.{region}.amazonaws.com',
  sagemaker_chat: 'https://runtime.sagemaker.{region}.amazonaws.com',
  vertex_ai: 'https://{location}-aiplatform.googleapis.com',
  vertex_ai_beta: 'https://{location}-aiplatform.googleapis.com',
};

/** Identity endpoints a family's token exchange calls besides the provider (network policy egress). */
export const identityEndpoints: Readonly<Partial<Record<ProviderFamily, readonly string[]>>> = {
  azure: ['https://login.microsoftonline.com'],
  bedrock: ['https://sts.{region}.amazonaws.com', 'https://sts.amazonaws.com'],
  vertex: ['https://oauth2.googleapis.com'],
};
