// checkov, the manifest linter tests/chart/static-analysis.spec.ts runs, pinned and installed from PyPI
// into a venv of its own (its dependencies must not move the LiteLLM venv's pins). The venv lives
// outside the checkout, keyed by checkov's version, so a machine installs each pin once and a fresh
// clone does not spend minutes reinstalling it. `node --import tsx tools/checkov.ts` installs it if
// missing (.ci/run does, before the tests).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from './cluster/binaries.ts';

export const checkovVersion = '3.3.30';
export const checkovVenv = join(cacheRoot, `checkov-${checkovVersion}`);
export const checkovBin = join(checkovVenv, 'bin', 'checkov');

/** The checkov binary, installed first if this machine has no complete install of the pin (the stamp is written last). */
export function ensureCheckov(): string {
  const stamp = join(checkovVenv, '.version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === checkovVersion) return checkovBin;
  // A venv's scripts name its path, so it is built where it stays; --clear drops a half-done install.
  execFileSync(process.env.PYTHON ?? 'python3', ['-m', 'venv', '--clear', checkovVenv], { stdio: 'inherit' });
  execFileSync(join(checkovVenv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `checkov==${checkovVersion}`], { stdio: 'inherit' });
  writeFileSync(stamp, checkovVersion);
  return checkovBin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const bin = ensureCheckov();
    console.log(`checkov ${checkovVersion} ready after ${Math.round((Date.now() - started) / 1000)} s: ${bin}`);
  } catch (error) {
    console.error(`checkov: ${(error as Error).message}`);
    process.exit(1);
  }
}
