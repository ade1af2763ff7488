// SOPS, built from the Go module proxy into .tools/go/bin at a pinned version on first use (Debian
// does not package it); age and age-keygen come from Debian (`.ci/run` installs the package).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { goBinDir, goInstall } from '../release/support/actionlint.ts';

export const sopsVersion = 'v3.11.0';
export const sopsBin = join(goBinDir, 'sops');

export function ensureSops(): string {
  if (existsSync(sopsBin) && execFileSync(sopsBin, ['--version', '--disable-version-check'], { encoding: 'utf8' }).includes(sopsVersion.slice(1))) return sopsBin;
  goInstall('github.com/getsops/sops/v3/cmd/sops', sopsVersion);
  return sopsBin;
}
