import type { ModelDeployment } from '../types.ts';

// The seed's Claude deployments on Azure AI Foundry, every field as its configmap sets it.

export const models: ModelDeployment[] = [
  {
    id: 'claude-opus-4-5',
    modelName: 'claude-opus-4-5',
    model: 'anthropic/claude-opus-4-5',
    credential: 'azure_anthropic',
    rpm: 1500,
    tpm: 1500000,
    maxCompletionTokens: 16384,
    cacheControlInjectionPoints: [{ location: 'message', role: 'system' }],
    info: { mode: 'chat', id: '20', baseModel: 'claude-opus-4-5', accessGroups: ['premium-models', 'restricted-models'], supportsReasoning: true },
  },
  {
    id: 'claude-sonnet-4-5',
    modelName: 'claude-sonnet-4-5',
    model: 'anthropic/claude-sonnet-4-5',
    credential: 'azure_anthropic',
    rpm: 2750,
    tpm: 2750000,
    maxCompletionTokens: 16384,
    cacheControlInjectionPoints: [{ location: 'message', role: 'system' }],
    info: { mode: 'chat', id: '21', baseModel: 'claude-sonnet-4-5', accessGroups: ['premium-models', 'restricted-models'], supportsReasoning: true },
  },
  {
    id: 'claude-opus-4-1',
    modelName: 'claude-opus-4-1',
    model: 'anthropic/claude-opus-4-1',
    credential: 'azure_anthropic',
    rpm: 1250,
    tpm: 1250000,
    maxCompletionTokens: 16384,
    cacheControlInjectionPoints: [{ location: 'message', role: 'system' }],
    info: { mode: 'chat', id: '22', baseModel: 'claude-opus-4-1', accessGroups: ['premium-models', 'restricted-models'], supportsReasoning: true },
  },
  {
    id: 'claude-haiku-4-5',
    modelName: 'claude-haiku-4-5',
    model: 'anthropic/claude-haiku-4-5',
    credential: 'azure_anthropic',
    rpm: 2250,
    tpm: 2250000,
    maxCompletionTokens: 16384,
    cacheControlInjectionPoints: [{ location: 'message', role: 'system' }],
    info: { mode: 'chat', id: '23', baseModel: 'claude-haiku-4-5', accessGroups: ['default-models'], supportsReasoning: true },
  },
];
