// validateCatalog: every catalog error, each naming the entry and field and saying what is allowed.
// Entry shapes are checked against the very schemas values.schema.json is made of.
import type { ErrorObject } from 'ajv';
import { catalogToValues, credentialIdPattern, modelIdPattern } from '../values/catalog.ts';
import { costMapModels } from '../values/litellm-cost-map.ts';
import { liteLLMKeysVersion } from '../values/litellm-keys.ts';
import { modelRules } from './rules.ts';
import { compileValidators, type CatalogValidators } from './validators.ts';
import { credentialFields, familyOf, resolveProvider } from './providers.ts';
import type { Catalog, Credential, ModelDeployment } from './types.ts';

export interface CatalogIssue {
  /** Values-style path: `models.<id>.<field>` or `credentials.<id>.<field>`. */
  path: string;
  message: string;
}

export class CatalogError extends Error {
  constructor(readonly issues: CatalogIssue[]) {
    super(`the catalog has ${issues.length} error${issues.length === 1 ? '' : 's'}:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
}

let compiled: CatalogValidators | undefined;

/** One ajv error as `path: message`, saying what is allowed. */
export function describeSchemaError(base: string, error: ErrorObject): CatalogIssue {
  const path = base + error.instancePath.replaceAll('/', '.');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return { path, message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'additionalProperties':
      return { path: `${path}.${String(params.additionalProperty)}`, message: 'is not a known field' };
    case 'required':
      return { path: `${path}.${String(params.missingProperty)}`, message: 'is required' };
    case 'pattern':
      return { path, message: `must match ${String(params.pattern)}` };
    default:
      return { path, message: error.message ?? error.keyword };
  }
}

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The `count` names closest to `name` (ties in list order). */
export function nearestNames(name: string, names: readonly string[], count = 3): string[] {
  return names
    .map((candidate) => [candidate, editDistance(name, candidate)] as const)
    .sort((a, b) => a[1] - b[1])
    .slice(0, count)
    .map(([candidate]) => candidate);
}

const priced = new Set(costMapModels);

/** Cost tracking: a base model LiteLLM cannot price is an error unless the entry says so knowingly. */
function baseModelIssue(base: string, info: ModelDeployment['info']): CatalogIssue | undefined {
  if (info.unpricedBaseModel && (info.baseModel === undefined || priced.has(info.baseModel))) {
    return {
      path: `${base}.info.unpricedBaseModel`,
      message: info.baseModel === undefined
        ? 'only goes with a baseModel that LiteLLM cannot price; remove it'
        : `"${info.baseModel}" is in LiteLLM ${liteLLMKeysVersion}'s cost map, so it is priced; remove unpricedBaseModel`,
    };
  }
  if (info.baseModel === undefined || info.unpricedBaseModel || priced.has(info.baseModel)) return undefined;
  return {
    path: `${base}.info.baseModel`,
    message: `"${info.baseModel}" is not in LiteLLM ${liteLLMKeysVersion}'s cost map, so its spend would be recorded as 0; nearest priced: ${nearestNames(info.baseModel, costMapModels).join(', ')}; or set info.unpricedBaseModel: true to keep it knowingly`,
  };
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

export function validateCatalog(catalog: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  compiled ??= compileValidators();
  const { credential: credentialShape, model: modelShape, rules } = compiled;

  for (const id of duplicates(catalog.credentials.map((c) => c.id))) issues.push({ path: `credentials.${id}`, message: 'duplicate credential id' });
  for (const id of duplicates(catalog.models.map((m) => m.id))) issues.push({ path: `models.${id}`, message: 'duplicate model id' });
  // LiteLLM keys deployments (and their spend) on model_info.id: the explicit one or the entry's id.
  const deploymentIds = new Map<string, string>();
  for (const model of catalog.models) {
    const deploymentId = model.info.id ?? model.id;
    const first = deploymentIds.get(deploymentId);
    if (first === undefined) deploymentIds.set(deploymentId, model.id);
    else if (first !== model.id) {
      issues.push({ path: `models.${model.id}${model.info.id === undefined ? '' : '.info.id'}`, message: `duplicate model_info.id "${deploymentId}" (also models.${first})` });
    }
  }
  for (const { id } of catalog.credentials) {
    if (!new RegExp(credentialIdPattern).test(id)) issues.push({ path: `credentials.${id}`, message: `id must match ${credentialIdPattern}` });
  }
  for (const { id } of catalog.models) {
    if (!new RegExp(modelIdPattern).test(id)) issues.push({ path: `models.${id}`, message: `id must match ${modelIdPattern}` });
  }

  const values = catalogToValues(catalog);
  for (const [id, entry] of Object.entries(values.credentials)) {
    if (!credentialShape(entry)) issues.push(...credentialShape.errors!.map((e) => describeSchemaError(`credentials.${id}`, e)));
  }
  for (const credential of catalog.credentials) issues.push(...credentialIssues(credential));
  const providerOf = new Map(catalog.credentials.map((c) => [c.id, c.provider]));
  for (const model of catalog.models) {
    const base = `models.${model.id}`;
    const entry = values.models[model.id];
    if (!modelShape(entry)) {
      issues.push(...modelShape.errors!.map((e) => describeSchemaError(base, e)));
      continue;
    }
    modelRules.forEach((rule, index) => {
      if (!rules[index]!(entry)) issues.push({ path: `${base}.${rule.field}`, message: rule.message });
    });
    const pricing = baseModelIssue(base, model.info);
    if (pricing) issues.push(pricing);
    const provider = providerOf.get(model.credential);
    const resolved = typeof model.params?.custom_llm_provider === 'string' ? model.params.custom_llm_provider : resolveProvider(model.model);
    if (provider === undefined) {
      issues.push({ path: `${base}.credential`, message: `unknown credential "${model.credential}"; known: ${[...providerOf.keys()].join(', ')}` });
    } else if (resolved === undefined) {
      issues.push({ path: `${base}.model`, message: `LiteLLM cannot tell the provider of "${model.model}": start it with "${provider}/" (credential "${model.credential}"), or use a model name LiteLLM knows without a prefix` });
    } else if (resolved !== provider) {
      issues.push({
        path: `${base}.model`,
        message: `"${model.model}" does not match its credential "${model.credential}" (provider ${provider}): LiteLLM resolves it to provider ${resolved}; the model must start with "${provider}/"`,
      });
    }
  }
  return issues;
}

/**
 * What the chart's templates check on a credential (templates/_providers.tpl, credentials.check): only
 * the fields its provider's family reads, and the ones the family needs.
 */
export function credentialIssues(credential: Credential): CatalogIssue[] {
  const base = `credentials.${credential.id}`;
  const family = familyOf(credential.provider);
  const secretKeys: Record<string, string | undefined> = credential.secretKeys ?? {};
  const fields = credential as unknown as Record<string, unknown>;
  const issues: CatalogIssue[] = [];
  for (const field of credentialFields) {
    const set = field.secret ? secretKeys[field.field] : fields[field.field];
    if (set !== undefined && !field.families.includes(family)) {
      issues.push({ path: `${base}.${field.secret ? 'secretKeys.' : ''}${field.field}`, message: `LiteLLM reads ${field.liteLLMKey} only for ${field.families.join(', ')} providers; provider ${credential.provider} is ${family}` });
    }
  }
  if (credential.workloadIdentity && family !== 'azure') issues.push({ path: `${base}.workloadIdentity`, message: 'only for Azure; leave the secret keys out and annotate the ServiceAccount' });
  if (family === 'azure') {
    const ways = [secretKeys.apiKey && 'secretKeys.apiKey', secretKeys.clientSecret && 'secretKeys.clientSecret', credential.workloadIdentity && 'workloadIdentity'].filter(Boolean);
    if (ways.length !== 1) issues.push({ path: `${base}.secretKeys`, message: `Azure authenticates one way: secretKeys.apiKey, or Entra ID with tenantId, clientId and secretKeys.clientSecret, or workloadIdentity with tenantId and clientId; ${ways.length ? `${ways.join(', ')} are all set` : 'none is set'}` });
    else if (!secretKeys.apiKey && !(credential.tenantId && credential.clientId)) issues.push({ path: `${base}.${credential.tenantId ? 'clientId' : 'tenantId'}`, message: 'Entra ID needs tenantId and clientId' });
  } else if (family === 'bedrock') {
    if (!credential.awsRegionName) issues.push({ path: `${base}.awsRegionName`, message: `is required for ${credential.provider} (LiteLLM aws_region_name)` });
    if (!secretKeys.awsAccessKeyId !== !secretKeys.awsSecretAccessKey) issues.push({ path: `${base}.secretKeys`, message: 'AWS access keys come in pairs (awsAccessKeyId and awsSecretAccessKey); or leave both out for IRSA or EKS pod identity' });
  } else if (family === 'vertex') {
    for (const field of ['vertexProject', 'vertexLocation'] as const) if (!credential[field]) issues.push({ path: `${base}.${field}`, message: `is required for ${credential.provider}` });
  } else if (family === 'openai' && !secretKeys.apiKey && !credential.apiBase) {
    issues.push({ path: `${base}.secretKeys.apiKey`, message: 'OpenAI\'s public API needs a key (an OpenAI-compatible server set in apiBase may do without)' });
  }
  return issues;
}

/** Throws a CatalogError listing every issue, so a bad catalog never reaches the generator's output. */
export function assertValidCatalog(catalog: Catalog): void {
  const issues = validateCatalog(catalog);
  if (issues.length > 0) throw new CatalogError(issues);
}
