// How catalog entries appear in values: the shape of a credential and of a model deployment, and the
// conversion of the typed catalog into those entries (the chart's defaults).
import { modelRules } from '../catalog/rules.ts';
import { credentialFields, familyProviders, providerFamilies, type ProviderFamily } from '../catalog/providers.ts';
import { injectionRoles, modalities, modes, reasoningEfforts, supportFlags, type Catalog } from '../catalog/types.ts';
import { liteLLMProviders, liteLLMProvidersVersion } from './litellm-providers.ts';
import { liteLLMKeysVersion, modelParamsKeys } from './litellm-keys.ts';
import { bool, group, idMap, int, num, oneOf, onlyKeys, openList, openMap, orEmpty, patterns, str, strList, type Group, type Json, type SpecNode } from './spec.ts';

export const credentialIdPattern = '^[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?$';
export const modelIdPattern = '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$';
export const envNamePattern = '^[A-Z_][A-Z0-9_]*$';

/** Anchored pattern matching exactly the providers of a family. */
export const familyPattern = (family: Exclude<ProviderFamily, 'keyed'>) => `^(${familyProviders[family].join('|')})$`;
const uuidOrName = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';
/** Azure OpenAI api-version: a dated (preview) version, or the v1 API's aliases. */
export const azureApiVersionPattern = '^([0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?|v1|latest|preview)$';

const credentialField = (name: string) => credentialFields.find((f) => f.field === name)!;
/** A field's description with the providers that have it (the template and validateCatalog refuse it elsewhere). */
const forFamilies = (name: string, text: string) => {
  const families = credentialField(name).families;
  return families.length === providerFamilies.length ? text : `${text} Only for ${families.map(familyLabel).join(', ')} providers.`;
};
const familyLabel = (family: ProviderFamily) => (family === 'keyed' ? 'other' : family === 'selfHosted' ? 'self-hosted' : family);

export const credentialItem: Group = group(
  'A credential: a provider endpoint and what authenticates with it. The fields a provider\'s family reads (docs/providers.md); secrets only as Secret key names.',
  {
    enabled: bool('Render this credential and the models that use it. Azure and self-hosted providers need their endpoint (apiBase, or resourceName for Azure); other providers default to their public API.'),
    description: str('What this credential is for.', undefined, { pattern: patterns.line }),
    provider: oneOf(`LiteLLM ${liteLLMProvidersVersion} provider; the models using this credential must resolve to it (\`<provider>/…\`, or a model name LiteLLM knows without a prefix).`, liteLLMProviders),
    apiBase: str('Endpoint URL (LiteLLM api_base), without userinfo: a key goes into the Secret (secretKeys).', undefined, { pattern: patterns.url }),
    resourceName: str('Azure OpenAI resource name; the chart derives https://<resourceName>.openai.azure.com. Only for provider azure. Empty: not set, so a later values file can switch a credential to apiBase (set both and the chart refuses).', undefined, {
      pattern: orEmpty('^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$'),
    }),
    apiVersion: str(forFamilies('apiVersion', 'Azure api-version (LiteLLM api_version), e.g. 2025-04-01-preview. Required for Azure.'), undefined, { pattern: azureApiVersionPattern }),
    organization: str(forFamilies('organization', 'OpenAI organization (LiteLLM organization), e.g. org-….'), undefined, { minLength: 1, pattern: patterns.token }),
    tenantId: str(forFamilies('tenantId', 'Entra ID tenant (LiteLLM tenant_id): with clientId and secretKeys.clientSecret, or workloadIdentity.'), undefined, { pattern: uuidOrName }),
    clientId: str(forFamilies('clientId', 'Entra ID application (client) id (LiteLLM client_id).'), undefined, { pattern: uuidOrName }),
    workloadIdentity: bool('Azure: authenticate with Entra ID workload identity (the pod\'s federated token; set serviceAccount.annotations azure.workload.identity/client-id and the pod label azure.workload.identity/use). Needs tenantId and clientId, no key. AWS (IRSA, pod identity) and Google Cloud workload identity need no field: leave the keys out and annotate the ServiceAccount.'),
    awsRegionName: str(forFamilies('awsRegionName', 'AWS region (LiteLLM aws_region_name), e.g. us-east-1. Required for Bedrock and SageMaker.'), undefined, { pattern: '^[a-z]{2}(-gov)?-[a-z]+-[0-9]$' }),
    vertexProject: str(forFamilies('vertexProject', 'Google Cloud project id (LiteLLM vertex_project). Required for Vertex AI.'), undefined, { pattern: '^[a-z][a-z0-9-]{4,28}[a-z0-9]$' }),
    vertexLocation: str(forFamilies('vertexLocation', 'Vertex AI location (LiteLLM vertex_location), e.g. us-central1 or global. Required for Vertex AI.'), undefined, { pattern: '^[a-z]+(-[a-z]+[0-9]*)*$' }),
    secretKeys: group(
      'Names of the keys, in the chart\'s Secret, that hold this credential\'s secret values. Each becomes an env var of that name (config.yaml reads os.environ/NAME), except vertexCredentials, which is mounted as a file.',
      Object.fromEntries(
        credentialFields.filter((f) => f.secret).map((f): [string, SpecNode] => [f.field, str(forFamilies(f.field, `Secret key holding the ${f.description.replace(/\.$/, '')} (LiteLLM ${f.liteLLMKey}).`), undefined, { pattern: envNamePattern })]),
      ),
    ),
  },
  {
    schema: {
      required: ['provider'],
      allOf: [
        { if: { properties: { provider: { pattern: familyPattern('azure') } }, required: ['provider'] }, then: { required: ['apiVersion'] } },
        { if: { required: ['resourceName'] }, then: { properties: { provider: { const: 'azure' } } } },
      ],
    },
  },
);

const info = group(
  'LiteLLM model_info.',
  {
    mode: oneOf('What the deployment serves; picks the health check and the endpoints it answers.', modes),
    id: str(
      'LiteLLM model_info.id when it must differ from the entry\'s key (default): spend logs and the database key deployments on it, so keep the ids you had. It must not be any model\'s public name (modelName): LiteLLM would send every request for that name to this deployment, without retries or failover.',
      undefined,
      { pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
    ),
    baseModel: str('LiteLLM base_model: the priced model behind a custom deployment name (cost tracking).', undefined, { minLength: 1, pattern: patterns.token }),
    unpricedBaseModel: bool(
      `baseModel is knowingly missing from LiteLLM ${liteLLMKeysVersion}'s cost map (its spend is recorded as 0). The catalog refuses an unpriced baseModel without it. Not rendered.`,
    ),
    accessGroups: strList('Access groups (LiteLLM access_groups) that keys and teams can be granted.', undefined, { minLength: 1, pattern: patterns.line }),
    disableBackgroundHealthCheck: bool('Skip this deployment in LiteLLM\'s background health check.'),
    healthCheckVoice: str('Voice for the health check of an audio_speech deployment.', undefined, { minLength: 1, pattern: patterns.token }),
    healthCheckModel: str('LiteLLM health_check_model: the concrete model (e.g. openai/gpt-4o-mini) the background health check calls for a wildcard deployment, whose own model (openai/*) it cannot call.', undefined, { minLength: 1, pattern: patterns.token }),
    ...Object.fromEntries(supportFlags.map((flag): [string, SpecNode] => [flag, bool(`LiteLLM model_info ${toSnake(flag)}.`)])),
  },
  { schema: { required: ['mode'] } },
);

export const modelItem: Group = group(
  'A model deployment.',
  {
    enabled: bool('Render this deployment (default true). It is rendered only when its credential is enabled too.'),
    description: str('What this deployment is for.', undefined, { pattern: patterns.line }),
    modelName: str('Public model name clients request; deployments that share one are load-balanced and fail over.', undefined, { minLength: 1, pattern: patterns.line }),
    model: str('LiteLLM model: `<provider>/<name>` (a provider LiteLLM knows; its credential\'s), or a model name LiteLLM resolves without a prefix (gpt-4o: openai). `<provider>/*` is a wildcard deployment: every model of the provider, under modelName `<prefix>/*`.', undefined, { pattern: '^[!-~]+$' }),
    credential: str('Id of the credential (under `credentials`) this deployment authenticates with.', undefined, { pattern: credentialIdPattern }),
    rpm: int('Requests per minute this deployment accepts: a limit with routingStrategy usage-based-routing-v2, a balancing weight otherwise.', undefined, { minimum: 1 }),
    tpm: int('Tokens per minute this deployment accepts: a limit with routingStrategy usage-based-routing-v2, a balancing weight otherwise.', undefined, { minimum: 1 }),
    timeout: num('Request timeout in seconds.', undefined, { exclusiveMinimum: 0 }),
    streamTimeout: num('Timeout in seconds for the first streamed chunk.', undefined, { exclusiveMinimum: 0 }),
    apiVersion: str('Azure api-version of this deployment (LiteLLM api_version), instead of its credential\'s.', undefined, {
      pattern: '^[A-Za-z0-9][A-Za-z0-9.-]*$',
    }),
    maxTokens: int('LiteLLM max_tokens: default output cap of each request.', undefined, { minimum: 1 }),
    maxCompletionTokens: int('LiteLLM max_completion_tokens: default output cap of each request, reasoning included.', undefined, { minimum: 1 }),
    maxOutputTokens: int('LiteLLM max_output_tokens: output cap of Responses API requests.', undefined, { minimum: 1 }),
    thinking: group(
      'LiteLLM thinking: extended thinking for every request (Anthropic; LiteLLM maps it to reasoning_effort for OpenAI reasoning models).',
      {
        type: oneOf('enabled or disabled.', ['enabled', 'disabled']),
        budgetTokens: int('budget_tokens: tokens the model may think with (Anthropic needs at least 1024).', undefined, { minimum: 1024 }),
      },
      { schema: { required: ['type'] } },
    ),
    reasoningEffort: oneOf('LiteLLM reasoning_effort for every request.', reasoningEfforts),
    mergeReasoningContentInChoices: bool('LiteLLM merge_reasoning_content_in_choices: return the reasoning inside the message content.'),
    cacheControlInjectionPoints: openList(
      'LiteLLM cache_control_injection_points: messages the proxy marks as prompt-caching breakpoints (e.g. [{location: message, role: system}]).',
      undefined,
      {
        type: 'object',
        additionalProperties: false,
        required: ['location'],
        properties: {
          location: { type: 'string', enum: ['message'], description: 'Where to inject: a message.' },
          role: { type: 'string', enum: [...injectionRoles], description: 'Every message of this role.' },
          index: { type: 'integer', description: 'The message at this position (negative: from the end).' },
        },
      },
    ),
    inputType: str('LiteLLM input_type of embedding requests (e.g. text, search_document).', undefined, { minLength: 1, pattern: patterns.token }),
    modalities: strList('LiteLLM modalities: output modalities requested by default.', undefined, { enum: [...modalities] }),
    params: openMap(
      `Other LiteLLM litellm_params, any JSON value, passed as they are: only keys LiteLLM ${liteLLMKeysVersion} reads. The fields above and the chart's own keys (model, credential, endpoint) are refused here; a key a typed field renders elsewhere (num_retries, cooldown_time) is bounded like that field.`,
      undefined,
      undefined,
      onlyKeys(modelParamsKeys),
    ),
    info,
  },
  {
    schema: { required: ['modelName', 'model', 'credential', 'info'] },
  },
);

/** The model entry as values.schema.json has it: its shape plus every catalog rule (if/then). */
const modelItemWithRules: Group = { ...modelItem, schema: { ...modelItem.schema, allOf: modelRules.map((rule) => rule.schema) } };

export function toSnake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * An entry's fields in the order its spec declares them, without undefined values. Keys the spec does
 * not know are kept (last) so that validation reports them instead of them silently disappearing.
 */
function toEntry(item: Group, source: object, omit: readonly string[] = []): Record<string, Json> {
  const entry: Record<string, Json> = {};
  const fields = source as Record<string, unknown>;
  for (const [key, node] of Object.entries(item.properties)) {
    const value = fields[key];
    if (value === undefined) continue;
    entry[key] = node.kind === 'group' && typeof value === 'object' && value !== null ? toEntry(node, value) : (value as Json);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in item.properties) && !omit.includes(key) && value !== undefined) entry[key] = value as Json;
  }
  return entry;
}

/** The catalog as the `credentials` and `models` maps of values.yaml, sorted by id. */
export function catalogToValues(catalog: Catalog): { credentials: Record<string, Json>; models: Record<string, Json> } {
  const byId = <T extends { id: string }>(entries: T[]) => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    credentials: Object.fromEntries(
      byId(catalog.credentials).map((credential) => [credential.id, toEntry(credentialItem, { enabled: false, ...credential }, ['id'])]),
    ),
    models: Object.fromEntries(byId(catalog.models).map((model) => [model.id, toEntry(modelItem, { enabled: true, ...model }, ['id'])])),
  };
}

export const credentialsNode = (defaults: Record<string, Json>) =>
  idMap(
    'Credentials, keyed by id (LiteLLM credential_name). Rendered into credential_list with os.environ/ references to the Secret; no secret value is ever written into the ConfigMap.',
    credentialIdPattern,
    credentialItem,
    defaults,
  );

export const modelsNode = (defaults: Record<string, Json>) =>
  idMap(
    'Model deployments, keyed by a stable id (LiteLLM model_info.id). Disable one with `models.<id>.enabled: false`; add one by giving a new id.',
    modelIdPattern,
    modelItemWithRules,
    defaults,
  );
