// Validates rendered objects against their schemas: core kinds with kubernetes-validate --strict
// (unknown fields fail; its library, kept running in one Python process per test worker), custom
// resources with ajv against the JSON schemas tools/cluster/crds.ts derives from the pinned upstream
// CRDs (tools/cluster/crds.json).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
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

let kubernetesValidate: { process: ChildProcessWithoutNullStreams; answers: ((problems: string[]) => void)[] } | undefined;

/**
 * kubernetes-validate's ERROR/FATAL lines for the objects, from the worker's Python process (answers
 * come in request order). The process holds the event loop only while a request is open.
 */
function validateBuiltin(objects: K8sObject[]): Promise<string[]> {
  if (!kubernetesValidate) {
    const child = spawn(venvBin('python'), [fileURLToPath(new URL('kubernetes_validate_worker.py', import.meta.url))], { stdio: ['pipe', 'pipe', 'pipe'] });
    const started = { process: child, answers: [] as ((problems: string[]) => void)[] };
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (line) => {
      started.answers.shift()?.(JSON.parse(line) as string[]);
      if (started.answers.length === 0) idle(child);
    });
    child.on('exit', (code) => {
      kubernetesValidate = undefined;
      for (const answer of started.answers.splice(0)) answer([`FATAL kubernetes-validate exited with ${code}: ${stderr.trim()}`]);
    });
    process.once('exit', () => child.kill());
    kubernetesValidate = started;
  }
  const worker = kubernetesValidate;
  busy(worker.process);
  return new Promise((resolve) => {
    worker.answers.push(resolve);
    worker.process.stdin.write(`${JSON.stringify({ version: kubernetesVersion, objects })}\n`);
  });
}
const streams = (child: ChildProcessWithoutNullStreams) => [child, child.stdin, child.stdout, child.stderr] as unknown as { ref(): void; unref(): void }[];
const busy = (child: ChildProcessWithoutNullStreams) => streams(child).forEach((stream) => stream.ref());
const idle = (child: ChildProcessWithoutNullStreams) => streams(child).forEach((stream) => stream.unref());

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
    const problems = await validateBuiltin(builtin);
    const fatal = problems.filter((line) => line.startsWith('FATAL'));
    if (fatal.length > 0) throw new Error(fatal.join('\n'));
    errors.push(...problems);
  }
  return errors;
}
