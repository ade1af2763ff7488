import type { ModelDeployment } from '../types.ts';

export const models: ModelDeployment[] = [
  {
    id: 'cohere-rerank-v3-5',
    modelName: 'cohere-rerank-v3.5',
    model: 'cohere/rerank-v3.5',
    credential: 'azure_ai_cohere_rerank',
    info: { mode: 'rerank' },
  },
];
