// Validates rendered objects against their schemas: core kinds with kubernetes-validate --strict
// (unknown fields fail), custom resources with ajv against the JSON schemas tools/cluster/crds.ts
// derives from the pinned upstream CRDs (tools/cluster/crds.json).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { stringify } from 'yaml';
import { ensureCrds } from '../../tools/cluster/crds.ts';
import { venvBin } from '../../tools/python-env.ts';
import type { K8sObject } from './chart.ts';

export const kubernetesVersion = '1.32.0';
export const crdSchemaDir = process.env.CRD_SCHEMA_DIR ?? ensureCrds().schemaDir;

const builtinGroups = new Set(['', 'apps', 'batch', 'policy', 'autoscaling', 'networking.k8s.io', 'rbac.authorization.k8s.io']);
const isBuiltin = (apiVersion: string) => builtinGroups.has(apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  // Go RE2 patterns that JavaScript's RegExp rejects: Cilium's `^\\PC*$` and prometheus-operator's `^(?i)(abort|warn)?$`.
  code: {
    regExp: ((pattern: string, flags: string) => {
      // ajv may already pass the `u` flag; a repeated flag is a SyntaxError.
      if (pattern === '^\\PC*$') return new RegExp('^\\P{C}*$', flags.includes('u') ? flags : `${flags}u`);
      if (pattern === '^(?i)(abort|warn)?$') return new RegExp('^(abort|warn)?$', `${flags}i`);
      return new RegExp(pattern, flags);
    }) as never,
  },
});
addFormats.default(ajv);
ajv.addFormat('cidr', true);
ajv.addFormat('idn-hostname', true);
ajv.addFormat('int32', true);
ajv.addFormat('int64', true);
ajv.addFormat('byte', true);
const crdValidators = new Map<string, ValidateFunction>();

function crdValidator(object: K8sObject): ValidateFunction {
  const [group, version] = object.apiVersion.split('/');
  const path = join(crdSchemaDir, group!, `${object.kind.toLowerCase()}_${version}.json`);
  let validate = crdValidators.get(path);
  if (!validate) {
    if (!existsSync(path)) throw new Error(`no schema for ${object.apiVersion} ${object.kind} at ${path}`);
    validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
    crdValidators.set(path, validate);
  }
  return validate;
}

/** Every schema error of the objects, as `Kind/name: message`; empty when all are valid. */
export async function schemaErrors(objects: K8sObject[]): Promise<string[]> {
  const errors: string[] = [];
  const builtin = objects.filter((o) => isBuiltin(o.apiVersion));
  for (const object of objects.filter((o) => !isBuiltin(o.apiVersion))) {
    const validate = crdValidator(object);
    const valid = validate(structuredClone(object) as unknown);
    if (!valid) {
      for (const e of validate.errors!) errors.push(`${object.kind}/${object.metadata.name}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    }
  }
  if (builtin.length > 0) {
    const file = join(mkdtempSync(join(tmpdir(), 'litellm-stack-validate-')), 'objects.yaml');
    writeFileSync(file, builtin.map((o) => stringify(o)).join('---\n'));
    try {
      await promisify(execFile)(venvBin('kubernetes-validate'), ['--strict', '--quiet', '-k', kubernetesVersion, file]);
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      errors.push(...`${stdout}\n${stderr}`.split('\n').filter((line) => line.startsWith('ERROR')));
      if (errors.length === 0) throw error;
    }
  }
  return errors;
}
