// npm run import: the corpus (tests/fixtures/import: configs covering every provider family with
// credential_list, wildcards, settings, cache, callbacks, unmodelled sections (litellm.configSections)
// and environment_variables; official-chart values with masterkey and env; the seed's
// own model_list with its credential_list) imported, rendered under Helm 3 and Helm 4, and compared
// with the input deployment by deployment and setting by setting (tests/support/round-trip.ts); the
// bad-input corpus through the real command.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importConfig } from '../../packages/catalog/src/index.ts';
import { sensitiveKeyRule } from '../../packages/catalog/src/import/index.ts';
import { helmMajors, repoRoot } from '../../tools/helm.ts';
import { importedFiles } from '../../tools/import.ts';
import { writeFilesAtomically } from '../../tools/write-atomic.ts';
import { liteLLMConfig, proxyContainer, render, single } from '../support/chart.ts';
import { roundTripDifferences } from '../support/round-trip.ts';

const fixtures = join(repoRoot, 'tests', 'fixtures');
const scratch = mkdtempSync(join(tmpdir(), 'litellm-stack-import-'));
const seed = join(scratch, 'seed-config.yaml');
writeFileSync(seed, readFileSync(join(fixtures, 'seed', 'model-list-c999e057.yaml'), 'utf8') + readFileSync(join(fixtures, 'import', 'seed-credentials.yaml'), 'utf8'));
const corpus = [...readdirSync(join(fixtures, 'import')).filter((f) => /^\d\d-.*\.yaml$/.test(f)).map((f) => join(fixtures, 'import', f)), seed];

describe.each(corpus.map((file) => [file.replace(`${fixtures}/`, '').replace(`${scratch}/`, ''), file]))('import %s', (_, file) => {
  const text = readFileSync(file, 'utf8');
  const result = importConfig(text);
  const out = mkdtempSync(join(scratch, 'out-'));
  writeFilesAtomically(out, importedFiles(result, file));

  it('writes no literal secret into values.yaml; secret.yaml holds every one', () => {
    const values = readFileSync(join(out, 'values.yaml'), 'utf8');
    for (const secret of Object.values(result.secrets)) expect(values).not.toContain(secret);
    if (Object.keys(result.secrets).length) expect(parse(readFileSync(join(out, 'secret.yaml'), 'utf8')).stringData).toEqual(result.secrets);
    else expect(existsSync(join(out, 'secret.yaml'))).toBe(false);
  });

  it.each(helmMajors)('renders as it is under %s, and config.yaml matches the input but for the reported normalisations', async (major) => {
    const objects = await render(major, { files: [join(out, 'values.yaml')] });
    const input = parse(text);
    expect(roundTripDifferences(input, liteLLMConfig(objects), result)).toEqual([]);
    // environment_variables: env vars of the proxy, from the Secret holding their values.
    const env = proxyContainer(objects).env;
    for (const [name, value] of Object.entries((input.proxy_config ?? input).environment_variables ?? {})) {
      expect(env.find((variable: any) => variable.name === name)?.valueFrom?.secretKeyRef).toEqual({ name: 'litellm-secrets', key: name });
      expect(result.secrets[name]).toBe(String(value));
    }
    // The official chart's master key and env: the Secret holds the key under the name the proxy reads;
    // its envVars come from the Secret, its environmentSecrets as envFrom.
    if (input.masterkey) {
      expect(result.secrets.LITELLM_MASTER_KEY).toBe(input.masterkey);
      expect(env.find((variable: any) => variable.name === 'LITELLM_MASTER_KEY')?.valueFrom?.secretKeyRef).toEqual({ name: 'litellm-secrets', key: 'LITELLM_MASTER_KEY' });
    }
    for (const [name, value] of Object.entries(input.envVars ?? {})) {
      // LITELLM_LOG is the chart's own (litellm.logLevel).
      if (name === 'LITELLM_LOG') {
        expect(env.find((variable: any) => variable.name === name)?.value).toBe(value);
        continue;
      }
      expect(env.find((variable: any) => variable.name === name)?.valueFrom?.secretKeyRef).toEqual({ name: 'litellm-secrets', key: name });
      expect(result.secrets[name]).toBe(String(value));
    }
    for (const name of input.environmentSecrets ?? []) expect(proxyContainer(objects).envFrom).toContainEqual({ secretRef: { name } });
    // No literal secret reached a ConfigMap.
    for (const configMap of objects.filter((o) => o.kind === 'ConfigMap')) for (const secret of Object.values(result.secrets)) expect(JSON.stringify(configMap)).not.toContain(secret);
    expect(single(objects, 'Deployment')).toBeTruthy();
  });
});

describe('import: bad input', () => {
  const bad = join(fixtures, 'import', 'bad');
  it.each(readdirSync(bad).filter((f) => f.endsWith('.yaml')).sort())('%s: one line naming the input path, exit 1, nothing written', (file) => {
    const out = join(scratch, `bad-${file}`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'tools', 'import.ts'), join(bad, file), '-o', out], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const expected = /^# expect: (.+)$/m.exec(readFileSync(join(bad, file), 'utf8'))![1]!;
    expect(lines[0]).toContain(expected);
    expect(existsSync(out)).toBe(false);
  });
});

describe('import: the chart\'s secret rule', () => {
  it('the importer moves into the Secret exactly what the chart refuses in config.yaml (its lists are _secrets.tpl\'s)', () => {
    const template = readFileSync(join(repoRoot, 'charts', 'litellm-stack', 'templates', '_secrets.tpl'), 'utf8');
    const list = (name: string) => new RegExp(`define "litellm-stack\\.secrets\\.${name}" -}}\\n(.*)\\n`).exec(template)![1]!.trim().split(' ');
    expect(list('sensitiveParts')).toEqual(sensitiveKeyRule.parts);
    expect(list('sensitiveKeys')).toEqual(sensitiveKeyRule.keys);
    expect(list('notSensitive')).toEqual(sensitiveKeyRule.exempt);
  });
});

describe('import: the round-trip comparison', () => {
  it('notices a changed parameter, a lost setting and a missing deployment', async () => {
    const file = join(fixtures, 'import', '01-openai-azure-anthropic.yaml');
    const text = readFileSync(file, 'utf8');
    const result = importConfig(text);
    const out = mkdtempSync(join(scratch, 'out-'));
    writeFilesAtomically(out, importedFiles(result, file));
    const rendered = liteLLMConfig(await render(helmMajors[1]!, { files: [join(out, 'values.yaml')] }));
    rendered.model_list.find((m: any) => m.model_name === 'gpt-4o').litellm_params.rpm = 99;
    delete rendered.litellm_settings.drop_params;
    rendered.model_list = rendered.model_list.filter((m: any) => m.model_name !== 'claude');
    expect(roundTripDifferences(parse(text), rendered, result).map((d) => d.path).sort()).toEqual(['litellm_settings.drop_params', 'model_list[0].litellm_params.rpm', 'model_list[2]']);
  });

  it('notices a changed cache parameter, a changed passthrough section and a secret read from another key', async () => {
    const file = join(fixtures, 'import', '04-settings-and-more-families.yaml');
    const text = readFileSync(file, 'utf8');
    const result = importConfig(text);
    const out = mkdtempSync(join(scratch, 'out-'));
    writeFilesAtomically(out, importedFiles(result, file));
    const rendered = liteLLMConfig(await render(helmMajors[1]!, { files: [join(out, 'values.yaml')] }));
    rendered.litellm_settings.cache_params.ttl = 60;
    rendered.mcp_servers.github.transport = 'sse';
    rendered.callback_settings.otel.message_logging = true;
    rendered.mcp_servers.github.auth_value = 'os.environ/REDIS_PASSWORD';
    expect(roundTripDifferences(parse(text), rendered, result).map((d) => d.path).sort()).toEqual(['callback_settings', 'litellm_settings.cache_params.ttl', 'mcp_servers']);
  });
});
