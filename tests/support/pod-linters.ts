// kube-score, one of the manifest linters CI runs on every scenario (tests/chart/static-analysis.spec.ts),
// pinned and installed into .tools on first use from the Go module proxy. checkov: tools/checkov.ts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { goBinary, goBinDir, goInstall } from '../release/support/actionlint.ts';

export const kubeScoreVersion = 'v1.20.0';
export const kubeScoreBin = join(goBinDir, 'kube-score');

export function ensureKubeScore(): string {
  // A `go install`ed kube-score reports no version of its own; the binary's build info has the module's.
  if (existsSync(kubeScoreBin) && execFileSync(goBinary(), ['version', '-m', kubeScoreBin], { encoding: 'utf8' }).includes(`github.com/zegl/kube-score\t${kubeScoreVersion}`)) return kubeScoreBin;
  goInstall('github.com/zegl/kube-score/cmd/kube-score', kubeScoreVersion);
  return kubeScoreBin;
}
