// Example output shown in the docs, produced by really running what the docs say, in a throwaway
// copy of the repository. `npm run docs:outputs` writes it into every block marked
// `<!-- output: id -->`; the docs test (tests/docs/docs.spec.ts) fails when a block differs.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { cacheAclRule } from '../../packages/catalog/src/values/areas/cache.ts';
import { copyRepo } from '../../tests/release/support/repo.ts';
import { repoBlocks, replaceBody, type FencedBlock } from './blocks.ts';
import { helm } from '../helm.ts';

const run = promisify(execFile);

/** The README's add-model example, and a refused one. */
export const addModelArgs = ['--model', 'azure/gpt-5.3', '--credential', 'azure_credential_us_east2', '--rpm', '250', '--tpm', '250000', '--supports-reasoning'];
export const refusedModelArgs = ['--model', 'azure/gpt-realtime-2', '--credential', 'azure_credential_us_east2', '--no-disable-background-health-check'];

// Nx's banner and colours vary with the terminal; the generator's own lines are the output.
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((line) => !/^\s*NX\s+Generating /.test(line)).join('\n').trim() + '\n';

async function nx(dir: string, generator: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['nx', 'g', `@litellm-stack/nx-plugin:${generator}`, ...args], {
      cwd: dir, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0', CI: 'true' }, maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: plain(stdout + stderr) };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: plain(failed.stdout + failed.stderr) };
  }
}

/** Every output, by id. */
export async function generateOutputs(): Promise<Record<string, string>> {
  const copy = copyRepo();
  try {
    const added = await nx(copy.dir, 'model', addModelArgs);
    if (added.code !== 0) throw new Error(`nx g model failed: ${added.output}`);
    const diff = copy.git('diff', '--', 'charts/litellm-stack/values.yaml');
    const manifest = await helm('helm4', [
      'template', 'litellm', join(copy.dir, 'charts/litellm-stack'),
      '--set', 'credentials.azure_credential_us_east2.enabled=true',
      '--set', 'credentials.azure_credential_us_east2.resourceName=contoso-eastus2',
      '--set', 'secrets.existingSecret=litellm-secrets',
      '--show-only', 'templates/proxy-configmap.yaml',
    ]);
    const config = parse(parse(manifest).data['config.yaml']);
    const entry = config.model_list.find((model: { model_info: { id: string } }) => model.model_info.id === 'gpt-5-3');
    const cacheConfig = parse(parse(await helm('helm4', [
      'template', 'litellm', join(copy.dir, 'charts/litellm-stack'), '--show-only', 'templates/proxy-configmap.yaml',
      '--set', 'secrets.existingSecret=litellm-secrets', '--set', 'cache.enabled=true', '--set', 'cache.host=dragonfly.cache.svc.cluster.local',
      '--set', 'cache.ttl=3600',
    ])).data['config.yaml']).litellm_settings;
    const refused = await nx(copy.dir, 'model', refusedModelArgs);
    if (refused.code === 0) throw new Error('nx g model accepted the realtime model with a health check');
    return {
      'nx-add-model': added.output,
      'nx-add-model-values-diff': diff.slice(diff.indexOf('--- a/')),
      'nx-add-model-config': stringify({ model_list: [entry] }),
      'nx-refused-model': `$ npx nx g @litellm-stack/nx-plugin:model ${refusedModelArgs.join(' ')}\n${refused.output}`,
      'cache-config': stringify({ litellm_settings: { cache: cacheConfig.cache, cache_params: cacheConfig.cache_params } }),
      'cache-acl-rule': `user litellm on >PASSWORD ${cacheAclRule('litellm')}\n`,
      // What tools/conformance/redis.ts gives the test Redis: the default user off, then the rule.
      'redis-acl-file': `user default off\nuser litellm on >PASSWORD ${cacheAclRule('litellm')}\n`,
    };
  } finally {
    copy.cleanup();
  }
}

/** Writes the outputs into the marked blocks; returns the files it changed. */
export function writeOutputs(root: string, outputs: Record<string, string>): string[] {
  const changed: string[] = [];
  const byFile = new Map<string, FencedBlock[]>();
  for (const block of repoBlocks(root).filter((b) => b.marker?.kind === 'output')) byFile.set(block.file, [...(byFile.get(block.file) ?? []), block]);
  for (const [file, blocks] of byFile) {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    let text = before;
    // Last block first, so the earlier blocks' offsets stay valid.
    for (const block of blocks.reverse()) {
      const id = (block.marker as { id: string }).id;
      if (outputs[id] === undefined) throw new Error(`${file}:${block.line}: no output generator named ${id}`);
      text = replaceBody(text, block, outputs[id]!);
    }
    if (text !== before) {
      writeFileSync(path, text);
      changed.push(file);
    }
  }
  return changed;
}
