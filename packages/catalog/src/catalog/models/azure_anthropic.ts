import type { ModelDeployment } from '../types.ts';

export const models: ModelDeployment[] = [
  {
    id: 'claude-opus-4-5',
    modelName: 'claude-opus-4-5',
    model: 'anthropic/claude-opus-4-5',
    credential: 'azure_anthropic',
    info: { mode: 'chat', supportsReasoning: true, supportsVision: true, supportsFunctionCalling: true, supportsPromptCaching: true },
  },
  {
    id: 'claude-sonnet-4-5',
    modelName: 'claude-sonnet-4-5',
    model: 'anthropic/claude-sonnet-4-5',
    credential: 'azure_anthropic',
    info: { mode: 'chat', supportsReasoning: true, supportsVision: true, supportsFunctionCalling: true, supportsPromptCaching: true },
  },
  {
    id: 'claude-opus-4-1',
    modelName: 'claude-opus-4-1',
    model: 'anthropic/claude-opus-4-1',
    credential: 'azure_anthropic',
    info: { mode: 'chat', supportsReasoning: true, supportsVision: true, supportsFunctionCalling: true, supportsPromptCaching: true },
  },
  {
    id: 'claude-haiku-4-5',
    modelName: 'claude-haiku-4-5',
    model: 'anthropic/claude-haiku-4-5',
    credential: 'azure_anthropic',
    info: { mode: 'chat', supportsReasoning: true, supportsVision: true, supportsFunctionCalling: true, supportsPromptCaching: true },
  },
];
