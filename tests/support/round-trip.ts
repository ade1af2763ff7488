// The import round trip's comparison: a LiteLLM config as its author wrote it, and the config.yaml the
// chart rendered from the imported values, deployment by deployment and setting by setting, as LiteLLM
// sees them: a deployment's params with its credential's values filled in where it leaves them unset
// (utils.load_credentials_from_list), secrets by value (a literal in the input is an os.environ/NAME of
// the Secret the import wrote, holding it). Returns the differences, each with its input path, minus
// those the import reported (its notes: documented normalisations).
import type { ImportResult } from '../../packages/catalog/src/index.ts';

type Tree = Record<string, any>;
const envRef = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/;

export interface Difference {
  path: string;
  input: unknown;
  rendered: unknown;
}

/** A value as LiteLLM would use it: a reference to a Secret key the import wrote is that key's value. */
function resolved(value: unknown, secrets: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const name = envRef.exec(value)?.[1];
    return name !== undefined && name in secrets ? `secret:${secrets[name]}` : name !== undefined ? `env:${name}` : value;
  }
  if (Array.isArray(value)) return value.map((item) => resolved(item, secrets));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolved(v, secrets)]));
  return value;
}
const literal = (value: unknown) => (typeof value === 'string' && !envRef.test(value) ? `secret:${value}` : value);
/** JSON with object keys sorted: equal values, whatever order their keys come in. */
const canonical = (value: unknown): string => JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
/** A value of the input and its rendered, resolved form: equal, where a literal may have become a reference to the Secret holding it. */
function sameDeep(input: unknown, gotten: unknown): boolean {
  if (typeof input === 'string' && gotten === `secret:${input}`) return true;
  if (Array.isArray(input)) return Array.isArray(gotten) && input.length === gotten.length && input.every((item, i) => sameDeep(item, gotten[i]));
  if (input && typeof input === 'object') {
    if (!gotten || typeof gotten !== 'object' || Array.isArray(gotten)) return false;
    const keys = new Set([...Object.keys(input), ...Object.keys(gotten)]);
    return [...keys].every((key) => sameDeep((input as Tree)[key], (gotten as Tree)[key]));
  }
  return same(resolved(input, {}), gotten);
}
/** Top-level sections compared key by key; any other top-level section of the input is compared whole (litellm.configSections). */
const settingsSections = ['litellm_settings', 'general_settings', 'router_settings'];
const deploymentSections = ['model_list', 'credential_list', 'environment_variables'];

function effectiveParams(params: Tree, credentials: Map<string, Tree>): Tree {
  const out: Tree = { ...params };
  const credential = credentials.get(params.litellm_credential_name);
  if (credential) for (const [key, value] of Object.entries(credential)) if (!(key in out)) out[key] = value;
  delete out.litellm_credential_name;
  return out;
}

const secretParams = new Set(['api_key', 'client_secret', 'aws_access_key_id', 'aws_secret_access_key']);

export function roundTripDifferences(input: Tree, rendered: Tree, result: ImportResult): Difference[] {
  const config: Tree = input.proxy_config ?? input;
  // A literal moved into the Secret is no normalisation: the comparison resolves it by value.
  const normalisations = result.notes.filter((note) => !note.reason.startsWith('a literal secret: moved'));
  const documented = (path: string) => normalisations.some((note) => path === note.path || path.startsWith(`${note.path}.`) || note.path.startsWith(`${path}.`));
  const prefix = input.proxy_config ? 'proxy_config.' : '';
  const differences: Difference[] = [];
  const inputCredentials = new Map<string, Tree>((config.credential_list ?? []).map((c: Tree) => [c.credential_name, c.credential_values]));
  const renderedCredentials = new Map<string, Tree>((rendered.credential_list ?? []).map((c: Tree) => [c.credential_name, c.credential_values]));
  const renderedModels = new Map<string, Tree>(rendered.model_list.map((m: Tree) => [String(m.model_info.id), m]));
  const models = result.values.models as Tree;
  for (const { path, id } of result.deployments) {
    const index = Number(/\[(\d+)\]$/.exec(path)![1]);
    const source: Tree = config.model_list[index];
    const entry = models[id];
    const deployment = renderedModels.get(String(entry.info.id ?? id));
    if (!deployment) {
      // Only a deployment whose credential the import had to disable (its note says why) may be missing.
      const credentialNote = `credential ${entry.credential}`;
      if (!result.notes.some((note) => note.path === credentialNote)) differences.push({ path, input: source.model_name, rendered: undefined });
      continue;
    }
    if (deployment.model_name !== source.model_name) differences.push({ path: `${path}.model_name`, input: source.model_name, rendered: deployment.model_name });
    const want = effectiveParams(source.litellm_params, inputCredentials);
    const got = effectiveParams(deployment.litellm_params, renderedCredentials);
    for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
      const at = `${path}.litellm_params.${key}`;
      const wanted = secretParams.has(key) ? literal(want[key]) : want[key];
      const gotten = resolved(got[key], result.secrets);
      // A parameter the deployment takes from its credential: the import's note on that credential documents it.
      const viaCredential = !(key in source.litellm_params) || source.litellm_params.litellm_credential_name === undefined ? documented(`credential ${entry.credential}.${key}`) : false;
      if (!same(resolved(wanted, {}), gotten) && !documented(at) && !viaCredential) differences.push({ path: at, input: want[key], rendered: got[key] });
    }
    const info: Tree = source.model_info ?? {};
    for (const key of new Set([...Object.keys(info), ...Object.keys(deployment.model_info)])) {
      const at = `${path}.model_info.${key}`;
      if (key === 'id' && info.id === undefined) continue; // the values key: every rendered deployment has an id
      if (!same(key === 'id' ? String(info.id) : info[key], deployment.model_info[key]) && !documented(at)) differences.push({ path: at, input: info[key], rendered: deployment.model_info[key] });
    }
  }
  // A setting that is a map (cache_params, model_group_alias) is compared key by key: a note on one of its keys leaves the others compared.
  const compare = (at: string, value: unknown, renderedValue: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const renderedMap: Tree = renderedValue && typeof renderedValue === 'object' ? renderedValue : {};
      for (const key of new Set([...Object.keys(value), ...Object.keys(renderedMap)])) compare(`${at}.${key}`, (value as Tree)[key], renderedMap[key]);
      return;
    }
    const gotten = resolved(renderedValue, result.secrets);
    if (!sameDeep(value, gotten) && !same(literal(value), gotten) && !documented(at)) differences.push({ path: at, input: value, rendered: renderedValue });
  };
  for (const section of settingsSections) {
    for (const [key, value] of Object.entries(config[section] ?? {})) compare(`${prefix}${section}.${key}`, value, rendered[section]?.[key]);
  }
  for (const [section, value] of Object.entries(config)) {
    if (settingsSections.includes(section) || deploymentSections.includes(section)) continue;
    const at = `${prefix}${section}`;
    if (!sameDeep(value, resolved(rendered[section], result.secrets)) && !documented(at)) differences.push({ path: at, input: value, rendered: rendered[section] });
  }
  return differences;
}
