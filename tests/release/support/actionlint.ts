// actionlint, built from the Go module proxy into .tools/go/bin at a pinned version on first use.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toolsDir } from '../../../tools/helm.ts';

export const actionlintVersion = 'v1.7.12';
/** Where Go tools pinned by the tests are installed. */
export const goBinDir = join(toolsDir, 'go', 'bin');
export const actionlintBin = join(goBinDir, 'actionlint');

export function goBinary(): string {
  if (process.env.GO) return process.env.GO;
  for (const candidate of ['/usr/local/go/bin/go', '/usr/lib/go/bin/go']) if (existsSync(candidate)) return candidate;
  return 'go';
}

/** `go install <package>@<version>` into goBinDir, from the Go module proxy. */
export function goInstall(pkg: string, version: string): void {
  execFileSync(goBinary(), ['install', `${pkg}@${version}`], {
    env: { ...process.env, GOBIN: goBinDir, GOFLAGS: '-mod=mod', GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'auto' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export function ensureActionlint(): string {
  if (existsSync(actionlintBin)) {
    const version = execFileSync(actionlintBin, ['-version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
    if (version === actionlintVersion) return actionlintBin;
  }
  goInstall('github.com/rhysd/actionlint/cmd/actionlint', actionlintVersion);
  return actionlintBin;
}
