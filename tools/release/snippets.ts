// What the release prints for its users: `helm install` and Flux for that exact version and digest.
import { ociRepository } from '@litellm-stack/catalog';
import { stringify } from 'yaml';

export interface SnippetInput {
  chart: string;
  /** oci://host/namespace */
  registryUrl: string;
  version: string;
  /** Manifest digest; undefined in a dry run of a version not yet published. */
  digest?: string;
  plainHttp: boolean;
}

export function chartUrl(input: Pick<SnippetInput, 'chart' | 'registryUrl'>): string {
  return `${input.registryUrl}/${input.chart}`;
}

export function installSnippets(input: SnippetInput): string[] {
  const flag = input.plainHttp ? ' --plain-http' : '';
  const lines = [`helm install litellm ${chartUrl(input)} --version ${input.version}${flag}`];
  if (input.digest) lines.push(`helm install litellm ${chartUrl(input)}@${input.digest}${flag}`);
  return lines;
}

/** Where examples/flux keeps the OCIRepository and the HelmRelease whose chartRef names it. */
export const fluxNamespace = 'litellm';

/** An OCIRepository pinned to the release (by digest when known), as YAML: it replaces examples/flux/ocirepository.yaml. */
export function fluxSnippet(input: SnippetInput): string {
  const source = ociRepository({
    metadata: { name: input.chart, namespace: fluxNamespace },
    url: chartUrl(input),
    ref: input.digest ? { tag: input.version, digest: input.digest } : { tag: input.version },
    ...(input.plainHttp ? { insecure: true } : {}),
  });
  return stringify(source, { lineWidth: 0 });
}
