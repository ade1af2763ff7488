// What a client sends to the proxy for a deployment of each mode, and what the provider must then
// receive, derived from the catalog alone, never from the rendered config.
import type { Credential, Mode, ModelDeployment } from '../../packages/catalog/src/index.ts';
import type { RecordedRequest, UpstreamKind } from './fake-backend.ts';

export interface ClientRequest {
  path: string;
  body: object;
}

/** The modes a single plain HTTP request can exercise; realtime is a websocket and is only listed. */
export const requestableModes = ['chat', 'embedding', 'image_generation', 'rerank'] as const satisfies readonly Mode[];

/** One proxy request for the public model name; `marker` lets the test find it upstream. */
export function clientRequest(mode: Mode, modelName: string, marker: string): ClientRequest {
  switch (mode) {
    case 'chat':
      return { path: '/v1/chat/completions', body: { model: modelName, messages: [{ role: 'user', content: marker }] } };
    case 'embedding':
      return { path: '/v1/embeddings', body: { model: modelName, input: [marker] } };
    case 'image_generation':
      return { path: '/v1/images/generations', body: { model: modelName, prompt: marker } };
    case 'rerank':
      return { path: '/v1/rerank', body: { model: modelName, query: marker, documents: ['first document', 'second document'] } };
    default:
      throw new Error(`no plain request exercises mode ${mode}`);
  }
}

export interface ExpectedUpstream {
  kind: UpstreamKind;
  /** Azure deployment name in the path. */
  deployment?: string;
  /** `api-version` query parameter. */
  apiVersion?: string;
  /** Headers that must be present with exactly these values (lower-case names). */
  headers: Record<string, string>;
  /** Top-level body fields that must have exactly these values. */
  body: Record<string, unknown>;
}

/**
 * LiteLLM 1.80.8 defect, measured: Azure embeddings through the router carry the process-wide
 * AZURE_API_VERSION, which the `litellm` CLI always sets from `--api_version` (default below), not the
 * deployment's or credential's api_version (chat and images do use it). A fix upstream fails this.
 */
export const azureEmbeddingsApiVersion = '2024-07-01-preview';

/**
 * LiteLLM 1.80.8 defect, measured: with `thinking` on, its Anthropic mapping sets max_tokens to the
 * budget + 4096 (DEFAULT_MAX_TOKENS) unless the call has `max_tokens` itself, so a deployment's
 * `max_completion_tokens` is lost (use `maxTokens` there). Without thinking it arrives as max_tokens.
 */
export const anthropicDefaultMaxTokens = 4096;

export function anthropicMaxTokens(model: ModelDeployment): number | undefined {
  if (model.maxTokens !== undefined) return model.maxTokens;
  if (model.thinking?.type === 'enabled' && model.thinking.budgetTokens !== undefined) return model.thinking.budgetTokens + anthropicDefaultMaxTokens;
  return model.maxCompletionTokens;
}

const azureKinds: Partial<Record<Mode, UpstreamKind>> = {
  chat: 'azure-chat', embedding: 'azure-embeddings', image_generation: 'azure-images',
};

/**
 * LiteLLM's `azure/gpt5_series/<deployment>` marks a deployment with a custom name as GPT-5 (its GPT-5
 * parameter rules, llms/azure/chat/gpt_5_transformation.py) and calls the deployment without the marker.
 */
const gpt5SeriesRoute = 'gpt5_series/';

export function expectedUpstream(model: ModelDeployment, credential: Credential, apiKey: string): ExpectedUpstream {
  const name = model.model.slice(credential.provider.length + 1).replace(gpt5SeriesRoute, '');
  const mode = model.info.mode;
  switch (credential.provider) {
    case 'azure': {
      const kind = azureKinds[mode];
      if (!kind) throw new Error(`no Azure OpenAI path for mode ${mode}`);
      // The deployment's own api_version wins over its credential's (LiteLLM fills only missing keys from a credential).
      const apiVersion = mode === 'embedding' ? azureEmbeddingsApiVersion : model.apiVersion ?? credential.apiVersion;
      // `thinking` never reaches Azure OpenAI: LiteLLM refuses it for azure/ models, or drops it with
      // drop_params (the seed's o3, o4-mini and gpt-5-chat budgets have no effect).
      const body = {
        ...(model.maxCompletionTokens === undefined ? {} : { max_completion_tokens: model.maxCompletionTokens }),
        ...(model.thinking === undefined ? {} : { thinking: undefined }),
      };
      return { kind, deployment: name, apiVersion, headers: { 'api-key': apiKey }, body };
    }
    case 'azure_ai':
      // LiteLLM calls Azure AI embeddings through the OpenAI client: Bearer key, no api-version; params pass through.
      return {
        kind: 'azure-ai-embeddings', headers: { authorization: `Bearer ${apiKey}` },
        body: { model: name, ...(model.inputType === undefined ? {} : { input_type: model.inputType }), ...model.params },
      };
    case 'anthropic':
      return {
        kind: 'anthropic-messages', headers: { 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' },
        body: { model: name, ...(anthropicMaxTokens(model) === undefined ? {} : { max_tokens: anthropicMaxTokens(model) }) },
      };
    case 'cohere':
      return { kind: 'cohere-rerank', headers: { authorization: `Bearer ${apiKey}` }, body: { model: name } };
    default:
      throw new Error(`no fake upstream for provider ${credential.provider}`);
  }
}

/** The parts of a recorded request that `expectedUpstream` constrains, in the same shape, for one toEqual. */
export function observedUpstream(request: RecordedRequest, expected: ExpectedUpstream): ExpectedUpstream {
  return {
    kind: request.kind!,
    ...(expected.deployment !== undefined ? { deployment: request.deployment } : {}),
    ...(expected.apiVersion !== undefined ? { apiVersion: request.query['api-version'] } : {}),
    headers: Object.fromEntries(Object.keys(expected.headers).map((name) => [name, request.headers[name]!])),
    body: Object.fromEntries(Object.keys(expected.body).map((field) => [field, request.body?.[field]])),
  };
}

export const carries = (request: RecordedRequest, marker: string) => JSON.stringify(request.body ?? '').includes(marker);
