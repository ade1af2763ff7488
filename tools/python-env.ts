// The project's Python virtual environment (.venv), built from requirements.txt on first use and
// rebuilt when that file changes. Tests and scripts ask here for Python tools.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helm.ts';

export const venvDir = join(repoRoot, '.venv');
const requirements = join(repoRoot, 'requirements.txt');
const stamp = join(venvDir, '.requirements.sha256');

export const venvBin = (name: string) => join(venvDir, 'bin', name);

/**
 * Runs one of tools/conformance's extractors (`litellm_keys.py`, `litellm_providers.py`) with the
 * installed LiteLLM, offline (its local cost map), and parses the JSON it prints.
 */
export function extractFromLiteLLM(script: string): any {
  return JSON.parse(
    execFileSync(venvBin('python'), [join(repoRoot, 'tools', 'conformance', script)], {
      env: { PATH: '/usr/bin:/bin', LITELLM_LOCAL_MODEL_COST_MAP: 'True', LITELLM_MODE: 'PRODUCTION' },
      encoding: 'utf8',
    }),
  );
}

/** Creates or updates .venv so that it holds exactly what requirements.txt pins. Idempotent. */
export function ensurePythonEnv(): void {
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  const python = process.env.PYTHON ?? 'python3';
  if (!existsSync(venvBin('python'))) {
    rmSync(venvDir, { recursive: true, force: true });
    execFileSync(python, ['-m', 'venv', venvDir], { stdio: 'inherit' });
  }
  execFileSync(venvBin('pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', requirements], { stdio: 'inherit' });
  writeFileSync(stamp, wanted);
}
