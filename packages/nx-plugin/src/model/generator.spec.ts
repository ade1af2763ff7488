import { generateFiles, generatedPaths, seedCatalog, supportFlags, type ModelDeployment } from '@litellm-stack/catalog';
import type { Tree } from '@nx/devkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { changedFiles, freshCatalogTree, treeFiles } from '../../test/support/catalog-tree.ts';
import { treeReader } from '../lib/apply.ts';
import { credentialsPath, modelsIndexPath, modelsPath, readCatalog } from '../lib/catalog-source.ts';
import modelGenerator from './generator.ts';
import type { ModelGeneratorSchema } from './schema.d.ts';

const us2 = 'azure_credential_us_east2';
const base = { model: 'azure/gpt-5.3', credential: us2 } satisfies ModelGeneratorSchema;

let tree: Tree;
let logged: string[];
beforeEach(() => ({ tree, logged } = freshCatalogTree()));
afterEach(() => vi.restoreAllMocks());

/** Runs the generator and returns the entry the catalog source now holds for `id`. */
async function add(options: ModelGeneratorSchema, id: string): Promise<ModelDeployment> {
  await modelGenerator(tree, options);
  const entry = readCatalog(treeReader(tree)).catalog.models.find((model) => model.id === id);
  if (!entry) throw new Error(`the catalog source has no model ${id} after the generator ran`);
  return entry;
}

describe('model generator: the change it makes', () => {
  it('appends the entry to its credential\'s file, keeps every other line, and regenerates values.yaml', async () => {
    const path = modelsPath(us2);
    const before = treeFiles(tree);
    await modelGenerator(tree, { ...base, rpm: 250 });
    const after = treeFiles(tree);

    expect(changedFiles(before, after)).toEqual([generatedPaths.values, path]);
    const original = before.get(path)!;
    const edited = after.get(path)!;
    const closing = original.lastIndexOf('];');
    expect(edited.slice(0, closing)).toBe(original.slice(0, closing));
    expect(edited.slice(closing)).toBe(
      [
        '  {',
        "    id: 'gpt-5-3',",
        "    modelName: 'gpt-5.3',",
        "    model: 'azure/gpt-5.3',",
        `    credential: '${us2}',`,
        '    rpm: 250,',
        "    info: { mode: 'chat' },",
        '  },',
        '];',
        '',
      ].join('\n'),
    );

    // The edited source reads back as the seed catalog plus exactly the new entry.
    const catalog = readCatalog(treeReader(tree)).catalog;
    expect(catalog.credentials).toEqual(seedCatalog.credentials);
    expect(catalog.models.filter((model) => model.id !== 'gpt-5-3')).toEqual(seedCatalog.models);
    expect(catalog.models.find((model) => model.id === 'gpt-5-3')).toEqual({ id: 'gpt-5-3', modelName: 'gpt-5.3', model: 'azure/gpt-5.3', credential: us2, rpm: 250, info: { mode: 'chat' } });
    for (const file of await generateFiles(catalog)) expect(tree.read(file.path, 'utf-8')).toBe(file.content);
    const values = parse(tree.read(generatedPaths.values, 'utf-8')!);
    expect(values.models['gpt-5-3']).toEqual({ enabled: true, modelName: 'gpt-5.3', model: 'azure/gpt-5.3', credential: us2, rpm: 250, info: { mode: 'chat' } });
  });

  it('creates the models file, and its import and spread, for a credential that has none yet', async () => {
    const sweden = 'azure_credential_sweden';
    const credentials = tree.read(credentialsPath, 'utf-8')!;
    tree.write(
      credentialsPath,
      credentials.replace(/\n\];\n$/, `\n  { id: '${sweden}', provider: 'azure', description: 'x', apiVersion: 'v1', secretKeys: { apiKey: 'SWEDEN_KEY' } },\n];\n`),
    );
    await modelGenerator(tree, { model: 'azure/gpt-5.3', credential: sweden });
    expect(readCatalog(treeReader(tree)).modelPlace.get('gpt-5-3')).toEqual({ path: modelsPath(sweden), array: 'models' });
    expect(tree.read(modelsIndexPath, 'utf-8')).toContain(`import { models as azureCredentialSweden } from './${sweden}.ts';`);
    expect(tree.read(modelsIndexPath, 'utf-8')).toContain('  ...azureCredentialSweden,\n];');
  });

  it('prints the change as a diff of the catalog source', async () => {
    await modelGenerator(tree, base);
    const diff = logged.find((line) => line.startsWith(`--- a/${modelsPath(us2)}`));
    expect(diff).toBeDefined();
    expect(diff).toContain("+    id: 'gpt-5-3',");
    expect(diff).toContain('+  },\n ];');
  });
});

describe('model generator: each option', () => {
  it('takes the id, model name and description as given', async () => {
    const entry = await add({ ...base, id: 'gpt-five-three', modelName: 'gpt-5.3-preview', description: "Azure's newest." }, 'gpt-five-three');
    expect(entry).toMatchObject({ id: 'gpt-five-three', modelName: 'gpt-5.3-preview', description: "Azure's newest." });
  });

  it('takes the mode as given', async () => {
    expect((await add({ ...base, mode: 'responses' }, 'gpt-5-3')).info.mode).toBe('responses');
  });

  it('takes limits and timeouts as given', async () => {
    const entry = await add({ ...base, rpm: 250, tpm: 250_000, timeout: 1.5, streamTimeout: 30 }, 'gpt-5-3');
    expect(entry).toMatchObject({ rpm: 250, tpm: 250_000, timeout: 1.5, streamTimeout: 30 });
  });

  it('splits comma-separated access groups', async () => {
    expect((await add({ ...base, accessGroups: 'team-a, team-b' }, 'gpt-5-3')).info.accessGroups).toEqual(['team-a', 'team-b']);
  });

  it('takes the base model as given', async () => {
    expect((await add({ ...base, baseModel: 'azure/global/gpt-5.1' }, 'gpt-5-3')).info.baseModel).toBe('azure/global/gpt-5.1');
  });

  it('takes a base model LiteLLM cannot price only with --unpriced-base-model', async () => {
    const entry = await add({ ...base, baseModel: 'azure/global/gpt-5.3', unpricedBaseModel: true }, 'gpt-5-3');
    expect(entry.info).toMatchObject({ baseModel: 'azure/global/gpt-5.3', unpricedBaseModel: true });
  });

  it('takes the seed\'s typed fields: token caps, api version, thinking, reasoning, injection points, input type, modalities, model_info id', async () => {
    const entry = await add({
      ...base, apiVersion: 'preview', maxTokens: 100, maxCompletionTokens: 200, maxOutputTokens: 300, thinkingBudget: 4096,
      reasoningEffort: 'low', mergeReasoningContentInChoices: true, cacheControlInjection: 'system,user', inputType: 'text',
      modalities: 'text,audio', infoId: 'gpt-5-3-east2',
    }, 'gpt-5-3');
    expect(entry).toMatchObject({
      apiVersion: 'preview', maxTokens: 100, maxCompletionTokens: 200, maxOutputTokens: 300, thinking: { type: 'enabled', budgetTokens: 4096 },
      reasoningEffort: 'low', mergeReasoningContentInChoices: true, inputType: 'text', modalities: ['text', 'audio'],
      cacheControlInjectionPoints: [{ location: 'message', role: 'system' }, { location: 'message', role: 'user' }],
      info: { id: 'gpt-5-3-east2' },
    });
  });

  it('types key=value params', async () => {
    const entry = await add({ ...base, params: 'encoding_format=float,dimensions=1024,drop_params=false' }, 'gpt-5-3');
    expect(entry.params).toEqual({ encoding_format: 'float', dimensions: 1024, drop_params: false });
  });

  it('disables the background health check when asked, for any mode', async () => {
    expect((await add({ ...base, disableBackgroundHealthCheck: true }, 'gpt-5-3')).info).toEqual({ mode: 'chat', disableBackgroundHealthCheck: true });
  });

  it.each(supportFlags)('sets %s', async (flag) => {
    expect((await add({ ...base, [flag]: true }, 'gpt-5-3')).info[flag]).toBe(true);
  });
});

describe('model generator: defaults inferred from the model, and shown', () => {
  it('derives the model name from the model and the id from the model name (dots become dashes)', async () => {
    const entry = await add({ model: 'azure/Model-Router.v2.5', credential: us2 }, 'model-router-v2-5');
    expect(entry).toMatchObject({ id: 'model-router-v2-5', modelName: 'Model-Router.v2.5' });
    expect(logged).toContain('model-router-v2-5: id "model-router-v2-5" (from the model name; give the id as the first argument to change it)');
    expect(logged).toContain('model-router-v2-5: modelName "Model-Router.v2.5" (from --model; set --model-name to change it)');
  });

  it.each([
    ['azure/gpt-realtime-2', us2, { mode: 'realtime', disableBackgroundHealthCheck: true }],
    ['azure/gpt-audio-2', us2, { mode: 'chat', disableBackgroundHealthCheck: true }],
    ['azure/text-embedding-4', us2, { mode: 'embedding' }],
    ['azure_ai/embed-v-5-0', 'azure_ai_cohere_embed', { mode: 'embedding', disableBackgroundHealthCheck: true }],
    ['cohere/rerank-v4.0', 'azure_ai_cohere_rerank', { mode: 'rerank' }],
    ['azure/gpt-image-2', us2, { mode: 'image_generation' }],
    ['azure/gpt-5.3', us2, { mode: 'chat' }],
  ] as const)('%s on %s gets %o', async (model, credential, info) => {
    const id = model.slice(model.indexOf('/') + 1).replace(/\./g, '-');
    expect((await add({ model, credential }, id)).info).toEqual(info);
    expect(logged.some((line) => line.startsWith(`${id}: mode "${info.mode}": `))).toBe(true);
    if ('disableBackgroundHealthCheck' in info) expect(logged.some((line) => line.startsWith(`${id}: disableBackgroundHealthCheck true: `))).toBe(true);
  });

  it('lets explicit options win over inferred defaults', async () => {
    const entry = await add({ model: 'azure/gpt-image-2', credential: us2, mode: 'image_edit', disableBackgroundHealthCheck: true }, 'gpt-image-2');
    expect(entry.info).toEqual({ mode: 'image_edit', disableBackgroundHealthCheck: true });
    expect(logged.some((line) => line.includes('mode "'))).toBe(false);
  });
});

describe('model generator: bad input is an error naming the field, and changes nothing', () => {
  const cases: [string, ModelGeneratorSchema, RegExp][] = [
    ['an unknown credential', { ...base, credential: 'azure_credential_mars' }, /models\.gpt-5-3\.credential \(--credential\): unknown credential "azure_credential_mars"; known: azure_credential_us_east, /],
    ['a provider that does not match the credential', { model: 'anthropic/claude-opus-5', credential: us2 }, /models\.claude-opus-5\.model \(--model\): "anthropic\/claude-opus-5" does not match its credential "azure_credential_us_east2" \(provider azure\): LiteLLM resolves it to provider anthropic; the model must start with "azure\/"/],
    ['a duplicate id', { ...base, model: 'azure/gpt-5' }, /models\.gpt-5: duplicate model id/],
    ['a model without a provider prefix LiteLLM cannot resolve', { ...base, model: 'gpt-5.3' }, /models\.gpt-5-3\.model \(--model\): LiteLLM cannot tell the provider of "gpt-5\.3": start it with "azure\/"/],
    ['a model LiteLLM resolves to another provider', { ...base, model: 'gpt-4o' }, /models\.gpt-4o\.model \(--model\): "gpt-4o" does not match its credential "azure_credential_us_east2" \(provider azure\): LiteLLM resolves it to provider openai/],
    ['a Cohere embedding on azure/', { model: 'azure/cohere-embed-v-4-0', credential: us2 }, /models\.cohere-embed-v-4-0\.model \(--model\): Cohere embedding models on Azure must use the "azure_ai\/" prefix/],
    ['a Cohere embedding on cohere/', { model: 'cohere/embed-english-v3.0', credential: 'azure_ai_cohere_rerank' }, /models\.embed-english-v3-0\.model \(--model\): Cohere embedding models on Azure must use the "azure_ai\/" prefix/],
    ['a realtime model with the health check on', { model: 'azure/gpt-realtime-2', credential: us2, disableBackgroundHealthCheck: false }, /models\.gpt-realtime-2\.info\.disableBackgroundHealthCheck \(--disable-background-health-check\): must be true for mode "realtime"/],
    ['a realtime model with mode chat', { model: 'azure/gpt-realtime-2', credential: us2, mode: 'chat' }, /models\.gpt-realtime-2\.info\.mode \(--mode\): a realtime model \(its name contains "realtime"\) must have mode "realtime"/],
    ['a gpt-audio model with the health check on', { model: 'azure/gpt-audio-2', credential: us2, disableBackgroundHealthCheck: false }, /models\.gpt-audio-2\.info\.disableBackgroundHealthCheck \(--disable-background-health-check\): must be true for gpt-audio models/],
    ['a gpt-audio model as text-to-speech', { model: 'azure/gpt-audio-2', credential: us2, mode: 'audio_speech' }, /models\.gpt-audio-2\.info\.mode \(--mode\): gpt-audio models are audio chat models, not text-to-speech/],
    ['an Azure AI embedding with the health check on', { model: 'azure_ai/embed-v-5-0', credential: 'azure_ai_cohere_embed', disableBackgroundHealthCheck: false }, /models\.embed-v-5-0\.info\.disableBackgroundHealthCheck \(--disable-background-health-check\): must be true for Azure AI embeddings/],
    ['an unknown mode', { ...base, mode: 'speech' as never }, /models\.gpt-5-3\.info\.mode \(--mode\): must be one of: chat, completion, embedding/],
    ['rpm 0', { ...base, rpm: 0 }, /models\.gpt-5-3\.rpm \(--rpm\): must be >= 1/],
    ['rpm -1', { ...base, rpm: -1 }, /models\.gpt-5-3\.rpm \(--rpm\): must be >= 1/],
    ['rpm 1.5', { ...base, rpm: 1.5 }, /models\.gpt-5-3\.rpm \(--rpm\): must be integer/],
    ['rpm "abc"', { ...base, rpm: 'abc' as never }, /models\.gpt-5-3\.rpm \(--rpm\): must be integer/],
    ['tpm 0', { ...base, tpm: 0 }, /models\.gpt-5-3\.tpm \(--tpm\): must be >= 1/],
    ['timeout 0', { ...base, timeout: 0 }, /models\.gpt-5-3\.timeout \(--timeout\): must be > 0/],
    ['stream timeout -1', { ...base, streamTimeout: -1 }, /models\.gpt-5-3\.streamTimeout \(--stream-timeout\): must be > 0/],
    ['timeout "abc"', { ...base, timeout: 'abc' as never }, /models\.gpt-5-3\.timeout \(--timeout\): must be number/],
    ['an id with upper case', { ...base, id: 'GPT-5-3' }, /models\.GPT-5-3: id must match \^\[a-z0-9\]/],
    ['an id with a dot', { ...base, id: 'gpt-5.3' }, /models\.gpt-5\.3: id must match/],
    ['an id starting with a dash', { ...base, id: '-gpt' }, /models\.-gpt: id must match/],
    ['an id of 64 characters', { ...base, id: 'a'.repeat(64) }, /models\.a{64}: id must match/],
    ['an empty access group list', { ...base, accessGroups: ' , ' }, /--access-groups: " , " names no group/],
    ['params without =', { ...base, params: 'input_type' }, /--params: "input_type" is not key=value/],
    ['a param LiteLLM never reads', { ...base, params: 'voice_name=alloy' }, /models\.gpt-5-3\.params\.voice_name \(--params\): is not a known field/],
    ['a base model LiteLLM cannot price', { ...base, baseModel: 'azure/global/gpt-5.3' }, /models\.gpt-5-3\.info\.baseModel \(--base-model\): "azure\/global\/gpt-5\.3" is not in LiteLLM 1\.80\.8's cost map, so its spend would be recorded as 0; nearest priced: azure\/global\/gpt-5\.1, .*; or set info\.unpricedBaseModel: true/],
    ['--unpriced-base-model with a priced base model', { ...base, baseModel: 'azure/global/gpt-5.1', unpricedBaseModel: true }, /models\.gpt-5-3\.info\.unpricedBaseModel \(--unpriced-base-model\): "azure\/global\/gpt-5\.1" is in LiteLLM 1\.80\.8's cost map/],
    ['a thinking budget below Anthropic\'s minimum', { ...base, thinkingBudget: 100 }, /models\.gpt-5-3\.thinking\.budgetTokens \(--thinking-budget\): must be >= 1024/],
    ['an injection point for an unknown role', { ...base, cacheControlInjection: 'developer' }, /models\.gpt-5-3\.cacheControlInjectionPoints\.0\.role \(--cache-control-injection\): must be one of: system, user, assistant/],
    ['an unknown modality', { ...base, modalities: 'text,speech' }, /models\.gpt-5-3\.modalities\.1 \(--modalities\): must be one of: text, audio, image/],
    ['max completion tokens 0', { ...base, maxCompletionTokens: 0 }, /models\.gpt-5-3\.maxCompletionTokens \(--max-completion-tokens\): must be >= 1/],
    ['a model_info id another deployment has', { ...base, infoId: '41' }, /models\.gpt-5-3\.info\.id \(--info-id\): duplicate model_info\.id "41" \(also models\.gpt-4-1\)/],
  ];

  it.each(cases)('%s', async (_, options, message) => {
    const before = treeFiles(tree);
    await expect(modelGenerator(tree, options)).rejects.toThrow(message);
    expect(changedFiles(before, treeFiles(tree))).toEqual([]);
  });

  it('says nothing was changed and lists every issue', async () => {
    await expect(modelGenerator(tree, { model: 'azure/gpt-realtime-2', credential: 'nope', mode: 'chat' })).rejects.toThrow(
      /^nothing was changed: the catalog would have 2 errors:\n {2}models\.gpt-realtime-2\.info\.mode \(--mode\): .*\n {2}models\.gpt-realtime-2\.credential \(--credential\): unknown credential "nope"/,
    );
  });
});
