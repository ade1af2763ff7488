import type { ModelDeployment } from '../types.ts';

export const models: ModelDeployment[] = [
  {
    id: 'cohere-rerank-v3-5',
    modelName: 'cohere-rerank-v3.5',
    model: 'cohere/cohere-rerank-v3.5',
    credential: 'azure_ai_cohere_rerank',
    maxOutputTokens: 4096,
    info: { mode: 'rerank', id: '76', baseModel: 'cohere-rerank-v3.5', unpricedBaseModel: true, accessGroups: ['premium-models', 'restricted-models'] },
  },
];
