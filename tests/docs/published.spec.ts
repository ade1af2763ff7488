// The chart as a user meets it: released to a local OCI registry (the real release CLI, CNCF
// distribution), then `helm show readme|values` and the quick start's install, run from the registry.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { repoBlocks } from '../../tools/docs/blocks.ts';
import { helmMajors, repoRoot, type HelmMajor } from '../../tools/helm.ts';
import { consumerOf, type Consumer } from '../release/support/consumer.ts';
import { copyRepo, type RepoCopy } from '../release/support/repo.ts';
import { startRegistry, type Registry } from '../release/support/registry.ts';

const readme = repoBlocks(repoRoot).filter((block) => block.file === 'charts/litellm-stack/README.md');
const published = 'oci://ghcr.io/litellm-stack/charts';
let registry: Registry;
let copy: RepoCopy;
let chart: string;
let consumer: Consumer;

async function helm(major: HelmMajor, args: string[]): Promise<string> {
  const result = await consumer.helm(major, args);
  if (result.code !== 0) throw new Error(`${major} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  registry = await startRegistry();
  copy = copyRepo();
  const result = await copy.release(['--registry', registry.url('charts'), '--plain-http'], { REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: registry.password });
  if (result.code !== 0) throw new Error(`release failed: ${result.stdout}\n${result.stderr}`);
  chart = `${registry.url('charts')}/litellm-stack`;
  consumer = await consumerOf(registry);
}, 600_000);

afterAll(async () => {
  consumer?.cleanup();
  await registry?.stop();
  copy?.cleanup();
});

describe.each(helmMajors)('the released chart (%s)', (major) => {
  it('helm show readme opens with the quick start and links nowhere relative', async () => {
    const text = await helm(major, ['show', 'readme', chart, '--version', '0.1.0', '--plain-http']);
    expect(text).toMatch(/^# litellm-stack chart\n[\s\S]*?\n## Quick start\n/);
    expect([...text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).filter((target) => !/^(https:\/\/|#)/.test(target!))).toEqual([]);
  });

  it('helm show values opens with the header for users', async () => {
    const text = await helm(major, ['show', 'values', chart, '--version', '0.1.0', '--plain-http']);
    expect(text.split('\n')[0]).toMatch(/^# litellm-stack: the LiteLLM proxy/);
  });
});

describe('the quick start from the registry (helm4: its --dry-run=client needs no cluster)', () => {
  it('installs with the quick start values, and the notes name the models and the Secret keys of step 1', async () => {
    const install = readme.find((block) => block.lang === 'sh' && block.body.includes(`helm install litellm ${published}`))!;
    const values = readme.find((block) => block.lang === 'yaml' && block.body.includes('database: {mode: none}'))!;
    writeFileSync(join(copy.dir, 'my-values.yaml'), values.body);
    const command = install.body.split('\n')[0]!.replace(published, registry.url('charts')).replace('my-values.yaml', join(copy.dir, 'my-values.yaml')).split(/\s+/).slice(1);
    const out = await helm('helm4', [...command, '--plain-http', '--dry-run=client']);
    const notes = out.slice(out.indexOf('NOTES:'));
    expect(notes).toContain('gpt-4o-mini');
    expect(notes).toContain('must hold the keys: LITELLM_MASTER_KEY, LITELLM_SALT_KEY, AZURE_US_EAST_API_KEY');
    const secretBlock = readme.find((block) => block.lang === 'sh' && block.body.includes('create secret generic'))!;
    for (const key of ['LITELLM_MASTER_KEY', 'LITELLM_SALT_KEY', 'AZURE_US_EAST_API_KEY']) expect(secretBlock.body).toContain(`--from-literal=${key}=`);
    const objects = parseAllDocuments(out.slice(0, out.indexOf('NOTES:')).replace(/^[\s\S]*?MANIFEST:\n/, '')).map((doc) => doc.toJS()).filter(Boolean);
    expect(objects.map((o: { metadata: { name: string } }) => o.metadata.name)).toContain('litellm-litellm-stack');
  });
});
