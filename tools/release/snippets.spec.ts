import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../tests/support/validate.ts';
import { fluxSnippet, installSnippets } from './snippets.ts';
import { repoRoot } from '../helm.ts';

const digest = `sha256:${'c'.repeat(64)}`;
const input = { chart: 'litellm-stack', registryUrl: 'oci://ghcr.io/acme/charts', version: '0.2.0', digest, plainHttp: false };

describe('installSnippets', () => {
  it('installs by version and by digest', () => {
    expect(installSnippets(input)).toEqual([
      'helm install litellm oci://ghcr.io/acme/charts/litellm-stack --version 0.2.0',
      `helm install litellm oci://ghcr.io/acme/charts/litellm-stack@${digest}`,
    ]);
    expect(installSnippets({ ...input, digest: undefined, plainHttp: true })).toEqual(['helm install litellm oci://ghcr.io/acme/charts/litellm-stack --version 0.2.0 --plain-http']);
  });
});

describe('fluxSnippet', () => {
  it('is a valid OCIRepository pinned to the digest, selecting the chart layer', async () => {
    const object = parse(fluxSnippet(input));
    expect(object.spec).toEqual({
      interval: '10m',
      url: 'oci://ghcr.io/acme/charts/litellm-stack',
      ref: { tag: '0.2.0', digest },
      layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' },
    });
    expect(await schemaErrors([object])).toEqual([]);
    const dryRun = parse(fluxSnippet({ ...input, digest: undefined, plainHttp: true }));
    expect(dryRun.spec).toMatchObject({ ref: { tag: '0.2.0' }, insecure: true });
    expect(await schemaErrors([dryRun])).toEqual([]);
  });

  it('is the OCIRepository the example HelmRelease points at (same name and namespace)', () => {
    const helmRelease = parse(readFileSync(join(repoRoot, 'examples/flux/helmrelease.yaml'), 'utf8'));
    const { metadata } = parse(fluxSnippet(input));
    expect({ kind: 'OCIRepository', name: metadata.name, namespace: metadata.namespace }).toEqual(helmRelease.spec.chartRef);
    expect(metadata.namespace).toBe(helmRelease.metadata.namespace);
  });
});
