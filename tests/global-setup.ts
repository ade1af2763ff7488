// Runs once before the suite: the pinned Helm binaries, the Python tools and the CRD schemas (from
// the pinned upstream Go modules, cached outside the checkout) must be in place.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { helmMajors, pinnedHelmPath } from '../tools/helm.ts';
import { ensurePythonEnv } from '../tools/python-env.ts';
import { assertSafeLiteLLMPin } from '../tools/conformance/litellm-pin.ts';
import { ensureCrds } from '../tools/cluster/crds.ts';

export default function setup(): void {
  if (!process.env.HELM_BIN && helmMajors.some((major) => !existsSync(pinnedHelmPath(major)))) {
    execFileSync('npx', ['tsx', 'tools/install-helm.ts'], { stdio: 'inherit' });
  }
  // Before pip runs: a compromised LiteLLM release does harm at install time.
  assertSafeLiteLLMPin();
  ensurePythonEnv();
  ensureCrds();
}
