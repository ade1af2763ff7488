// actionlint, built from the Go module proxy into .tools/go/bin at a pinned version on first use.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toolsDir } from '../../../tools/helm.ts';

export const actionlintVersion = 'v1.7.12';
export const actionlintBin = join(toolsDir, 'go', 'bin', 'actionlint');

export function goBinary(): string {
  if (process.env.GO) return process.env.GO;
  for (const candidate of ['/usr/local/go/bin/go', '/usr/lib/go/bin/go']) if (existsSync(candidate)) return candidate;
  return 'go';
}

export function ensureActionlint(): string {
  if (existsSync(actionlintBin)) {
    const version = execFileSync(actionlintBin, ['-version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
    if (version === actionlintVersion) return actionlintBin;
  }
  execFileSync(goBinary(), ['install', `github.com/rhysd/actionlint/cmd/actionlint@${actionlintVersion}`], {
    env: { ...process.env, GOBIN: join(toolsDir, 'go', 'bin'), GOFLAGS: '-mod=mod', GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'auto' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return actionlintBin;
}
