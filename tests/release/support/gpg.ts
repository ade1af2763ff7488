// A throwaway GPG signing key (Debian gnupg) in its own GNUPGHOME, exported as the legacy keyrings
// Helm reads: secring.gpg for `helm package --sign`, pubring.gpg for `helm pull --verify`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SigningKey {
  name: string;
  fingerprint: string;
  secring: string;
  pubring: string;
  cleanup: () => void;
}

export function makeSigningKey(name = 'litellm-stack release test <release-test@example.invalid>'): SigningKey {
  // A short path: gpg-agent's socket lives in GNUPGHOME.
  const home = mkdtempSync(join(tmpdir(), 'gpg-'));
  const env = { ...process.env, GNUPGHOME: home };
  const gpg = (...args: string[]) => execFileSync('gpg', ['--batch', '--quiet', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // RSA: Helm's OpenPGP library does not read newer key types. No passphrase, no expiry.
  gpg('--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', name, 'rsa2048', 'sign', 'never');
  const fingerprint = gpg('--with-colons', '--list-secret-keys').toString().split('\n').find((line) => line.startsWith('fpr:'))!.split(':')[9]!;
  mkdirSync(join(home, 'export'));
  const secring = join(home, 'export', 'secring.gpg');
  const pubring = join(home, 'export', 'pubring.gpg');
  writeFileSync(secring, gpg('--export-secret-keys', fingerprint));
  writeFileSync(pubring, gpg('--export', fingerprint));
  return {
    name,
    fingerprint,
    secring,
    pubring,
    cleanup() {
      try {
        execFileSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' });
      } catch {
        // no agent was started
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
