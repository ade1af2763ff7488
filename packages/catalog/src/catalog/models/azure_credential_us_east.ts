import type { ModelDeployment } from '../types.ts';

export const models: ModelDeployment[] = [
  {
    id: 'gpt-4-1',
    modelName: 'gpt-4.1',
    model: 'azure/gpt-4.1',
    credential: 'azure_credential_us_east',
    info: { mode: 'chat', baseModel: 'azure/gpt-4.1', supportsVision: true, supportsFunctionCalling: true, supportsResponseSchema: true },
  },
  {
    id: 'gpt-4-1-nano',
    modelName: 'gpt-4.1-nano',
    model: 'azure/gpt-4.1-nano',
    credential: 'azure_credential_us_east',
    info: { mode: 'chat', baseModel: 'azure/gpt-4.1-nano', supportsVision: true, supportsFunctionCalling: true, supportsResponseSchema: true },
  },
  {
    id: 'gpt-4o-mini',
    modelName: 'gpt-4o-mini',
    model: 'azure/gpt-4o-mini',
    credential: 'azure_credential_us_east',
    info: { mode: 'chat', baseModel: 'azure/gpt-4o-mini', supportsVision: true, supportsFunctionCalling: true, supportsResponseSchema: true },
  },
  {
    id: 'o3',
    modelName: 'o3',
    model: 'azure/o3',
    credential: 'azure_credential_us_east',
    info: { mode: 'chat', baseModel: 'azure/o3', supportsReasoning: true, supportsFunctionCalling: true, supportsVision: true },
  },
  {
    id: 'o4-mini',
    modelName: 'o4-mini',
    model: 'azure/o4-mini',
    credential: 'azure_credential_us_east',
    info: { mode: 'chat', baseModel: 'azure/o4-mini', supportsReasoning: true, supportsFunctionCalling: true, supportsVision: true },
  },
  {
    id: 'text-embedding-3-small',
    modelName: 'text-embedding-3-small',
    model: 'azure/text-embedding-3-small',
    credential: 'azure_credential_us_east',
    info: { mode: 'embedding', baseModel: 'azure/text-embedding-3-small' },
  },
  {
    id: 'text-embedding-ada-002',
    modelName: 'text-embedding-ada-002',
    model: 'azure/text-embedding-ada-002',
    credential: 'azure_credential_us_east',
    info: { mode: 'embedding', baseModel: 'azure/text-embedding-ada-002' },
  },
];
