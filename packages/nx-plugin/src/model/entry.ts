// From the generator's options to a catalog entry: defaults inferred from the model, each one reported
// so the user sees what was chosen for them. Values are passed on as given; validateCatalog judges them.
import { supportFlags, type CacheControlInjectionPoint, type Modality, type Mode, type ModelDeployment, type ModelInfo } from '@litellm-stack/catalog';
import type { ModelGeneratorSchema } from './schema.d.ts';

export interface InferredDefaults {
  mode: Mode;
  disableBackgroundHealthCheck: boolean;
  /** Why, in words. */
  because: string;
}

/** Mode and health-check exemption for a `<provider>/<name>` model, from the seed's rules. */
export function inferModelDefaults(model: string): InferredDefaults {
  const slash = model.indexOf('/');
  const provider = slash < 0 ? '' : model.slice(0, slash);
  const name = model.slice(slash + 1).toLowerCase();
  if (name.includes('realtime')) {
    return { mode: 'realtime', disableBackgroundHealthCheck: true, because: 'realtime models are served on the realtime endpoint, which the background health check cannot probe' };
  }
  if (name.includes('gpt-audio')) {
    return { mode: 'chat', disableBackgroundHealthCheck: true, because: 'gpt-audio models are audio chat models and reject the health check\'s text-only request' };
  }
  if (name.includes('embed')) {
    return provider === 'azure_ai'
      ? { mode: 'embedding', disableBackgroundHealthCheck: true, because: 'an embedding model; the health check cannot call azure_ai/ embeddings' }
      : { mode: 'embedding', disableBackgroundHealthCheck: false, because: 'an embedding model' };
  }
  if (name.includes('rerank')) return { mode: 'rerank', disableBackgroundHealthCheck: false, because: 'a rerank model' };
  if (name.includes('image')) return { mode: 'image_generation', disableBackgroundHealthCheck: false, because: 'an image model' };
  return { mode: 'chat', disableBackgroundHealthCheck: false, because: 'a chat model (no realtime, audio, embed, rerank or image in its name)' };
}

/** The model name without its provider prefix: `azure/gpt-5.3` → `gpt-5.3`. */
export function modelNameOf(model: string): string {
  return model.slice(model.indexOf('/') + 1);
}

/** A model id from a model name: lower case, every run of other characters (dots…) a dash. */
export function idOf(modelName: string): string {
  return modelName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `a, b` or a list → `['a', 'b']`. */
export function parseList(value: string | string[]): string[] {
  return (Array.isArray(value) ? value : value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `input_type=text,dimensions=1024,flag=true` → typed LiteLLM params. */
export function parseParams(value: string): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const pair of parseList(value)) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new Error(`--params: "${pair}" is not key=value; give params as key=value,key=value`);
    const key = pair.slice(0, equals).trim();
    const text = pair.slice(equals + 1).trim();
    params[key] = text === 'true' ? true : text === 'false' ? false : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  return params;
}

export interface BuiltModel {
  model: ModelDeployment;
  /** The defaults that were filled in, for the user. */
  notes: string[];
}

export function buildModel(options: ModelGeneratorSchema): BuiltModel {
  const notes: string[] = [];
  const modelName = options.modelName ?? modelNameOf(options.model);
  if (options.modelName === undefined) notes.push(`modelName "${modelName}" (from --model; set --model-name to change it)`);
  const id = options.id ?? idOf(modelName);
  if (options.id === undefined) notes.push(`id "${id}" (from the model name; give the id as the first argument to change it)`);

  const inferred = inferModelDefaults(options.model);
  const mode = options.mode ?? inferred.mode;
  if (options.mode === undefined) notes.push(`mode "${mode}": ${inferred.because} (set --mode to change it)`);
  const disable = options.disableBackgroundHealthCheck ?? inferred.disableBackgroundHealthCheck;
  if (options.disableBackgroundHealthCheck === undefined && disable) {
    notes.push(`disableBackgroundHealthCheck true: ${inferred.because} (set --no-disable-background-health-check to change it)`);
  }

  const info: ModelInfo = { mode };
  if (options.infoId !== undefined) info.id = options.infoId;
  if (options.baseModel !== undefined) info.baseModel = options.baseModel;
  if (options.unpricedBaseModel !== undefined) info.unpricedBaseModel = options.unpricedBaseModel;
  if (options.accessGroups !== undefined) {
    info.accessGroups = parseList(options.accessGroups);
    if (info.accessGroups.length === 0) throw new Error(`--access-groups: "${String(options.accessGroups)}" names no group; give comma-separated names, e.g. team-a,team-b`);
  }
  if (disable) info.disableBackgroundHealthCheck = true;
  for (const flag of supportFlags) if (options[flag] !== undefined) info[flag] = options[flag];

  // Fields in the order the catalog writes them, `info` last.
  const entry: Partial<ModelDeployment> = { id, modelName, model: options.model, credential: options.credential };
  if (options.description !== undefined) entry.description = options.description;
  for (const key of ['rpm', 'tpm', 'timeout', 'streamTimeout', 'apiVersion', 'maxTokens', 'maxCompletionTokens', 'maxOutputTokens'] as const) {
    if (options[key] !== undefined) (entry as Record<string, unknown>)[key] = options[key];
  }
  if (options.thinkingBudget !== undefined) entry.thinking = { type: 'enabled', budgetTokens: options.thinkingBudget };
  for (const key of ['reasoningEffort', 'mergeReasoningContentInChoices', 'inputType'] as const) {
    if (options[key] !== undefined) (entry as Record<string, unknown>)[key] = options[key];
  }
  // Roles and modalities go to the catalog as given; validateCatalog names a wrong one.
  if (options.cacheControlInjection !== undefined) {
    entry.cacheControlInjectionPoints = parseList(options.cacheControlInjection).map(
      (role) => ({ location: 'message', role }) as CacheControlInjectionPoint,
    );
  }
  if (options.modalities !== undefined) entry.modalities = parseList(options.modalities) as Modality[];
  if (options.params !== undefined) entry.params = parseParams(options.params);
  return { model: { ...entry, info } as ModelDeployment, notes };
}
