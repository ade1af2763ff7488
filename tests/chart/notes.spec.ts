// The install notes: served public names, skipped models by id, the Secret's keys, UI and next steps.
// Helm 4 only: `helm install --dry-run=client` renders NOTES without a cluster there (Helm 3.17's
// contacts the API server). The expectations come from the rendered objects, not from the notes' code.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartDir, helm } from '../../tools/helm.ts';
import { liteLLMConfig, proxyContainer, render, valuesFile } from '../support/chart.ts';

const oneRegion = { secrets: { existingSecret: 'litellm-secrets' }, credentials: { azure_credential_us_east: { enabled: true, resourceName: 'contoso-eastus' } } };

async function notes(values: object): Promise<string> {
  const out = await helm('helm4', ['install', 'rel', chartDir, '--dry-run=client', '--namespace', 'ai', '-f', valuesFile(values)]);
  return out.slice(out.indexOf('NOTES:'));
}

describe('NOTES (helm4)', () => {
  it('lists the public names served, the skipped models by id under their credential, and the Secret keys the proxy reads', async () => {
    const values = { ...oneRegion, cache: { enabled: true, host: 'redis.cache.svc' }, models: { 'gpt-5-3': { modelName: 'gpt-5.3', model: 'azure/gpt-5.3', credential: 'azure_credential_us_east2', info: { mode: 'chat' } } } };
    const [text, objects] = await Promise.all([notes(values), render('helm4', { values })]);
    const served = [...new Set(liteLLMConfig(objects).model_list.map((m: { model_name: string }) => m.model_name))].sort();
    expect(text).toContain(`under ${served.length} public name(s): ${served.join(', ')}.`);

    // Skipped: every enabled model of values.yaml (plus the added one) whose credential is not enabled.
    const defaults = parse((await helm('helm4', ['show', 'values', chartDir])));
    const models = { ...defaults.models, ...values.models } as Record<string, { credential: string; enabled?: boolean }>;
    const skipped = Object.entries(models).filter(([, m]) => m.enabled !== false && m.credential !== 'azure_credential_us_east');
    expect(text).toContain('WARNING: these enabled models are NOT served');
    for (const [id, model] of skipped) expect(text).toMatch(new RegExp(`credentials\\.${model.credential}: .*\\b${id}\\b`));
    expect(text).toMatch(/credentials\.azure_credential_us_east2: .*gpt-5-3/);

    const keys = proxyContainer(objects).env.filter((e: any) => e.valueFrom?.secretKeyRef?.name === 'litellm-secrets').map((e: any) => e.valueFrom.secretKeyRef.key);
    expect(keys).toContain('REDIS_PASSWORD');
    const listed = /must hold the keys: (.+)/.exec(text)![1]!.split(', ');
    expect([...listed].sort()).toEqual([...new Set(keys)].sort());
    expect(text).toContain('Changing a key there does not restart the pods');
  });

  it('no warning when every enabled model is served; the UI URL follows the route; next steps name the operator', async () => {
    const allOff = Object.fromEntries(Object.entries(parse(await helm('helm4', ['show', 'values', chartDir])).models as Record<string, { credential: string }>)
      .filter(([, m]) => m.credential !== 'azure_credential_us_east').map(([id]) => [id, { enabled: false }]));
    const text = await notes({ ...oneRegion, models: allOff, route: { enabled: true, parentRefs: [{ name: 'public', namespace: 'gateway' }], hostnames: ['llm.example.com'] } });
    expect(text).not.toContain('WARNING');
    expect(text).toContain('Admin UI: https://llm.example.com/ui, username "admin", password the master key.');
    expect(text).toContain('kubectl get crd clusters.postgresql.cnpg.io');
    expect(text).toContain('kept on helm uninstall');
  });

  it('database.mode none: the UI login needs a database, and nothing about the operator', async () => {
    const text = await notes({ ...oneRegion, database: { mode: 'none' } });
    expect(text).toContain('the UI login needs a database');
    expect(text).not.toContain('cnpg');
  });

  it('points to `helm test` while the test pods are rendered (helmTests.enabled), not otherwise', async () => {
    expect(await notes(oneRegion)).toContain('helm test rel -n ai');
    expect(await notes({ ...oneRegion, helmTests: { enabled: false } })).not.toContain('helm test');
  });

  it('names the PriorityClass and the migration ServiceAccount the values point at, which the chart does not create (the cluster suite found both refused)', async () => {
    const values = { ...oneRegion, priorityClassName: 'llm-critical', database: { migrations: { serviceAccountName: 'db-migrator' } } };
    const [text, objects] = await Promise.all([notes(values), render('helm4', { values, upgrade: true })]);
    // The names the rendered pods reference, and that no rendered object creates them.
    const deployment = objects.find((o) => o.kind === 'Deployment')!;
    const job = objects.find((o) => o.kind === 'Job' && o.metadata.annotations?.['helm.sh/hook'] === 'pre-upgrade')!;
    expect(deployment.spec.template.spec.priorityClassName).toBe('llm-critical');
    expect(job.spec.template.spec.serviceAccountName).toBe('db-migrator');
    expect(objects.filter((o) => ['PriorityClass', 'ServiceAccount'].includes(o.kind)).map((o) => o.metadata.name)).not.toContain('llm-critical');
    expect(objects.filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata.name)).not.toContain('db-migrator');
    expect(text).toContain('PriorityClass llm-critical (priorityClassName), which the chart does not create');
    expect(text).toContain('kubectl get priorityclass llm-critical');
    expect(text).toContain('ServiceAccount db-migrator (database.migrations.serviceAccountName)');
    expect(text).toContain('kubectl -n ai get serviceaccount db-migrator');

    // Neither line without the values, nor the ServiceAccount's without a migration Job.
    const plain = await notes(oneRegion);
    expect(plain).not.toMatch(/PriorityClass|serviceAccountName/);
    const noDatabase = await notes({ ...values, database: { mode: 'none', migrations: { serviceAccountName: 'db-migrator' } } });
    expect(noDatabase).toContain('PriorityClass llm-critical');
    expect(noDatabase).not.toContain('db-migrator');
  });
});
