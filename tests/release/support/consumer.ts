// Helm as a chart user runs it: its own config, cache and registry login (password on stdin).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHelm, type HelmMajor, type HelmResult } from '../../../tools/helm.ts';
import type { Registry } from './registry.ts';

export interface Consumer {
  helm: (major: HelmMajor, args: string[], env?: NodeJS.ProcessEnv) => Promise<HelmResult>;
  cleanup: () => void;
}

export async function consumerOf(registry: Registry): Promise<Consumer> {
  const home = mkdtempSync(join(tmpdir(), 'litellm-consumer-'));
  const env = {
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_DATA_HOME: join(home, 'data'),
    HELM_REGISTRY_CONFIG: join(home, 'registry.json'),
    KUBECONFIG: join(home, 'no-kubeconfig'),
  };
  const helm = (major: HelmMajor, args: string[], extra: NodeJS.ProcessEnv = {}) => runHelm(major, args, { env: { ...env, ...extra } });
  const login = await runHelm('helm4', ['registry', 'login', registry.host, '--username', registry.username, '--password-stdin', '--plain-http'], { env, input: registry.password });
  if (login.code !== 0) throw new Error(`helm registry login failed: ${login.stderr}`);
  return { helm, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}
