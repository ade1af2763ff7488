// The chart tests' schema check (tests/support/validate.ts) keeps kubernetes-validate's library running
// in one Python process per worker: it must refuse exactly what kubernetes-validate's own CLI refuses,
// and concurrent checks must each get their own answer.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { venvBin } from '../../tools/python-env.ts';
import type { K8sObject } from '../support/chart.ts';
import { kubernetesVersion, schemaErrors } from '../support/validate.ts';

const configMap = (name: string, extra: Record<string, unknown> = {}): K8sObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: 'b' }, ...extra }) as K8sObject;
const objects: K8sObject[] = [
  configMap('valid'),
  configMap('unknown-field', { bogus: true }),
  configMap('wrong-type', { data: { a: 1 } }),
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'no-selector' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }] } } } } as K8sObject,
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'bad-port' }, spec: { ports: [{ port: 'eighty' }] } } as K8sObject,
];

const dir = mkdtempSync(join(tmpdir(), 'schema-validation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's ERROR lines for one object, as the tests ran it before the worker existed. */
async function cliErrors(object: K8sObject): Promise<string[]> {
  writeFileSync(join(dir, 'objects.yaml'), JSON.stringify(object));
  try {
    await promisify(execFile)(venvBin('kubernetes-validate'), ['--strict', '--quiet', '-k', kubernetesVersion, 'objects.yaml'], { cwd: dir });
    return [];
  } catch (error) {
    return String((error as { stdout: string }).stdout).split('\n').filter((line) => line.startsWith('ERROR'));
  }
}

it('refuses exactly what the kubernetes-validate CLI refuses, with its messages', async () => {
  let refused = 0;
  for (const object of objects) {
    const expected = await cliErrors(object);
    expect(await schemaErrors([object]), object.metadata.name).toEqual(expected);
    if (expected.length > 0) refused++;
  }
  expect(refused).toBe(objects.length - 1);
});

it('answers concurrent checks each with its own errors', async () => {
  const answers = await Promise.all(objects.flatMap((object) => [schemaErrors([object]), schemaErrors([object])]));
  const single = await Promise.all(objects.map((object) => schemaErrors([object])));
  expect(answers).toEqual(single.flatMap((errors) => [errors, errors]));
});
