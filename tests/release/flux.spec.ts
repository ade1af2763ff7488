// examples/flux: valid against the Flux CRD schemas, the HelmRelease's values valid against the chart's
// values.schema.json (what Flux's Helm checks at install) and rendered by real Helm 3 and Helm 4, the
// Secret holding every key the chart reads, and the typed helper building the same HelmRelease.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { helmRelease, helmReleaseValues, ociRepository } from '@litellm-stack/catalog';
import { chartDir, helmMajors, repoRoot, type HelmMajor } from '../../tools/helm.ts';
import { objectsOfKind, render, tryRender, type K8sObject } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';

const dir = join(repoRoot, 'examples', 'flux');
const load = (file: string): K8sObject => {
  const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8'));
  expect(docs).toHaveLength(1);
  return docs[0]!.toJS() as K8sObject;
};

const source = load('ocirepository.yaml');
const release = load('helmrelease.yaml');
const secret = load('secret.sops.yaml');
const values = release.spec.values;

describe('examples/flux objects', () => {
  it('are valid against the CRD schemas (Flux) and the Kubernetes API (Secret, Namespace)', async () => {
    const objects = ['ocirepository.yaml', 'helmrelease.yaml', 'secret.sops.yaml', 'namespace.yaml', 'flux-kustomization.yaml'].map(load);
    expect(await schemaErrors(objects)).toEqual([]);
  });

  it('the OCIRepository selects the chart layer of a semver range, url without tag', () => {
    expect(source.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
    expect(source.spec.url).toMatch(/^oci:\/\/[^/]+\/.+\/litellm-stack$/);
    expect(source.spec.url.replace('oci://', '').split('/').slice(1).join('/')).not.toMatch(/[:@]/);
    expect(source.spec.ref).toEqual({ semver: expect.any(String) });
    expect(source.spec.layerSelector).toEqual({ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' });
  });

  it('the OCIRepository carries a commented cosign verify block that is valid once uncommented', async () => {
    const text = readFileSync(join(dir, 'ocirepository.yaml'), 'utf8');
    const block = text.split('\n').filter((line) => /^ {2}# {1,}(verify:| {2})/.test(line) && !/secretRef|name: ghcr-pull/.test(line));
    const verify = parse(block.map((line) => line.replace(/^ {2}# /, '')).join('\n'));
    expect(verify.verify.provider).toBe('cosign');
    expect(await schemaErrors([{ ...source, spec: { ...source.spec, ...verify } }])).toEqual([]);
  });

  it('the HelmRelease uses chartRef to that OCIRepository, with install and upgrade remediation', () => {
    expect(release.spec.chartRef).toEqual({ kind: 'OCIRepository', name: source.metadata.name, namespace: source.metadata.namespace });
    expect(release.spec.install.remediation.retries).toBeGreaterThan(0);
    expect(release.spec.upgrade.remediation).toMatchObject({ retries: expect.any(Number), strategy: 'rollback' });
  });

  it('kustomization.yaml lists every manifest of the folder that belongs in the cluster namespace', () => {
    const listed = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')).resources.sort();
    const manifests = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file) && !['kustomization.yaml', 'flux-kustomization.yaml', '.sops.yaml'].includes(file)).sort();
    expect(listed).toEqual(manifests);
  });

  it('the typed helpers build the same objects', () => {
    const built = helmRelease({
      metadata: { name: 'litellm', namespace: 'litellm' },
      chartRef: { name: 'litellm-stack', namespace: 'litellm' },
      values: helmReleaseValues({
        replicas: 2,
        secrets: { existingSecret: 'litellm-secrets' },
        credentials: {
          azure_credential_us_east: { enabled: true, resourceName: 'contoso-eastus' },
          azure_credential_us_east2: { enabled: true, resourceName: 'contoso-eastus2' },
          azure_anthropic: { enabled: true, apiBase: 'https://contoso-foundry.services.ai.azure.com/anthropic' },
          azure_ai_cohere_embed: { enabled: true, apiBase: 'https://contoso-embed.eastus.models.ai.azure.com/v1' },
          azure_ai_cohere_rerank: { enabled: true, apiBase: 'https://contoso-rerank.eastus.models.ai.azure.com' },
        },
        litellm: { settings: { drop_params: true } },
      }),
    });
    expect(built).toEqual(release);
    expect(ociRepository({ metadata: source.metadata, url: source.spec.url, ref: source.spec.ref })).toEqual(source);
    expect(() => ociRepository({ metadata: source.metadata, url: `${source.spec.url}:0.1.0`, ref: source.spec.ref })).toThrow('must not carry a tag or digest');
  });
});

/**
 * Helm's coalescing of user values over the chart's values.yaml: maps merge key by key, anything else
 * replaces, null removes. Helm (and so Flux) validates the schema against this result.
 */
function coalesce(defaults: unknown, overrides: unknown): unknown {
  const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isMap(defaults) || !isMap(overrides)) return overrides === undefined ? defaults : overrides;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete merged[key];
    else merged[key] = coalesce(defaults[key], value);
  }
  return merged;
}

describe('the HelmRelease values', () => {
  const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8'));
  const defaults = parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8'));
  // Draft-07, as Helm reads the chart's schema.
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('are valid against the chart values.schema.json, merged over the chart defaults as Helm does', () => {
    const merged = coalesce(defaults, values);
    expect(validate(merged), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema has teeth: a misspelt key, a wrong type fail', () => {
    expect(validate(coalesce(defaults, { ...values, replcas: 2 }))).toBe(false);
    expect(validate(coalesce(defaults, { ...values, credentials: { azure_anthropic: { enabled: 'yes' } } }))).toBe(false);
    expect(validate(coalesce(defaults, { ...values, replicas: 'two' }))).toBe(false);
  });

  it('an Azure credential without an endpoint is refused by the chart, naming it', async () => {
    // Azure has no default endpoint (a keyed provider such as Anthropic falls back to its public host).
    const [id, azure] = Object.entries<any>(values.credentials).find(([, credential]) => credential.resourceName)!;
    const { apiBase: _, resourceName: __, ...withoutEndpoint } = azure;
    const broken = { ...values, credentials: { ...values.credentials, [id]: withoutEndpoint } };
    for (const major of helmMajors) {
      const result = await tryRender(major, { values: broken });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`credentials.${id}: enabled without an endpoint`);
    }
  });

  describe.each(helmMajors.map((major) => [major] as [HelmMajor]))('%s', (major) => {
    it('helm template -f <spec.values> renders valid objects', async () => {
      const objects = await render(major, { values, namespace: 'litellm', release: 'litellm' });
      expect(await schemaErrors(objects)).toEqual([]);
      const deployment = objectsOfKind(objects, 'Deployment')[0]!;
      expect(deployment.spec.replicas).toBe(2);
      // Every key the proxy reads from the Secret exists in the Secret template.
      const refs = deployment.spec.template.spec.containers
        .flatMap((c: { env?: { valueFrom?: { secretKeyRef?: { name: string; key: string } } }[] }) => c.env ?? [])
        .map((e: { valueFrom?: { secretKeyRef?: { name: string; key: string } } }) => e.valueFrom?.secretKeyRef)
        .filter((ref: { name: string } | undefined) => ref?.name === secret.metadata.name)
        .map((ref: { key: string }) => ref.key);
      expect(refs.length).toBeGreaterThan(2);
      expect(Object.keys(secret.stringData)).toEqual(expect.arrayContaining([...new Set(refs)]));
      // With existingSecret the chart creates no Secret of its own.
      expect(objectsOfKind(objects, 'Secret')).toEqual([]);
    });

    it('helm template refuses a misspelt key, as Flux would at install', async () => {
      const result = await tryRender(major, { values: { ...values, replcas: 2 } });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/replcas/);
    });
  });
});
