// Typed builders for the Flux objects that deploy the chart from an OCI registry: an OCIRepository
// (source.toolkit.fluxcd.io/v1) and a HelmRelease (helm.toolkit.fluxcd.io/v2) whose `spec.values`
// are checked against the chart's generated values type, so a misspelt key is a compile error.
import type { Credential, ModelDeployment, ModelInfo } from '../catalog/types.ts';
import type { LitellmStackValues } from '../generated/values.ts';

/** Media type of the chart layer in the OCI artifact Helm pushes. */
export const helmChartLayerMediaType = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

/** One credential's values. Entries merge with the chart's defaults, so every field is optional. */
export type CredentialValues = Partial<Omit<Credential, 'id' | 'secretKeys'>> & { secretKeys?: Credential['secretKeys'] };

/** One model deployment's values (merged with the chart's defaults for known ids). */
export type ModelValues = Partial<Omit<ModelDeployment, 'id' | 'info'>> & { info?: Partial<ModelInfo> };

/**
 * The chart's values. The generated type leaves the `credentials` and `models` entries open (their
 * schema uses if/then rules), so they are typed here from the catalog's own types.
 */
export type HelmReleaseValues = Omit<LitellmStackValues, 'credentials' | 'models'> & {
  credentials?: Record<string, CredentialValues>;
  models?: Record<string, ModelValues>;
};

/** Every key of an entry, kept in step with the types at compile time and with the schema by a test. */
export const credentialValueKeys = {
  enabled: true,
  description: true,
  provider: true,
  apiBase: true,
  resourceName: true,
  apiVersion: true,
  organization: true,
  tenantId: true,
  clientId: true,
  workloadIdentity: true,
  awsRegionName: true,
  vertexProject: true,
  vertexLocation: true,
  secretKeys: true,
} as const satisfies Record<keyof CredentialValues, true>;

export const modelValueKeys = {
  enabled: true,
  description: true,
  modelName: true,
  model: true,
  credential: true,
  rpm: true,
  tpm: true,
  timeout: true,
  streamTimeout: true,
  apiVersion: true,
  maxTokens: true,
  maxCompletionTokens: true,
  maxOutputTokens: true,
  thinking: true,
  reasoningEffort: true,
  mergeReasoningContentInChoices: true,
  cacheControlInjectionPoints: true,
  inputType: true,
  modalities: true,
  params: true,
  info: true,
} as const satisfies Record<keyof ModelValues, true>;

/** Identity at run time; at compile time it holds `values` to the chart's values type. */
export function helmReleaseValues(values: HelmReleaseValues): HelmReleaseValues {
  return values;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export type OCIRepositoryRef = { semver: string; semverFilter?: string } | { tag: string } | { digest: string; tag?: string };

export interface OCIRepository {
  apiVersion: 'source.toolkit.fluxcd.io/v1';
  kind: 'OCIRepository';
  metadata: ObjectMeta;
  spec: {
    interval: string;
    url: string;
    ref: OCIRepositoryRef;
    layerSelector: { mediaType: string; operation: 'copy' | 'extract' };
    secretRef?: { name: string };
    insecure?: boolean;
    verify?: { provider: 'cosign' | 'notation'; secretRef?: { name: string }; matchOIDCIdentity?: { issuer: string; subject: string }[] };
  };
}

export interface OCIRepositoryOptions {
  metadata: ObjectMeta;
  /** `oci://host/namespace/litellm-stack`: the chart's repository, without tag or digest. */
  url: string;
  ref: OCIRepositoryRef;
  interval?: string;
  secretRef?: string;
  /** Plain HTTP (test registries only). */
  insecure?: boolean;
  verify?: OCIRepository['spec']['verify'];
}

export function ociRepository(options: OCIRepositoryOptions): OCIRepository {
  const path = options.url.replace(/^oci:\/\//, '').split('/').slice(1).join('/');
  if (!options.url.startsWith('oci://') || !path) throw new Error(`OCIRepository url must be oci://HOST/PATH: ${options.url}`);
  if (/[@:]/.test(path)) throw new Error(`OCIRepository url must not carry a tag or digest (use ref): ${options.url}`);
  const spec: OCIRepository['spec'] = {
    interval: options.interval ?? '10m',
    url: options.url,
    ref: options.ref,
    layerSelector: { mediaType: helmChartLayerMediaType, operation: 'copy' },
  };
  if (options.secretRef) spec.secretRef = { name: options.secretRef };
  if (options.insecure) spec.insecure = true;
  if (options.verify) spec.verify = options.verify;
  return { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository', metadata: options.metadata, spec };
}

export interface Remediation {
  retries?: number;
  remediateLastFailure?: boolean;
  strategy?: 'rollback' | 'uninstall';
}

export interface HelmRelease {
  apiVersion: 'helm.toolkit.fluxcd.io/v2';
  kind: 'HelmRelease';
  metadata: ObjectMeta;
  spec: {
    interval: string;
    releaseName?: string;
    targetNamespace?: string;
    chartRef: { kind: 'OCIRepository'; name: string; namespace?: string };
    install?: { createNamespace?: boolean; remediation?: Omit<Remediation, 'strategy'> };
    upgrade?: { cleanupOnFail?: boolean; remediation?: Remediation };
    valuesFrom?: { kind: 'ConfigMap' | 'Secret'; name: string; valuesKey?: string; targetPath?: string; optional?: boolean }[];
    values?: HelmReleaseValues;
  };
}

export interface HelmReleaseOptions {
  metadata: ObjectMeta;
  /** The OCIRepository that serves the chart. */
  chartRef: { name: string; namespace?: string };
  values: HelmReleaseValues;
  interval?: string;
  releaseName?: string;
  targetNamespace?: string;
  /** Install and upgrade retries before Flux gives up (upgrade failures roll back). Default 3. */
  retries?: number;
  valuesFrom?: HelmRelease['spec']['valuesFrom'];
}

export function helmRelease(options: HelmReleaseOptions): HelmRelease {
  const retries = options.retries ?? 3;
  const spec: HelmRelease['spec'] = {
    interval: options.interval ?? '30m',
    chartRef: { kind: 'OCIRepository', name: options.chartRef.name, ...(options.chartRef.namespace ? { namespace: options.chartRef.namespace } : {}) },
    install: { remediation: { retries } },
    upgrade: { cleanupOnFail: true, remediation: { retries, remediateLastFailure: true, strategy: 'rollback' } },
    values: helmReleaseValues(options.values),
  };
  if (options.releaseName) spec.releaseName = options.releaseName;
  if (options.targetNamespace) spec.targetNamespace = options.targetNamespace;
  if (options.valuesFrom) spec.valuesFrom = options.valuesFrom;
  return { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: options.metadata, spec };
}
