// The manifest linters CI runs on every scenario (tests/chart/static-analysis.spec.ts), pinned and
// installed into .tools on first use: kube-score from the Go module proxy, checkov from PyPI in a venv
// of its own (its dependencies must not move the LiteLLM venv's pins).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolsDir } from '../../tools/helm.ts';
import { goBinary, goBinDir, goInstall } from '../release/support/actionlint.ts';

export const kubeScoreVersion = 'v1.20.0';
export const kubeScoreBin = join(goBinDir, 'kube-score');

export function ensureKubeScore(): string {
  // A `go install`ed kube-score reports no version of its own; the binary's build info has the module's.
  if (existsSync(kubeScoreBin) && execFileSync(goBinary(), ['version', '-m', kubeScoreBin], { encoding: 'utf8' }).includes(`github.com/zegl/kube-score\t${kubeScoreVersion}`)) return kubeScoreBin;
  goInstall('github.com/zegl/kube-score/cmd/kube-score', kubeScoreVersion);
  return kubeScoreBin;
}

export const checkovVersion = '3.3.30';
const checkovVenv = join(toolsDir, 'checkov');
export const checkovBin = join(checkovVenv, 'bin', 'checkov');

export function ensureCheckov(): string {
  const stamp = join(checkovVenv, '.version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === checkovVersion) return checkovBin;
  execFileSync(process.env.PYTHON ?? 'python3', ['-m', 'venv', '--clear', checkovVenv], { stdio: 'inherit' });
  execFileSync(join(checkovVenv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `checkov==${checkovVersion}`], { stdio: 'inherit' });
  writeFileSync(stamp, checkovVersion);
  return checkovBin;
}
