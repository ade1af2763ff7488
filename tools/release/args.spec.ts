import { describe, expect, it } from 'vitest';
import { parseRegistry, parseReleaseArgs } from './args.ts';
import { ReleaseError } from './errors.ts';

const options = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const parsed = parseReleaseArgs(argv, env);
  if (parsed.help) throw new Error('help');
  return parsed.options;
};

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseError);
    return (error as Error).message;
  }
  throw new Error('did not throw');
};

describe('parseRegistry', () => {
  it('splits host and namespace', () => {
    expect(parseRegistry('oci://ghcr.io/acme/charts')).toEqual({ host: 'ghcr.io', namespace: 'acme/charts', url: 'oci://ghcr.io/acme/charts' });
    expect(parseRegistry('oci://127.0.0.1:5000/charts/')).toEqual({ host: '127.0.0.1:5000', namespace: 'charts', url: 'oci://127.0.0.1:5000/charts' });
    expect(parseRegistry('oci://[::1]:5000/charts').host).toBe('[::1]:5000');
  });

  it.each([
    ['ghcr.io/acme/charts', /must start with oci:\/\//],
    ['https://ghcr.io/acme', /must start with oci:\/\//],
    ['oci://', /no valid host/],
    ['oci://ghcr.io', /needs a namespace/],
    ['oci://ghcr.io/', /needs a namespace/],
    ['oci://ghcr.io/acme/charts:1.0.0', /not a tag or digest/],
    ['oci://ghcr.io/acme/charts@sha256:abc', /not a tag or digest/],
    ['oci://ghcr.io/Acme/charts', /not a valid OCI repository path/],
    ['oci://bad_host!/x', /no valid host/],
  ])('refuses %s', (text, expected) => {
    expect(reason(() => parseRegistry(text))).toMatch(expected);
  });
});

describe('parseReleaseArgs', () => {
  it('reads every flag', () => {
    expect(options(['--registry', 'oci://r.example/charts', '--version', '1.2.3', '--app-version', 'tag', '--dry-run', '--plain-http', '--sign', '--key', 'Me', '--keyring', 'k.gpg', '--dist', 'out'])).toEqual({
      registry: { host: 'r.example', namespace: 'charts', url: 'oci://r.example/charts' },
      version: '1.2.3',
      appVersion: 'tag',
      dryRun: true,
      plainHttp: true,
      sign: true,
      key: 'Me',
      keyring: 'k.gpg',
      dist: 'out',
    });
  });

  it('has defaults and takes the signing key from the environment', () => {
    expect(options(['--registry=oci://r.example/charts'])).toEqual({ registry: parseRegistry('oci://r.example/charts'), dryRun: false, plainHttp: false, sign: false, dist: 'dist' });
    const signing = options(['--registry', 'oci://r.example/charts', '--sign'], { HELM_SIGN_KEY: 'Env Key', HELM_SIGN_KEYRING: '/k/secring.gpg' });
    expect([signing.key, signing.keyring]).toEqual(['Env Key', '/k/secring.gpg']);
  });

  it('answers --help', () => {
    expect(parseReleaseArgs(['--help'])).toEqual({ help: true });
    expect(parseReleaseArgs(['-h'])).toEqual({ help: true });
  });

  it.each([
    [['--registry', 'oci://r.example/c', '--bogus'], 'unknown flag --bogus (see --help)'],
    [['--registry', 'oci://r.example/c', '-x'], 'unknown flag -x (see --help)'],
    [[], 'missing --registry oci://HOST/NAMESPACE (see --help)'],
    [['--dry-run'], 'missing --registry oci://HOST/NAMESPACE (see --help)'],
    [['--registry'], '--registry needs a value (see --help)'],
    [['--registry', 'oci://r.example/c', '--version', ''], '--version needs a value (see --help)'],
    [['--registry', 'oci://r.example/c', 'extra'], 'unexpected argument "extra" (flags only; see --help)'],
    [['--registry', 'oci://r.example/c', '--sign'], '--sign needs --key NAME (or HELM_SIGN_KEY)'],
    [['--registry', 'oci://r.example/c', '--sign', '--key', 'Me'], '--sign needs --keyring PATH (or HELM_SIGN_KEYRING)'],
    [['--registry', 'oci://r.example/c', '--dry-run=yes'], expect.stringMatching(/dry-run/)],
  ])('refuses %j with one line', (argv, expected) => {
    const message = reason(() => parseReleaseArgs(argv as string[]));
    expect(message).toEqual(expected);
    expect(message).not.toContain('\n');
  });
});
