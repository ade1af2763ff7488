// importConfig: a LiteLLM config.yaml (or the official chart's values, whose proxy_config holds one) as
// values for this chart, and the Secret for the literal secrets it held. Pure: text in, documents and
// notes out; tools/import.ts writes them. Bad input throws an ImportError naming the input path.
import { parseDocument } from 'yaml';
import { credentialFields, familyOf, resolveProvider } from '../catalog/providers.ts';
import { seedCatalog } from '../catalog/index.ts';
import { modes, supportFlags } from '../catalog/types.ts';
import { toSnake } from '../values/catalog.ts';
import { logLevels } from '../values/areas/litellm.ts';
import { cacheParamsKeys, configSections, generalSettingsKeys, litellmSettingsKeys, modelParamsKeys, routerSettingsKeys } from '../values/litellm-keys.ts';
import { liteLLMProviders } from '../values/litellm-providers.ts';

export class ImportError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
  }
}

/** Something the chart cannot express, with where it was in the input. */
export interface ImportNote {
  path: string;
  reason: string;
}

export interface ImportResult {
  values: Record<string, unknown>;
  /** Literal secrets found in the input, by Secret key; empty when it held none. */
  secrets: Record<string, string>;
  notes: ImportNote[];
  /** Each imported deployment's input path and its key under `models`. */
  deployments: { path: string; id: string }[];
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);
const envRef = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/;

/** Typed model fields and the litellm_params key each renders (the chart's typedParams, and thinking). */
const typedParams: Record<string, string> = Object.fromEntries(
  ['rpm', 'tpm', 'timeout', 'streamTimeout', 'maxTokens', 'maxCompletionTokens', 'maxOutputTokens', 'reasoningEffort', 'mergeReasoningContentInChoices', 'cacheControlInjectionPoints', 'inputType', 'modalities'].map((field) => [toSnake(field), field]),
);
const infoFields: Record<string, string> = Object.fromEntries(
  ['id', 'baseModel', 'accessGroups', 'disableBackgroundHealthCheck', 'healthCheckVoice', 'healthCheckModel', 'mode', ...supportFlags].map((field) => [toSnake(field), field]),
);
/** litellm_params keys that describe the endpoint and its authentication: they make up a credential. */
const credentialKeys = new Map(credentialFields.map((field) => [field.liteLLMKey, field]));
const routerTyped: Record<string, string> = { routing_strategy: 'routingStrategy', num_retries: 'numRetries', allowed_fails: 'allowedFails', cooldown_time: 'cooldownTime', timeout: 'timeout' };
const generalTyped: Record<string, string> = { background_health_checks: 'backgroundHealthChecks', health_check_interval: 'healthCheckInterval', proxy_batch_write_at: 'proxyBatchWriteAt' };
/** general_settings keys the chart renders from its own values (the Secret, the database). */
const generalOwned: Record<string, string> = {
  master_key: 'the chart sets it from the Secret (secrets.masterKey / secrets.existingSecret, key secrets.masterKeyKey)',
  database_url: 'the chart sets DATABASE_URL from database.* (a CNPG cluster or database.external)',
  database_connection_pool_limit: 'the chart sets it from database.*',
};
const seedModelIds = new Set(seedCatalog.models.map((model) => model.id));
/** LiteLLM 1.80.8's litellm.AZURE_DEFAULT_API_VERSION: what an Azure deployment without api_version calls. */
const azureDefaultApiVersion = '2025-02-01-preview';
/** The Secret the imported values read (secret.yaml creates it). */
export const secretName = 'litellm-secrets';
const handledSections = new Set(['model_list', 'credential_list', 'environment_variables', 'litellm_settings', 'general_settings', 'router_settings', 'guardrails']);

/**
 * The chart's rule for a secret in config.yaml (litellm-stack.secrets.isSensitiveKey in _secrets.tpl;
 * tests/chart/import.spec.ts checks these lists against it): a key with one of these `_`/`-` parts, or
 * one of the whole keys, unless exempt. A literal there is moved into the Secret, or the chart refuses it.
 */
export const sensitiveKeyRule = {
  parts: ['password', 'secret', 'key', 'token', 'auth', 'credential', 'access', 'private', 'certificate', 'fingerprint', 'tenancy', 'credentials'],
  keys: ['database_url', 'redis_url', 'litellm_license', 'authorization'],
  exempt: ['key_management_system', 'litellm_key_header_name', 'custom_auth', 'custom_key_generate', 'token_rate_limit_type', 'mcp_client_side_auth_header_name', 'ui_access_mode', 'access_mode', 'auth_type', 'token_url'],
};
const isSensitiveKey = (key: string) => {
  const name = key.toLowerCase().replaceAll('-', '_');
  return !sensitiveKeyRule.exempt.includes(name) && (sensitiveKeyRule.keys.includes(name) || name.split('_').some((part) => sensitiveKeyRule.parts.includes(part)));
};
/** A URL with userinfo (scheme://user:password@host): the chart refuses it outside the Secret, whatever the key. */
const userinfoURL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*@/;

/** A Secret key name from parts: `openai`, `api_key` → `OPENAI_API_KEY`. */
export const secretKeyName = (...parts: string[]) => parts.join('_').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^([0-9])/, '_$1');
/** A values id (lower-case words joined by `sep`) from a name. */
const slug = (name: string, sep: '-' | '_') => name.toLowerCase().replace(/[^a-z0-9]+/g, sep).replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '').slice(0, 63) || 'x';

export function importConfig(text: string): ImportResult {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new ImportError(`line ${error.linePos?.[0]?.line ?? '?'}`, `not YAML: ${error.message.split('\n')[0]}`);
  }
  const input: unknown = document.toJS();
  if (!isTree(input)) throw new ImportError('(document)', 'must be a mapping: a LiteLLM config.yaml, or values of the official chart (proxy_config)');
  const notes: ImportNote[] = [];
  let config: Tree = input;
  let base = '';
  if ('proxy_config' in input) {
    // The official chart's values: its proxy_config is the config; the rest configures that chart.
    if (!isTree(input.proxy_config)) throw new ImportError('proxy_config', 'must be a mapping (the LiteLLM config)');
    config = input.proxy_config;
    base = 'proxy_config.';
  } else if (!Object.keys(input).some((key) => handledSections.has(key))) {
    throw new ImportError('(document)', `neither a LiteLLM config (model_list, litellm_settings, …) nor official-chart values (proxy_config); top-level keys: ${Object.keys(input).join(', ')}`);
  }
  return new Importer(base, notes, config).run(config, base ? input : undefined);
}

interface CredentialEntry {
  id: string;
  provider: string;
  /** litellm credential_values as the input had them (api_key literal or reference, …). */
  values: Tree;
  path: string;
}

class Importer {
  private readonly credentials = new Map<string, CredentialEntry>();
  private readonly secrets: Record<string, string> = {};
  private readonly extraEnv: Tree[] = [];
  private readonly deployments: { path: string; id: string }[] = [];
  private readonly modelNames = new Set<string>();
  private cacheValues?: Tree;
  private logLevel?: string;
  private monitoring?: Tree;

  /** Env var names the input reads (os.environ/NAME): a literal secret must not take one of them. */
  private readonly referenced: Set<string>;

  constructor(private readonly base: string, private readonly notes: ImportNote[], input: Tree) {
    this.referenced = new Set([...JSON.stringify(input).matchAll(/os\.environ\/([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!));
  }

  private note(path: string, reason: string) {
    this.notes.push({ path: this.base + path, reason });
  }

  private fail(path: string, reason: string): never {
    throw new ImportError(this.base + path, reason);
  }

  run(config: Tree, official?: Tree): ImportResult {
    const values: Tree = {};
    this.credentialList(config.credential_list);
    const models = this.modelList(config.model_list);
    const credentials: Tree = {};
    for (const credential of [...this.credentials.values()].sort((a, b) => a.id.localeCompare(b.id))) credentials[credential.id] = this.credentialValues(credential);
    const litellm = this.settings(config);
    const sections = this.configSections(config);
    if (Object.keys(sections).length) litellm.configSections = sections;
    this.environment(this.base, config.environment_variables);
    const master = this.section(config, 'general_settings').master_key;
    if (typeof master === 'string' && !envRef.test(master)) this.secrets.LITELLM_MASTER_KEY = master;
    if (official) this.officialChart(official, values);
    this.referencedEnv(litellm, credentials);
    // Secrets only ever from a Secret: the one secret.yaml holds (plus the master and salt keys), or the user's own of that name.
    values.secrets = { existingSecret: secretName };
    if (Object.keys(credentials).length) values.credentials = credentials;
    // The chart's default models (the seed catalog) are not the imported config's: switch off those the import does not replace.
    for (const model of seedCatalog.models) if (!(model.id in models)) models[model.id] = { enabled: false };
    values.models = models;
    if (this.logLevel) litellm.logLevel = this.logLevel;
    if (Object.keys(litellm).length) values.litellm = litellm;
    if (this.cacheValues) values.cache = this.cacheValues;
    if (this.monitoring) values.monitoring = this.monitoring;
    if (this.extraEnv.length) values.extraEnv = this.extraEnv;
    return { values, secrets: this.secrets, notes: this.notes, deployments: this.deployments };
  }

  /** A Secret key for a literal secret: `wanted`, unless the input reads an env var of that name or another secret holds it. */
  private literalKey(wanted: string, value: string): string {
    let name = wanted;
    for (let n = 2; this.referenced.has(name) || (name in this.secrets && this.secrets[name] !== value); n++) name = `${wanted}_${n}`;
    return name;
  }

  /** os.environ/NAME in the settings the chart passes through: the proxy needs NAME, from the Secret. */
  private referencedEnv(litellm: Tree, credentials: Tree) {
    const provided = new Set([
      'LITELLM_MASTER_KEY', 'LITELLM_SALT_KEY', ...this.extraEnv.map((variable) => variable.name),
      ...Object.values(credentials).flatMap((credential) => (isTree(credential) && isTree(credential.secretKeys) ? Object.values(credential.secretKeys) : [])),
    ]);
    for (const [, name] of JSON.stringify(litellm).matchAll(/os\.environ\/([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (provided.has(name!)) continue;
      provided.add(name!);
      this.extraEnv.push({ name, valueFrom: { secretKeyRef: { name: secretName, key: name } } });
    }
  }

  private credentialList(list: unknown) {
    if (list === undefined) return;
    if (!Array.isArray(list)) this.fail('credential_list', 'must be a list');
    const seen = new Map<string, number>();
    list.forEach((entry, index) => {
      const path = `credential_list[${index}]`;
      if (!isTree(entry)) this.fail(path, 'must be a mapping');
      const name = entry.credential_name;
      if (typeof name !== 'string' || name === '') this.fail(`${path}.credential_name`, 'is required');
      const values = isTree(entry.credential_values) ? entry.credential_values : this.fail(`${path}.credential_values`, 'must be a mapping');
      const first = seen.get(name);
      if (first !== undefined) {
        if (JSON.stringify(this.credentials.get(name)!.values) !== JSON.stringify(values)) {
          this.fail(`${path}.credential_name`, `duplicate credential "${name}" with different values (also credential_list[${first}])`);
        }
        return;
      }
      seen.set(name, index);
      const info = isTree(entry.credential_info) ? entry.credential_info : {};
      const provider = typeof info.custom_llm_provider === 'string' ? info.custom_llm_provider : '';
      if (provider && !(liteLLMProviders as readonly string[]).includes(provider)) {
        this.fail(`${path}.credential_info.custom_llm_provider`, `"${provider}" is no provider LiteLLM 1.80.8 knows`);
      }
      this.credentials.set(name, { id: name, provider, values, path });
    });
  }

  private modelList(list: unknown): Tree {
    const models: Tree = {};
    if (list === undefined) return models;
    if (!Array.isArray(list)) this.fail('model_list', 'must be a list');
    for (const entry of list) if (isTree(entry) && typeof entry.model_name === 'string') this.modelNames.add(entry.model_name);
    list.forEach((entry, index) => {
      const path = `model_list[${index}]`;
      if (!isTree(entry)) this.fail(path, 'must be a mapping');
      if (typeof entry.model_name !== 'string' || entry.model_name === '') this.fail(`${path}.model_name`, 'is required');
      const params = isTree(entry.litellm_params) ? entry.litellm_params : this.fail(`${path}.litellm_params`, 'is required');
      const model = params.model;
      if (typeof model !== 'string' || model === '') this.fail(`${path}.litellm_params.model`, 'is required: the deployment has no model');
      const custom = typeof params.custom_llm_provider === 'string' ? params.custom_llm_provider : undefined;
      const provider = custom ?? resolveProvider(model);
      if (provider === undefined || !(liteLLMProviders as readonly string[]).includes(provider)) {
        this.fail(custom ? `${path}.litellm_params.custom_llm_provider` : `${path}.litellm_params.model`, `LiteLLM 1.80.8 knows no provider for "${custom ?? model}": start the model with one of its ${liteLLMProviders.length} provider prefixes (docs/providers.md)`);
      }
      const info = isTree(entry.model_info) ? entry.model_info : {};
      const explicit = typeof info.id === 'string' || typeof info.id === 'number';
      const id = this.modelId(models, explicit ? String(info.id) : entry.model_name, explicit);
      const item: Tree = { modelName: entry.model_name, model, credential: this.credentialOf(path, params, provider) };
      const rest: Tree = {};
      for (const [key, value] of Object.entries(params)) {
        if (key === 'model' || key === 'litellm_credential_name' || credentialKeys.has(key) || key === 'api_version') continue;
        if (key === 'thinking' && isTree(value)) item.thinking = { type: value.type, ...(value.budget_tokens !== undefined ? { budgetTokens: value.budget_tokens } : {}) };
        else if (key in typedParams) item[typedParams[key]!] = value;
        else if ((modelParamsKeys as readonly string[]).includes(key)) rest[key] = value;
        else this.note(`${path}.litellm_params.${key}`, `LiteLLM 1.80.8 reads no litellm_params key "${key}"; left out`);
      }
      if (typeof params.api_version === 'string' && (familyOf(provider) !== 'azure' || typeof params.litellm_credential_name === 'string')) item.apiVersion = params.api_version;
      if (Object.keys(rest).length) item.params = rest;
      item.info = this.modelInfo(`${path}.model_info`, info, id);
      models[id] = item;
      this.deployments.push({ path: this.base + path, id });
    });
    return models;
  }

  private modelId(models: Tree, name: string, explicit: boolean): string {
    const base = slug(name, '-');
    // A generated key (the rendered model_info.id) may not be a public model name: LiteLLM would route that name to this deployment only.
    let id = explicit || !this.modelNames.has(base) ? base : `${base}-deployment`;
    const start = id;
    // Not a key of the chart's default models either: Helm would merge the import into that default entry.
    for (let n = 2; id in models || seedModelIds.has(id) || (!explicit && this.modelNames.has(id)); n++) id = `${start}-${n}`;
    return id;
  }

  private modelInfo(path: string, info: Tree, id: string): Tree {
    const out: Tree = {};
    for (const [key, value] of Object.entries(info)) {
      const field = infoFields[key];
      if (field === undefined) this.note(`${path}.${key}`, 'a model_info key the chart does not render; left out');
      else if (field === 'id') {
        if (String(value) !== id) out.id = String(value);
      } else out[field] = value;
    }
    if (out.mode === undefined) {
      out.mode = 'chat';
      this.note(`${path}.mode`, 'not set; the chart needs one: chat (what LiteLLM assumes)');
    } else if (!(modes as readonly string[]).includes(String(out.mode))) this.fail(`${path}.mode`, `must be one of: ${modes.join(', ')}`);
    return out;
  }

  /** The credential a deployment uses: its litellm_credential_name, or one shared by every deployment with the same endpoint and keys. */
  private credentialOf(path: string, params: Tree, provider: string): string {
    const named = params.litellm_credential_name;
    // Azure's api_version belongs to its credential (the chart requires it there); elsewhere it stays the deployment's.
    const azure = familyOf(provider) === 'azure';
    const inline: Tree = Object.fromEntries(Object.entries(params).filter(([key]) => credentialKeys.has(key) || (azure && key === 'api_version')));
    if (typeof named === 'string') {
      const credential = this.credentials.get(named) ?? this.fail(`${path}.litellm_params.litellm_credential_name`, `no credential "${named}" in credential_list`);
      if (!credential.provider) credential.provider = provider;
      // LiteLLM fills in only what the deployment leaves unset (utils.load_credentials_from_list).
      const shadowing = Object.keys(inline).filter((key) => key !== 'api_version');
      if (shadowing.length) this.note(`${path}.litellm_params`, `${shadowing.join(', ')} beside litellm_credential_name: the chart takes endpoint and keys from the credential only; give this deployment a credential of its own`);
      return named;
    }
    const key = JSON.stringify([provider, Object.entries(inline).sort()]);
    for (const credential of this.credentials.values()) if (credential.path === key) return credential.id;
    const base = slug(provider, '_');
    let id = base;
    for (let n = 2; this.credentials.has(id); n++) id = `${base}_${n}`;
    this.credentials.set(id, { id, provider, values: inline, path: key });
    return id;
  }

  /** A credential's values entry; literal secrets move into the Secret under the key its secretKeys names. */
  private credentialValues(credential: CredentialEntry): Tree {
    const out: Tree = { enabled: true, provider: credential.provider || 'openai' };
    const secretKeys: Tree = {};
    for (const [key, value] of Object.entries(credential.values)) {
      const field = credentialKeys.get(key);
      if (key === 'api_version') {
        out.apiVersion = value;
        continue;
      }
      if (field === undefined) {
        this.note(`credential ${credential.id}.${key}`, 'a credential value the chart does not render; left out');
        continue;
      }
      if (field.field === 'apiBase' && typeof value === 'string' && envRef.test(value)) {
        this.note(`credential ${credential.id}.api_base`, `${value}: the chart needs the URL itself (its network policy and checks read it); set credentials.${credential.id}.apiBase`);
        continue;
      }
      if (field.secret) {
        const reference = typeof value === 'string' ? envRef.exec(value) : null;
        const name = reference ? reference[1]! : this.literalKey(secretKeyName(credential.id, key), String(value));
        if (!reference) this.secrets[name] = String(value);
        secretKeys[field.field] = name;
        if (field.secret === 'file') this.note(`credential ${credential.id}.${key}`, `the chart mounts Secret key ${name} as a file and renders its path (LiteLLM 1.80.8 loads a path or the JSON itself alike: vertex_llm_base.load_auth)`);
      } else out[field.field] = value;
    }
    if (Object.keys(secretKeys).length) out.secretKeys = secretKeys;
    // A credential named like one of the chart's defaults is merged into it by Helm: null removes what the import does not set.
    const preset = seedCatalog.credentials.find((candidate) => candidate.id === credential.id);
    if (preset) {
      for (const key of Object.keys(preset)) if (key !== 'id' && key !== 'secretKeys' && !(key in out)) out[key] = null;
      const presetKeys = Object.keys(preset.secretKeys ?? {}).filter((key) => !(key in secretKeys));
      if (presetKeys.length) out.secretKeys = { ...secretKeys, ...Object.fromEntries(presetKeys.map((key) => [key, null])) };
    }
    const family = familyOf(String(out.provider));
    if (family === 'azure' && out.apiVersion === undefined) {
      out.apiVersion = azureDefaultApiVersion;
      this.note(`credential ${credential.id}.api_version`, `not set; the chart needs one: ${azureDefaultApiVersion}, the one LiteLLM 1.80.8 uses then (litellm.AZURE_DEFAULT_API_VERSION)`);
    }
    if ((family === 'azure' || family === 'selfHosted') && out.apiBase === undefined) {
      out.enabled = false;
      this.note(`credential ${credential.id}`, `disabled: a ${family} credential needs its endpoint, and the input has none the chart can use; set credentials.${credential.id}.apiBase and enabled: true`);
    }
    return out;
  }

  private settings(config: Tree): Tree {
    const litellm: Tree = {};
    const router = this.section(config, 'router_settings');
    const typedRouter: Tree = {};
    const openRouter: Tree = {};
    for (const [key, value] of Object.entries(router)) {
      if (key in routerTyped) typedRouter[routerTyped[key]!] = value;
      else if ((routerSettingsKeys as readonly string[]).includes(key)) openRouter[key] = this.referenceOrSecret(`router_settings.${key}`, key, value);
      else this.note(`router_settings.${key}`, 'no Router parameter of LiteLLM 1.80.8 (the proxy would drop it); left out');
    }
    if (Object.keys(typedRouter).length) litellm.router = typedRouter;
    if (Object.keys(openRouter).length) litellm.routerSettings = openRouter;
    const general = this.section(config, 'general_settings');
    const openGeneral: Tree = {};
    for (const [key, value] of Object.entries(general)) {
      if (key in generalTyped) litellm[generalTyped[key]!] = value;
      else if (key in generalOwned) this.note(`general_settings.${key}`, generalOwned[key]!);
      else if ((generalSettingsKeys as readonly string[]).includes(key)) openGeneral[key] = this.referenceOrSecret(`general_settings.${key}`, key, value);
      else this.note(`general_settings.${key}`, 'a general_settings key LiteLLM 1.80.8 never reads; left out');
    }
    if (Object.keys(openGeneral).length) litellm.generalSettings = openGeneral;
    const settings = this.section(config, 'litellm_settings');
    const openSettings: Tree = {};
    const metrics = Array.isArray(settings.callbacks) && settings.callbacks.length === 1 && settings.callbacks[0] === 'prometheus';
    if (metrics) this.monitoring = { metrics: { enabled: true, requireAuth: settings.require_auth_for_metrics_endpoint === true } };
    for (const [key, value] of Object.entries(settings)) {
      if (key === 'cache') this.cache(settings);
      else if (key === 'cache_params') continue; // with cache
      else if (metrics && (key === 'callbacks' || key === 'require_auth_for_metrics_endpoint')) continue; // monitoring.metrics
      else if (['callbacks', 'success_callback', 'failure_callback', 'service_callback'].includes(key) && JSON.stringify(value).includes('prometheus')) this.note(`litellm_settings.${key}`, 'prometheus is rendered by monitoring.metrics.enabled, which owns litellm_settings.callbacks: carried only when callbacks is [prometheus] alone');
      else if ((litellmSettingsKeys as readonly string[]).includes(key)) openSettings[key] = this.referenceOrSecret(`litellm_settings.${key}`, key, value);
      else this.note(`litellm_settings.${key}`, 'a litellm_settings key LiteLLM 1.80.8 never reads; left out');
    }
    if (Object.keys(openSettings).length) litellm.settings = openSettings;
    if (config.guardrails !== undefined) litellm.guardrails = this.referenceOrSecret('guardrails', 'guardrails', config.guardrails);
    return litellm;
  }

  /** litellm_settings.cache with cache_params: the chart's cache.* (a Redis-compatible server, its password from the Secret). */
  private cache(settings: Tree) {
    const path = 'litellm_settings.cache_params';
    const params = isTree(settings.cache_params) ? settings.cache_params : {};
    if (settings.cache !== true) return this.note('litellm_settings.cache', 'not true: no cache');
    const type = params.type ?? 'local';
    if (type !== 'redis') return this.note('litellm_settings.cache', `cache type ${String(type)}: the chart's cache is a Redis-compatible server (cache.*); left out`);
    if (typeof params.host !== 'string' || envRef.test(params.host)) return this.note(`${path}.host`, 'the chart needs the cache host itself (its network policy reads it): set cache.host and cache.enabled; the cache is left out');
    const cache: Tree = { enabled: true, host: params.host, username: '', passwordKey: '' };
    const extra: Tree = {};
    for (const [key, value] of Object.entries(params)) {
      if (key === 'type' || key === 'host') continue;
      if (key === 'port') cache.port = Number(value);
      else if (key === 'username' || key === 'namespace' || key === 'ttl') cache[key] = value;
      else if (key === 'ssl') cache.tls = true; // any ssl key, even false, makes redis-py use TLS
      else if (key === 'password') {
        const reference = typeof value === 'string' ? envRef.exec(value) : null;
        cache.passwordKey = reference ? reference[1]! : this.literalKey('REDIS_PASSWORD', String(value));
        if (!reference) this.secrets[cache.passwordKey as string] = String(value);
      } else if ((cacheParamsKeys as readonly string[]).includes(key)) extra[key] = this.referenceOrSecret(`${path}.${key}`, key, value);
      else this.note(`${path}.${key}`, `neither LiteLLM's cache nor redis-py reads "${key}"; left out`);
    }
    if (typeof params.port === 'string') this.note(`${path}.port`, 'a string; the chart renders the number');
    if (params.namespace === undefined) this.note(`${path}.namespace`, 'not set; the chart prefixes the cache\'s keys with cache.namespace (litellm), which its ACL rule needs');
    if (Object.keys(extra).length) cache.params = extra;
    this.cacheValues = cache;
  }

  private section(config: Tree, name: string): Tree {
    const value = config[name];
    if (value === undefined || value === null) return {};
    return isTree(value) ? value : this.fail(name, 'must be a mapping');
  }

  /**
   * A value of an open map with every literal secret in it (under a secret-like key, or a URL with
   * userinfo) moved into the Secret and read back as os.environ/NAME: the proxy resolves such references
   * anywhere in its config. `parts` name the Secret key (mcp_servers, github, auth_value → MCP_SERVERS_GITHUB_AUTH_VALUE).
   */
  private referenceOrSecret(path: string, key: string, value: unknown, parts: string[] = [key], sensitive = false): unknown {
    if (Array.isArray(value)) return value.map((item, index) => this.referenceOrSecret(`${path}[${index}]`, key, item, [...parts, String(index)], sensitive || isSensitiveKey(key)));
    if (isTree(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.referenceOrSecret(`${path}.${k}`, k, v, [...parts, k])]));
    if (typeof value !== 'string' || value === '' || envRef.test(value) || !(sensitive || isSensitiveKey(key) || userinfoURL.test(value))) return value;
    const name = this.literalKey(secretKeyName(...parts), value);
    this.secrets[name] = value;
    if (!this.extraEnv.some((variable) => variable.name === name)) this.extraEnv.push({ name, valueFrom: { secretKeyRef: { name: secretName, key: name } } });
    this.note(path, `a literal secret: moved into the Secret as ${name}`);
    return `os.environ/${name}`;
  }

  /** Top-level sections the chart does not model: litellm.configSections when LiteLLM reads them, else a note. */
  private configSections(config: Tree): Tree {
    const out: Tree = {};
    for (const [key, value] of Object.entries(config)) {
      if (handledSections.has(key)) continue;
      if (key === 'include') this.note(key, 'included files are not read by the import; import a config with their lists inlined');
      else if ((configSections as readonly string[]).includes(key)) out[key] = this.referenceOrSecret(key, key, value);
      else this.note(key, `a top-level section LiteLLM 1.80.8's proxy never reads; left out`);
    }
    return out;
  }

  /** environment_variables (or the official chart's envVars, at `base` ''): env vars of the proxy, from the Secret. */
  private environment(base: string, variables: unknown, section = 'environment_variables') {
    if (variables === undefined || variables === null) return;
    if (!isTree(variables)) throw new ImportError(base + section, 'must be a mapping');
    // Every value goes through the Secret: this is where configs keep keys.
    for (const [name, value] of Object.entries(variables)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ImportError(`${base}${section}.${name}`, 'is no env var name');
      if (name === 'LITELLM_LOG') {
        this.setLogLevel(`${base}${section}.${name}`, value);
        continue;
      }
      this.secrets[name] = String(value);
      if (!this.extraEnv.some((variable) => variable.name === name)) this.extraEnv.push({ name, valueFrom: { secretKeyRef: { name: secretName, key: name } } });
    }
  }

  /** LITELLM_LOG, which the chart sets from litellm.logLevel. */
  private setLogLevel(path: string, value: unknown) {
    const level = String(value).toUpperCase();
    if ((logLevels as readonly string[]).includes(level)) this.logLevel = level;
    else this.notes.push({ path, reason: `LITELLM_LOG ${String(value)}: the chart sets it from litellm.logLevel, one of ${logLevels.join(', ')}; left out` });
  }

  /**
   * The official chart's values beside proxy_config: its master key (masterkey, which it passes as
   * PROXY_MASTER_KEY) goes into the Secret under the key the chart reads; its env vars and the Secrets
   * and ConfigMaps it exports as env come along; the rest configures that chart's deployment.
   */
  private officialChart(official: Tree, values: Tree) {
    const extraEnvFrom: Tree[] = [];
    for (const [key, value] of Object.entries(official)) {
      if (key === 'proxy_config') continue;
      if (key === 'masterkey' && typeof value === 'string' && value !== '') {
        if (this.secrets.LITELLM_MASTER_KEY !== undefined && this.secrets.LITELLM_MASTER_KEY !== value) this.notes.push({ path: key, reason: 'proxy_config.general_settings.master_key is another literal key; the proxy used that one, which the Secret holds' });
        else this.secrets.LITELLM_MASTER_KEY = value;
      } else if (key === 'envVars') this.environment('', value, 'envVars');
      else if (key === 'logLevel') this.setLogLevel(key, value);
      else if ((key === 'environmentSecrets' || key === 'environmentConfigMaps') && Array.isArray(value)) {
        for (const name of value) extraEnvFrom.push(key === 'environmentSecrets' ? { secretRef: { name } } : { configMapRef: { name } });
      } else if (key === 'masterkeySecretName' || key === 'masterkeySecretKey') {
        if (value) this.notes.push({ path: key, reason: `the master key is read from the Secret ${secretName} (key LITELLM_MASTER_KEY): copy it there, or set secrets.existingSecret and secrets.masterKeyKey` });
      } else this.notes.push({ path: key, reason: 'a setting of the official chart; this chart has its own values for the deployment (README.md)' });
    }
    if (extraEnvFrom.length) values.extraEnvFrom = extraEnvFrom;
  }
}
