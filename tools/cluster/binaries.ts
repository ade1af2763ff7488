// Builds the Go components of the cluster test fixture (kube-apiserver, kube-controller-manager and
// Flux's source-controller and helm-controller) from the pinned modules in tools/cluster/go/, and
// caches each binary outside the checkout, keyed by its module's go.mod + go.sum hash, so a machine
// builds each pin once. `node --import tsx tools/cluster/binaries.ts [component…]` builds what is missing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../helm.ts';

export const goModulesDir = join(repoRoot, 'tools', 'cluster', 'go');

/** Where built binaries and derived schemas live: outside the checkout, shared by every clone. */
export const cacheRoot = process.env.LITELLM_STACK_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'litellm-stack');

export const components = {
  'kube-apiserver': { module: 'kube', pkg: './cmd/kube-apiserver' },
  'kube-controller-manager': { module: 'kube', pkg: './cmd/kube-controller-manager' },
  'source-controller': { module: 'source-controller', pkg: 'github.com/fluxcd/source-controller' },
  'helm-controller': { module: 'helm-controller', pkg: 'github.com/fluxcd/helm-controller' },
} as const;
export type Component = keyof typeof components;
export const controlPlane: readonly Component[] = ['kube-apiserver', 'kube-controller-manager'];
export const flux: readonly Component[] = ['source-controller', 'helm-controller'];

/** The version a module requires of `path`, read from its go.mod. */
export function requiredVersion(goMod: string, path: string): string {
  const match = goMod.match(new RegExp(`^\\s*(?:require\\s+)?${path.replace(/[.]/g, '\\.')}\\s+(v\\S+)`, 'm'));
  if (!match) throw new Error(`go.mod does not require ${path}`);
  return match[1]!;
}

/** The version ldflags Kubernetes' own build sets; without them the API server reports v0.0.0 and Helm refuses kubeVersion. */
export function kubeVersionLdflags(version: string): string[] {
  const [major, minor] = version.replace(/^v/, '').split('.');
  return ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version'].flatMap((pkg) => [
    `-X ${pkg}.gitVersion=${version}`,
    `-X ${pkg}.gitMajor=${major}`,
    `-X ${pkg}.gitMinor=${minor}`,
    `-X ${pkg}.gitTreeState=clean`,
  ]);
}

function moduleFiles(module: string): { goMod: string; hash: string } {
  const dir = join(goModulesDir, module);
  const goMod = readFileSync(join(dir, 'go.mod'), 'utf8');
  const hash = createHash('sha256').update(goMod).update(readFileSync(join(dir, 'go.sum'))).digest('hex').slice(0, 16);
  return { goMod, hash };
}

/** Path of the cached binary for the current pins (it may not be built yet). */
export function binaryPath(component: Component): string {
  const { module } = components[component];
  return join(cacheRoot, 'bin', `${component}-${moduleFiles(module).hash}`);
}

/** Builds `component` unless the binary for the current pins is cached; returns its path. */
export function buildBinary(component: Component, log: (line: string) => void = () => {}): string {
  const target = binaryPath(component);
  if (existsSync(target)) return target;
  const { module, pkg } = components[component];
  const { goMod } = moduleFiles(module);
  const ldflags = ['-s', '-w', ...(module === 'kube' ? kubeVersionLdflags(requiredVersion(goMod, 'k8s.io/kubernetes')) : [])];
  mkdirSync(join(cacheRoot, 'bin'), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const started = Date.now();
  log(`building ${component} (${pkg} in tools/cluster/go/${module})…`);
  try {
    execFileSync('go', ['build', '-trimpath', '-mod=readonly', '-ldflags', ldflags.join(' '), '-o', partial, pkg], {
      cwd: join(goModulesDir, module),
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CGO_ENABLED: '0' },
    });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(`go build of ${component} failed: ${(error as Error).message}`);
  }
  renameSync(partial, target);
  log(`built ${component} in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = process.argv.slice(2) as Component[];
  const unknown = wanted.filter((name) => !(name in components));
  if (unknown.length) {
    console.error(`binaries: unknown component ${unknown.join(', ')}; known: ${Object.keys(components).join(', ')}`);
    process.exit(2);
  }
  try {
    for (const component of wanted.length ? wanted : (Object.keys(components) as Component[])) buildBinary(component, console.log);
  } catch (error) {
    console.error(`binaries: ${(error as Error).message}`);
    process.exit(1);
  }
}
