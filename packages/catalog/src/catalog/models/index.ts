// One file per credential; `nx g @litellm-stack/nx-plugin:model` adds entries to the right one.
import type { ModelDeployment } from '../types.ts';
import { models as azureAiCohereEmbed } from './azure_ai_cohere_embed.ts';
import { models as azureAiCohereRerank } from './azure_ai_cohere_rerank.ts';
import { models as azureAnthropic } from './azure_anthropic.ts';
import { models as azureCredentialUsEast } from './azure_credential_us_east.ts';
import { models as azureCredentialUsEast2 } from './azure_credential_us_east2.ts';

export const models: ModelDeployment[] = [
  ...azureCredentialUsEast,
  ...azureCredentialUsEast2,
  ...azureAnthropic,
  ...azureAiCohereEmbed,
  ...azureAiCohereRerank,
];
