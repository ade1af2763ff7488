// The LiteLLM release the suite installs, read from requirements.txt, and the releases it must never
// install (the chart's files/compromised-litellm.json, which also refuses them as image tags). Checked
// before the venv is built (tests/global-setup.ts): a compromised release runs its payload at install
// or import time, so failing afterwards would be too late.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartDir, repoRoot } from '../helm.ts';

/** Releases with published malware, and the advisory that lists them: the chart's list, which refuses them as image tags too. */
export const compromisedLiteLLM: ReadonlyArray<{ version: string; advisory: string; note: string }> = JSON.parse(
  readFileSync(join(chartDir, 'files', 'compromised-litellm.json'), 'utf8'),
).releases;

/** The exact version a `litellm==X` / `litellm[extras]==X` line pins; fails on anything looser. */
export function liteLLMPin(requirements: string): string {
  const lines = requirements.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter((line) => /^litellm(\[|=|<|>|~|!|$)/.test(line));
  if (lines.length !== 1) throw new Error(`requirements.txt must pin litellm exactly once, found ${lines.length} lines`);
  const match = /^litellm(\[[a-z,_-]+\])?==([0-9][0-9a-z.]*)$/.exec(lines[0]!);
  if (!match) throw new Error(`requirements.txt must pin litellm to one exact version (litellm[proxy]==X.Y.Z), got "${lines[0]}"`);
  return match[2]!;
}

/** Throws, loudly, when the version is a known-compromised release. */
export function assertNotCompromised(version: string): void {
  const bad = compromisedLiteLLM.find((entry) => entry.version === version);
  if (bad) {
    throw new Error(
      `REFUSING TO INSTALL litellm ${version}: it is a compromised release (${bad.advisory}: ${bad.note}). ` +
        'Pin another version in requirements.txt; if it was ever installed, rotate every credential the machine held.',
    );
  }
}

export function readLiteLLMPin(): string {
  return liteLLMPin(readFileSync(join(repoRoot, 'requirements.txt'), 'utf8'));
}

/** Reads the pin and refuses a compromised one: call before anything installs requirements.txt. */
export function assertSafeLiteLLMPin(): string {
  const version = readLiteLLMPin();
  assertNotCompromised(version);
  return version;
}
