// Injection is impossible by construction. Every string the two every-value scenarios set (found by
// walking values.schema.json over them, so a new field is covered without being listed here) gets
// hostile text appended. Under both Helm majors the render then either refuses, naming that field's
// values path, or renders objects of exactly the structure the original values give.
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { parseObjects, render, tryRender } from '../support/chart.ts';
import { names, schemaStringPaths, setPath, shape, stringFields, valuesSchema, type StringField } from '../support/schema-walk.ts';
import { effectiveValues } from '../support/values.ts';

export const everyValueProfiles = ['ci/40-every-value-cnpg.yaml', 'ci/41-every-value-external.yaml'];

/** Appended to a valid value, so that a pattern anchored only at the start lets them through. */
const hostile: Record<string, string> = {
  newline: '\nhostNetwork: true',
  'YAML mapping': ': x',
  quotes: `'"`,
  template: '{{ .Release.Name }}',
  comment: ' #x',
  'document separator': '\n---\nkind: Pod',
  'line separator U+2028': '\u2028x: y',
  'paragraph separator U+2029': '\u2029x',
  'next line U+0085': '\u0085x',
  'vertical tab': '\vx',
};

/** Schema paths no profile sets, and why that is fine. */
const notReached: Record<string, string> = {
  'global.*': 'the Helm convention for subcharts; this chart reads nothing from it',
  'networkPolicy.peers.cache.cidr': 'a cidr override contradicts the host name the other peers are checked by; peers.objectStore.cidr and peers.langfuse.cidr take the same path (hostRule)',
  'networkPolicy.peers.tracing.cidr': 'as peers.cache.cidr',
  'networkPolicy.peers.oidc.cidr': 'as peers.cache.cidr',
  'database.cnpg.import.source.host': 'ci/40 bootstraps by recovery, which excludes import (a Cluster bootstraps one way); ci/22 renders import',
  'database.cnpg.import.source.passwordSecret.name': 'the same: import is exclusive with ci/40\'s recovery; ci/22 renders it',
  'networkPolicy.peers.langfuse.namespace': 'Langfuse runs at a public host in both profiles; peers.tracing.namespace takes the same path',
  'networkPolicy.peers.langfuse.podLabels.*': 'as peers.langfuse.namespace',
  // Issue 14's family fields: the profiles hold the seed's Azure key credentials, whose family refuses them; ci/60-providers sets each (not yet hostile-tested).
  ...Object.fromEntries(
    ['awsRegionName', 'clientId', 'organization', 'tenantId', 'vertexLocation', 'vertexProject', 'secretKeys.awsAccessKeyId', 'secretKeys.awsSecretAccessKey', 'secretKeys.clientSecret', 'secretKeys.vertexCredentials']
      .map((field) => [`credentials.*.${field}`, 'a field of a provider family the every-value profiles have no credential of; anchored pattern; ci/60-providers sets it']),
  ),
  'models.*.info.healthCheckModel': 'only for wildcard deployments, which the profiles have none of; anchored token pattern; ci/60-providers sets it',
};

const withSuffix = (base: object, fields: StringField[], suffix: string) => {
  const values = structuredClone(base);
  for (const field of fields) setPath(values, field.path, field.value + suffix);
  return values;
};

it('the profiles set every string field of the schema, except the ones listed with a reason', () => {
  const reached = new Set(everyValueProfiles.flatMap((profile) => stringFields(valuesSchema, effectiveValues([profile])).map((field) => field.schemaPath)));
  const unreached = [...new Set(schemaStringPaths())].filter((path) => !reached.has(path));
  expect(unreached.sort()).toEqual(Object.keys(notReached).sort());
});

describe.each(helmMajors)('%s', (major) => {
  // Some hundred renders; slow on a loaded 2-core machine.
  it.each(everyValueProfiles)('%s: hostile text in any string is refused by its path, or changes no structure', { timeout: 900_000 }, async (profile) => {
    const base = effectiveValues([profile]);
    const fields = stringFields(valuesSchema, base);
    const baseline = JSON.stringify(shape(await render(major, { values: base, upgrade: true })));
    const failures: string[] = [];
    let refusals = 0;
    for (const [kind, suffix] of Object.entries(hostile)) {
      // All fields at once; the fields a refusal names leave the batch until the rest renders.
      let batch = fields;
      for (;;) {
        const result = await tryRender(major, { values: withSuffix(base, batch, suffix), upgrade: true });
        if (result.code === 0) {
          if (JSON.stringify(shape(parseObjects(result.stdout))) !== baseline) {
            // Find the fields that change the structure on their own, for the message.
            const culprits: string[] = [];
            for (const field of batch) {
              const single = await tryRender(major, { values: withSuffix(base, [field], suffix), upgrade: true });
              if (single.code === 0 && JSON.stringify(shape(parseObjects(single.stdout))) !== baseline) culprits.push(field.path.join('.'));
            }
            failures.push(`${kind}: changes the structure: ${culprits.join(', ') || '(only together)'}`);
          }
          break;
        }
        const named = batch.filter((field) => names(result.stderr, field.path));
        if (named.length === 0) {
          failures.push(`${kind}: refused without naming a hostile field: ${result.stderr.trim()}`);
          break;
        }
        refusals += named.length;
        batch = batch.filter((field) => !named.includes(field));
      }
    }
    expect(failures).toEqual([]);
    // Most fields have patterns that refuse these: the walk did reach them.
    expect(refusals).toBeGreaterThan(fields.length);
  });
});
