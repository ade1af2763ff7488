// The catalog's invariants. Rules on a single model entry are written once, as JSON Schema if/then:
// the generator puts them into files/conditional-rules.json, which the chart's templates evaluate on
// users' values (templates/_rules.tpl), and validateCatalog runs the very same schemas over the
// catalog, with the rule's own message (an audio_speech
// deployment's health-check voice is not one of them: it is needed only while
// litellm.backgroundHealthChecks is on, which the chart's template checks).
import type { JSONSchema7 } from 'json-schema';

export interface EntryRule {
  id: string;
  /** Dotted path of the field the rule constrains, relative to the model entry. */
  field: string;
  /** What is wrong and what is allowed, shown after `models.<id>.<field>: `. */
  message: string;
  schema: Required<Pick<JSONSchema7, 'if' | 'then'>>;
}

const modelMatches = (pattern: string): JSONSchema7 => ({ properties: { model: { pattern } }, required: ['model'] });
const infoMatches = (properties: Record<string, JSONSchema7>): JSONSchema7 => ({
  properties: { info: { properties, required: Object.keys(properties) } },
  required: ['info'],
});
const healthCheckDisabled: JSONSchema7 = infoMatches({ disableBackgroundHealthCheck: { const: true } });

export const modelRules: EntryRule[] = [
  {
    id: 'realtime-mode',
    field: 'info.mode',
    message: 'a realtime model (its name contains "realtime") must have mode "realtime"',
    schema: { if: modelMatches('realtime'), then: infoMatches({ mode: { const: 'realtime' } }) },
  },
  {
    id: 'realtime-health-check',
    field: 'info.disableBackgroundHealthCheck',
    message: 'must be true for mode "realtime": LiteLLM\'s background health check cannot probe realtime endpoints',
    schema: { if: infoMatches({ mode: { const: 'realtime' } }), then: healthCheckDisabled },
  },
  {
    id: 'gpt-audio-not-speech',
    field: 'info.mode',
    message: 'gpt-audio models are audio chat models, not text-to-speech: mode must not be "audio_speech" (use "chat")',
    schema: { if: modelMatches('gpt-audio'), then: { properties: { info: { properties: { mode: { not: { const: 'audio_speech' } } } } } } },
  },
  {
    id: 'gpt-audio-health-check',
    field: 'info.disableBackgroundHealthCheck',
    message: 'must be true for gpt-audio models: the background health check sends them a text-only request they reject',
    schema: { if: modelMatches('gpt-audio'), then: healthCheckDisabled },
  },
  {
    id: 'cohere-embedding-prefix',
    field: 'model',
    message: 'Cohere embedding models on Azure must use the "azure_ai/" prefix (Azure AI\'s API); "cohere/" and "azure/" call the wrong API',
    schema: {
      if: { allOf: [modelMatches('[Cc]ohere|[Ee]mbed-v|[Ee]mbed-(english|multilingual)'), infoMatches({ mode: { const: 'embedding' } })] },
      then: { properties: { model: { pattern: '^azure_ai/' } } },
    },
  },
  {
    id: 'wildcard-model-name',
    field: 'modelName',
    message: 'a wildcard deployment (its model contains "*") must have a wildcard modelName too (e.g. "openai/*" or "*"): LiteLLM routes a requested name matching modelName to the model with "*" filled in',
    schema: { if: modelMatches('\\*'), then: { properties: { modelName: { pattern: '\\*' } } } },
  },
  {
    id: 'azure-ai-embedding-health-check',
    field: 'info.disableBackgroundHealthCheck',
    message: 'must be true for Azure AI embeddings: the background health check cannot call azure_ai/ embedding endpoints',
    schema: { if: { allOf: [modelMatches('^azure_ai/'), infoMatches({ mode: { const: 'embedding' } })] }, then: healthCheckDisabled },
  },
];
