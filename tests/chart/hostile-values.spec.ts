// Injection is impossible by construction. Every string the two every-value scenarios set (found by
// walking values.schema.json over them, so a new field is covered without being listed here) gets
// hostile text appended. Under both Helm majors the render then either refuses, naming that field's
// values path, or renders objects of exactly the structure the original values give. Scenarios with
// fields the two profiles cannot set (every provider family's credential, the admin route) are walked
// for those fields.
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { parseObjects, render, tryRender } from '../support/chart.ts';
import { names, schemaStringPaths, setPath, shape, stringFields, valuesSchema, type StringField } from '../support/schema-walk.ts';
import { effectiveValues } from '../support/values.ts';

export const everyValueProfiles = ['ci/40-every-value-cnpg.yaml', 'ci/41-every-value-external.yaml'];
/**
 * Scenarios that set what the every-value profiles cannot, walked for those fields only (the rest they
 * share is hostile-tested above): ci/60 holds a credential of every provider family (Azure Entra ID and
 * workload identity, Bedrock keys and IRSA, Vertex key file and workload identity, self-hosted) where
 * the profiles hold the seed's Azure key credentials; ci/63 the admin route.
 */
const complementFiles = ['ci/60-providers.yaml', 'ci/63-admin-route.yaml'];
const everyValueReach = new Set(everyValueProfiles.flatMap((profile) => stringFields(valuesSchema, effectiveValues([profile])).map((field) => field.schemaPath)));
const profiles: { profile: string; files: string[]; only?: (field: StringField) => boolean }[] = [
  ...everyValueProfiles.map((profile) => ({ profile, files: [profile] })),
  { profile: complementFiles.join(' + '), files: complementFiles, only: (field: StringField) => !everyValueReach.has(field.schemaPath) },
];
const fieldsOf = (profile: (typeof profiles)[number], base: object) => stringFields(valuesSchema, base).filter(profile.only ?? (() => true));

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
  'litellm.configSections.*': 'an open map of LiteLLM\'s own sections, passed through by toYaml; its secrets are refused by path (bad-values 753, 754)',
};

const withSuffix = (base: object, fields: StringField[], suffix: string) => {
  const values = structuredClone(base);
  for (const field of fields) setPath(values, field.path, field.value + suffix);
  return values;
};

it('the profiles set every string field of the schema, except the ones listed with a reason', () => {
  const reached = new Set(profiles.flatMap((profile) => fieldsOf(profile, effectiveValues(profile.files)).map((field) => field.schemaPath)));
  const unreached = [...new Set(schemaStringPaths())].filter((path) => !reached.has(path));
  expect(unreached.sort()).toEqual(Object.keys(notReached).sort());
});

describe.each(helmMajors)('%s', (major) => {
  // Some hundred renders; slow on a loaded 2-core machine.
  it.each(profiles)('$profile: hostile text in any string is refused by its path, or changes no structure', { timeout: 900_000 }, async (profile) => {
    const base = effectiveValues(profile.files);
    const fields = fieldsOf(profile, base);
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
