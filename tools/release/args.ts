// Command-line arguments of `npm run release`, parsed into options without touching anything.
import { parseArgs } from 'node:util';
import { ReleaseError } from './errors.ts';

export interface RegistryRef {
  /** `host[:port]`, as Helm and the registry API name it. */
  host: string;
  /** Repository path under the host that holds the charts, e.g. `acme/charts`. */
  namespace: string;
  /** `oci://host/namespace`, the form `helm push` takes. */
  url: string;
}

export interface ReleaseOptions {
  registry: RegistryRef;
  version?: string;
  appVersion?: string;
  dryRun: boolean;
  plainHttp: boolean;
  sign: boolean;
  /** GPG key name (uid) to sign with; --key or HELM_SIGN_KEY. */
  key?: string;
  /** Legacy GPG secret keyring (`gpg --export-secret-keys`); --keyring or HELM_SIGN_KEYRING. */
  keyring?: string;
  /** Where the packaged chart and release.json go, relative to the repository root. */
  dist: string;
}

export const usage = `Usage: npm run release -- --registry oci://HOST/NAMESPACE [options]

  --registry oci://HOST/NAMESPACE  where to publish (required), e.g. oci://ghcr.io/acme/charts
  --version X.Y.Z                  chart version (default: Chart.yaml's); must be greater than the last released
  --app-version TAG                appVersion (default: Chart.yaml's); must equal the image tag in values.yaml
  --dry-run                        every step except the push
  --plain-http                     talk HTTP, not HTTPS, to the registry (loopback test registries)
  --sign                           sign with GPG (helm package --sign); needs --key and --keyring
  --key NAME                       GPG key to sign with (or HELM_SIGN_KEY)
  --keyring PATH                   legacy secret keyring, from gpg --export-secret-keys (or HELM_SIGN_KEYRING)
  --dist DIR                       output directory (default: dist)
  --help                           this text

Credentials: REGISTRY_USERNAME and REGISTRY_PASSWORD (given to helm registry login on stdin), or an
existing Helm registry config (HELM_REGISTRY_CONFIG). A signing key passphrase goes in HELM_KEY_PASSPHRASE.`;

const repositoryPath = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const hostPattern = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;

/** `oci://HOST/NAMESPACE` → its parts; refuses tags, digests and anything Helm would not push to. */
export function parseRegistry(text: string): RegistryRef {
  if (!text.startsWith('oci://')) throw new ReleaseError(`--registry must start with oci:// (got "${text}")`);
  const rest = text.slice('oci://'.length).replace(/\/+$/, '');
  const slash = rest.indexOf('/');
  const host = slash === -1 ? rest : rest.slice(0, slash);
  const namespace = slash === -1 ? '' : rest.slice(slash + 1);
  if (!host || !hostPattern.test(host)) throw new ReleaseError(`--registry has no valid host: "${text}" (expected oci://HOST/NAMESPACE)`);
  if (!namespace) throw new ReleaseError(`--registry needs a namespace: "${text}" (expected oci://HOST/NAMESPACE, e.g. oci://ghcr.io/acme/charts)`);
  if (namespace.includes('@') || namespace.includes(':')) {
    throw new ReleaseError(`--registry must name a namespace, not a tag or digest: "${text}"`);
  }
  if (!repositoryPath.test(namespace)) {
    throw new ReleaseError(`--registry namespace "${namespace}" is not a valid OCI repository path (lowercase letters, digits, separators)`);
  }
  return { host, namespace, url: `oci://${host}/${namespace}` };
}

export type ParsedArgs = { help: true } | { help: false; options: ReleaseOptions };

export function parseReleaseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        registry: { type: 'string' },
        version: { type: 'string' },
        'app-version': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'plain-http': { type: 'boolean' },
        sign: { type: 'boolean' },
        key: { type: 'string' },
        keyring: { type: 'string' },
        dist: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new ReleaseError(`unknown flag ${flag} (see --help)`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /'(--?[\w-]+)/.exec(message)?.[1];
      throw new ReleaseError(flag ? `${flag} needs a value (see --help)` : message);
    }
    throw new ReleaseError(message);
  }
  if (values.help) return { help: true };
  if (positionals.length > 0) throw new ReleaseError(`unexpected argument "${positionals[0]}" (flags only; see --help)`);
  const text = (name: string) => {
    const value = values[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '' || value.startsWith('--')) throw new ReleaseError(`--${name} needs a value (see --help)`);
    return value;
  };
  const registry = text('registry');
  if (!registry) throw new ReleaseError('missing --registry oci://HOST/NAMESPACE (see --help)');
  const sign = values.sign === true;
  const key = text('key') ?? (env.HELM_SIGN_KEY || undefined);
  const keyring = text('keyring') ?? (env.HELM_SIGN_KEYRING || undefined);
  if (sign && !key) throw new ReleaseError('--sign needs --key NAME (or HELM_SIGN_KEY)');
  if (sign && !keyring) throw new ReleaseError('--sign needs --keyring PATH (or HELM_SIGN_KEYRING)');
  const options: ReleaseOptions = {
    registry: parseRegistry(registry),
    dryRun: values['dry-run'] === true,
    plainHttp: values['plain-http'] === true,
    sign,
    dist: text('dist') ?? 'dist',
  };
  const version = text('version');
  const appVersion = text('app-version');
  if (version !== undefined) options.version = version;
  if (appVersion !== undefined) options.appVersion = appVersion;
  if (sign) {
    options.key = key;
    options.keyring = keyring;
  }
  return { help: false, options };
}
