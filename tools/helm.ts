// The one place that knows where the pinned Helm binaries live. Every script and test asks here.
import { execFile, type ExecFileOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
export const chartDir = join(repoRoot, 'charts', 'litellm-stack');

export type HelmMajor = 'helm3' | 'helm4';
export const helmMajors: readonly HelmMajor[] = ['helm3', 'helm4'];

export interface HelmPin {
  package: string;
  version: string;
  archive: string;
  entry: string;
  sha256: string;
}

// kubectl comes from the same kind of package (the cluster tests' client), pinned in the same file.
const pins: Record<HelmMajor | 'kubectl', HelmPin> = JSON.parse(readFileSync(join(repoRoot, 'tools', 'helm-binaries.json'), 'utf8'));
export const helmPins: Record<HelmMajor, HelmPin> = { helm3: pins.helm3, helm4: pins.helm4 };
export const kubectlPin: HelmPin = pins.kubectl;

export const toolsDir = join(repoRoot, '.tools');

/** Path of the pinned binary that `npm ci` installed (tools/install-helm.ts). */
export function pinnedHelmPath(major: HelmMajor): string {
  return join(toolsDir, major, 'helm');
}

/** Path of the pinned kubectl that `npm ci` installed (tools/install-helm.ts). */
export function pinnedKubectlPath(): string {
  return join(toolsDir, 'kubectl', 'kubectl');
}

/**
 * The Helm binary to run. HELM_BIN overrides both majors (users who bring their own Helm);
 * HELM3_BIN / HELM4_BIN override one.
 */
export function helmBin(major: HelmMajor, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[major === 'helm3' ? 'HELM3_BIN' : 'HELM4_BIN'] ?? env.HELM_BIN;
  if (override) return override;
  const path = pinnedHelmPath(major);
  if (!existsSync(path)) {
    throw new Error(`${major} is not installed at ${path}: run \`npm ci\` (or \`npx tsx tools/install-helm.ts\`), or set HELM_BIN.`);
  }
  return path;
}

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Go runtime settings for the project's own Helm runs: Go's collector at its default pace takes ~15%
 * of a render's CPU, Helm's output does not depend on it and a render's heap is small, so it collects
 * less often. A GOGC in `env` wins.
 */
export function helmRuntimeEnv(env: NodeJS.ProcessEnv): { GOGC: string } {
  return { GOGC: env.GOGC ?? '400' };
}

/** Runs Helm with an isolated config/cache so tests never read the user's repositories or registry logins. */
export function runHelm(
  major: HelmMajor,
  args: readonly string[],
  options: ExecFileOptions & { input?: string } = {},
): Promise<HelmResult> {
  const bin = helmBin(major);
  const home = join(toolsDir, `${major}-home`);
  const env = {
    ...process.env,
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_DATA_HOME: join(home, 'data'),
    ...helmRuntimeEnv(process.env),
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { maxBuffer: 512 * 1024 * 1024, ...options, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Like runHelm, but a non-zero exit is an error carrying Helm's own message. */
export async function helm(major: HelmMajor, args: readonly string[], options: ExecFileOptions & { input?: string } = {}): Promise<string> {
  const result = await runHelm(major, args, options);
  if (result.code !== 0) {
    throw new Error(`${major} ${args.join(' ')} failed (exit ${result.code}):\n${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result.stdout;
}
