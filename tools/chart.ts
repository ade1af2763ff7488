// Renders the chart with a real Helm binary and parses what it prints into objects (scripts and tests).
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { chartDir, runHelm, type HelmMajor, type HelmResult } from './helm.ts';

/** The chart's CI scenarios (ci/*.yaml), sorted, as `files` entries: `ci/01-minimal.yaml`, … */
export const scenarioFiles: string[] = readdirSync(join(chartDir, 'ci'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => `ci/${name}`);

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: any;
}

export interface RenderOptions {
  /** Values files, relative to the chart (e.g. `ci/02-seed-full.yaml`) or absolute. */
  files?: string[];
  /** Inline values, written to a temp file after `files`. */
  values?: object;
  release?: string;
  namespace?: string;
  chart?: string;
  /** Render as `helm upgrade` would (`--is-upgrade`: .Release.IsUpgrade, pre-upgrade hooks). */
  upgrade?: boolean;
  /** Leave values.schema.json out (`--skip-schema-validation`), to see what the API server makes of what the schema refuses. */
  skipSchemaValidation?: boolean;
}

const scratch = mkdtempSync(join(tmpdir(), 'litellm-stack-render-'));
let counter = 0;

export function valuesFile(values: object): string {
  const path = join(scratch, `values-${process.pid}-${counter++}.yaml`);
  writeFileSync(path, JSON.stringify(values));
  return path;
}

export function helmArgs(command: 'template' | 'lint', options: RenderOptions = {}): string[] {
  const files = [...(options.files ?? []).map((f) => (f.startsWith('/') ? f : join(chartDir, f)))];
  if (options.values) files.push(valuesFile(options.values));
  const args = command === 'template'
    ? ['template', options.release ?? 'rel', options.chart ?? chartDir, '--namespace', options.namespace ?? 'ai']
    : ['lint', '--strict', options.chart ?? chartDir];
  for (const file of files) args.push('-f', file);
  if (command === 'template' && options.upgrade) args.push('--is-upgrade');
  if (command === 'template' && options.skipSchemaValidation) args.push('--skip-schema-validation');
  return args;
}

/** `helm template`, keeping exit code and messages (for bad-input tests). */
export function tryRender(major: HelmMajor, options: RenderOptions = {}): Promise<HelmResult> {
  return runHelm(major, helmArgs('template', options));
}

export function parseObjects(manifest: string): K8sObject[] {
  return parseAllDocuments(manifest)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`rendered YAML does not parse: ${doc.errors[0]!.message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((object): object is K8sObject => object !== null);
}

export async function render(major: HelmMajor, options: RenderOptions = {}): Promise<K8sObject[]> {
  const result = await tryRender(major, options);
  if (result.code !== 0) throw new Error(`${major} template failed (exit ${result.code}): ${result.stderr}`);
  return parseObjects(result.stdout);
}

export function objectsOfKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((object) => object.kind === kind);
}

export function single(objects: K8sObject[], kind: string): K8sObject {
  const found = objectsOfKind(objects, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
}

/**
 * The files the proxy's config directory holds, by path relative to it: config.yaml from the proxy's
 * ConfigMap and, when the model list is split, models/models-NNN.yaml from the ConfigMaps the
 * Deployment projects into /app/models.
 */
export function configFiles(objects: K8sObject[]): Record<string, string> {
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.data?.['config.yaml'] !== undefined);
  if (!configMap) throw new Error('no ConfigMap with config.yaml was rendered');
  const files: Record<string, string> = { 'config.yaml': configMap.data['config.yaml'] };
  const deployment = objects.find((o) => o.kind === 'Deployment');
  const projected = deployment?.spec.template.spec.volumes.find((v: { name: string }) => v.name === 'config-models')?.projected.sources ?? [];
  for (const { configMap: { name } } of projected) {
    const source = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!source) throw new Error(`the Deployment projects ConfigMap ${name}, which was not rendered`);
    for (const [key, text] of Object.entries(source.data as Record<string, string>)) files[`models/${key}`] = text;
  }
  return files;
}

/**
 * LiteLLM's config.yaml as the chart rendered it, its `include:` files resolved as LiteLLM 1.80.8
 * resolves them (ProxyConfig._process_includes: an included list extends the main one, any other
 * key replaces it; then include is dropped).
 */
export function liteLLMConfig(objects: K8sObject[]): any {
  const files = configFiles(objects);
  const config = parse(files['config.yaml']!);
  for (const path of config.include ?? []) {
    if (files[path] === undefined) throw new Error(`config.yaml includes ${path}, which no projected ConfigMap holds`);
    for (const [key, value] of Object.entries(parse(files[path]!) as Record<string, unknown>)) {
      if (Array.isArray(value) && key in config) config[key].push(...value);
      else config[key] = value;
    }
  }
  delete config.include;
  return config;
}

export function proxyContainer(objects: K8sObject[]): any {
  const deployment = objects.find((o) => o.kind === 'Deployment');
  const container = deployment?.spec.template.spec.containers.find((c: { name: string }) => c.name === 'litellm');
  if (!container) throw new Error('no litellm container was rendered');
  return container;
}
