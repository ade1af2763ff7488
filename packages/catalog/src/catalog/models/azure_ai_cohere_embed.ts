import type { ModelDeployment } from '../types.ts';

export const models: ModelDeployment[] = [
  {
    id: 'cohere-embed-v-4-0',
    modelName: 'cohere-embed-v-4-0',
    model: 'azure_ai/cohere-embed-v-4-0',
    credential: 'azure_ai_cohere_embed',
    description: 'Azure AI serves Cohere embeddings on its own API: azure_ai/, never cohere/.',
    inputType: 'text',
    info: {
      mode: 'embedding', id: '77', baseModel: 'cohere-embed-v-4-0', unpricedBaseModel: true, accessGroups: ['premium-models', 'restricted-models'],
      disableBackgroundHealthCheck: true,
    },
  },
];
