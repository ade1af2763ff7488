// No secret outside a Secret: a marker planted in every secret-bearing value (the chart-created
// Secret's values, master and salt key) and the passwords the chart generates (Dragonfly) appear in
// Secret objects only; the proxy gets each of them through a secretKeyRef, never as a plain value.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { venvBin } from '../../tools/python-env.ts';
import { render, tryRender, type K8sObject } from '../support/chart.ts';
import { effectiveValues } from '../support/values.ts';

const marker = 'leak-marker';

function planted(): any {
  const values = effectiveValues(['ci/41-every-value-external.yaml']);
  for (const key of Object.keys(values.secrets.values)) values.secrets.values[key] = `${marker}-${key.toLowerCase()}`;
  values.secrets.masterKey = `sk-${marker}-master-0123456789abcdefghijk`;
  values.secrets.saltKey = `${marker}-salt-0123456789abcdefghijklmnop`;
  return values;
}

const outsideSecrets = (objects: K8sObject[]) => objects.filter((o) => o.kind !== 'Secret').map((o) => JSON.stringify(o));
const secretValues = (objects: K8sObject[]) =>
  objects.filter((o) => o.kind === 'Secret').flatMap((o) => Object.values<string>(o.data ?? {}).map((v) => Buffer.from(v, 'base64').toString()));

/** The key parts LiteLLM 1.80.8 itself treats as sensitive (SensitiveDataMasker), read from its source. */
const liteLLMSensitiveParts: string[] = JSON.parse(
  execFileSync(venvBin('python'), [
    '-c',
    'import json; from litellm.litellm_core_utils.sensitive_data_masker import SensitiveDataMasker as M; print(json.dumps(sorted(M().sensitive_patterns)))',
  ], { env: { ...process.env, LITELLM_LOCAL_MODEL_COST_MAP: 'True' } }).toString(),
);

describe.each(helmMajors)('%s', (major) => {
  it('refuses a literal string under every key part LiteLLM masks, in an open map of config.yaml', async () => {
    expect(liteLLMSensitiveParts.length).toBeGreaterThan(5);
    for (const part of liteLLMSensitiveParts) {
      // A guardrail's provider settings stay open (the other maps admit only LiteLLM's own keys).
      const guardrail = { guardrail_name: 'probe', litellm_params: { guardrail: 'presidio', mode: 'pre_call', [`probe_${part}`]: 'literal' } };
      const result = await tryRender(major, { values: { litellm: { guardrails: [guardrail] } } });
      expect(result.code, part).not.toBe(0);
      expect(result.stderr, part).toContain(`litellm.guardrails.0.litellm_params.probe_${part}: a secret here would be written in plain text`);
    }
  });

  it('a marker in every secret value lands in the Secret only, and reaches the proxy by secretKeyRef', async () => {
    const values = planted();
    const objects = await render(major, { values, upgrade: true });
    const stored = secretValues(objects).filter((v) => v.includes(marker));
    // Every planted value is stored, once.
    expect(stored.length).toBe(Object.keys(values.secrets.values).length + 2);
    for (const text of outsideSecrets(objects)) expect(text).not.toContain(marker);
    const env = objects.find((o) => o.kind === 'Deployment')!.spec.template.spec.containers[0].env as { name: string; value?: string; valueFrom?: any }[];
    for (const key of Object.keys(values.secrets.values)) {
      const variable = env.find((e) => e.name === key);
      if (variable) expect(variable.valueFrom?.secretKeyRef?.key, key).toBe(key);
    }
  });

  it('the Dragonfly passwords the chart generates appear in its Secret only', async () => {
    const objects = await render(major, { files: ['ci/40-every-value-cnpg.yaml'], upgrade: true });
    const dragonfly = objects.find((o) => o.kind === 'Secret' && o.data?.acl)!;
    const passwords = ['password', 'admin-password'].map((key) => Buffer.from(dragonfly.data[key], 'base64').toString());
    expect(passwords.every((p) => p.length >= 32)).toBe(true);
    for (const text of outsideSecrets(objects)) for (const password of passwords) expect(text).not.toContain(password);
  });
});
