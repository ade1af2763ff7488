import type { Credential } from './types.ts';

// The seed deployment's credentials. All ship disabled: a credential (and with it its models) is
// rendered once the user enables it and gives its endpoint.
export const credentials: Credential[] = [
  {
    id: 'azure_credential_us_east',
    provider: 'azure',
    description: 'Azure OpenAI in East US (GPT-4.1/4o family, o-series, embeddings).',
    apiVersion: '2025-01-01-preview',
    secretKeys: { apiKey: 'AZURE_US_EAST_API_KEY' },
  },
  {
    id: 'azure_credential_us_east2',
    provider: 'azure',
    description: 'Azure OpenAI in East US 2 (GPT-5 family, audio, image, realtime, large embeddings).',
    apiVersion: '2025-04-01-preview',
    secretKeys: { apiKey: 'AZURE_US_EAST2_API_KEY' },
  },
  {
    id: 'azure_anthropic',
    provider: 'anthropic',
    description: 'Anthropic Claude models hosted on Azure AI Foundry (its own endpoint and key).',
    secretKeys: { apiKey: 'AZURE_ANTHROPIC_API_KEY' },
  },
  {
    id: 'azure_ai_cohere_embed',
    provider: 'azure_ai',
    description: 'Cohere Embed v4 on Azure AI (serverless endpoint).',
    secretKeys: { apiKey: 'AZURE_AI_COHERE_EMBED_API_KEY' },
  },
  {
    id: 'azure_ai_cohere_rerank',
    provider: 'cohere',
    description: 'Cohere Rerank v3.5 on Azure AI (Cohere-compatible endpoint).',
    secretKeys: { apiKey: 'AZURE_AI_COHERE_RERANK_API_KEY' },
  },
];
