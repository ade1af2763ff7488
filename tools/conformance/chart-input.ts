// Turns a rendered chart into what the proxy process gets in a pod: config.yaml from the ConfigMap,
// env from the Deployment's litellm container (secretKeyRefs resolved from a test Secret), its args.
import { isDeepStrictEqual } from 'node:util';
import { helmMajors, type HelmMajor } from '../helm.ts';
import { configFiles, liteLLMConfig, proxyContainer, render, type K8sObject, type RenderOptions } from '../../tests/support/chart.ts';
import type { ProxyInput } from './proxy.ts';

/** A Secret as the cluster would hold it (e.g. `litellm-secrets` for an existingSecret). */
export interface TestSecret {
  name: string;
  data: Record<string, string>;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}

/** The container env as the kubelet would resolve it; fails on a reference the test Secret cannot satisfy. */
export function resolveEnv(env: readonly EnvVar[], secrets: readonly TestSecret[]): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const variable of env) {
    if (variable.valueFrom === undefined) {
      resolved[variable.name] = variable.value ?? '';
      continue;
    }
    const ref = variable.valueFrom.secretKeyRef;
    if (!ref) throw new Error(`env ${variable.name}: only value and secretKeyRef are supported, got ${JSON.stringify(variable.valueFrom)}`);
    const value = secrets.find((secret) => secret.name === ref.name)?.data[ref.key];
    if (value !== undefined) resolved[variable.name] = value;
    else if (!ref.optional) throw new Error(`env ${variable.name}: Secret ${ref.name} has no key ${ref.key} (a pod would not start)`);
  }
  return resolved;
}

export function proxyInputFromObjects(objects: K8sObject[], secrets: readonly TestSecret[]): ProxyInput {
  const container = proxyContainer(objects);
  const files = configFiles(objects);
  return {
    config: liteLLMConfig(objects),
    env: resolveEnv(container.env ?? [], secrets),
    args: container.args ?? [],
    // A split config runs from the rendered files, so the proxy itself resolves the includes.
    ...(Object.keys(files).length > 1 ? { files } : {}),
  };
}

/**
 * The suite has no PostgreSQL, and the chart's default database (a CNPG cluster) would give the proxy
 * a DATABASE_URL pointing nowhere: every scenario runs with `database.mode: none`.
 */
export const noDatabase = { database: { mode: 'none' } };

/**
 * Renders with Helm 3 and Helm 4 and returns the one proxy input both produce; the proxy then runs
 * once for both, which is only sound because they are checked to be identical.
 */
export async function renderProxyInput(
  options: RenderOptions,
  secrets: readonly TestSecret[],
  /** Called with each major's objects, e.g. to check them before the proxy runs. */
  inspect: (objects: K8sObject[], major: HelmMajor) => void = () => {},
): Promise<ProxyInput> {
  const withoutDatabase = { ...options, values: { ...noDatabase, ...options.values } };
  const [first, ...others] = await Promise.all(
    helmMajors.map(async (major) => {
      const objects = await render(major, withoutDatabase);
      inspect(objects, major);
      return proxyInputFromObjects(objects, secrets);
    }),
  );
  for (const [index, other] of others.entries()) {
    if (!isDeepStrictEqual(first, other)) throw new Error(`${helmMajors[index + 1]} renders a different proxy config/env than ${helmMajors[0]}`);
  }
  return first!;
}
