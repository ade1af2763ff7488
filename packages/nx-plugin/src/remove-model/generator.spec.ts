import { generateFiles, generatedPaths, seedCatalog } from '@litellm-stack/catalog';
import type { Tree } from '@nx/devkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { changedFiles, freshCatalogTree, treeFiles } from '../../test/support/catalog-tree.ts';
import { treeReader } from '../lib/apply.ts';
import { modelsPath, readCatalog } from '../lib/catalog-source.ts';
import modelGenerator from '../model/generator.ts';
import removeModelGenerator from './generator.ts';

let tree: Tree;
beforeEach(() => ({ tree } = freshCatalogTree()));
afterEach(() => vi.restoreAllMocks());

describe('remove-model generator', () => {
  it('deletes the entry and its comma from the middle of its file and regenerates values.yaml', async () => {
    const path = modelsPath('azure_credential_us_east2');
    const before = treeFiles(tree);
    await removeModelGenerator(tree, { id: 'gpt-5-2' });
    const after = treeFiles(tree);

    expect(changedFiles(before, after)).toEqual([generatedPaths.values, path]);
    const block = ["  {\n    id: 'gpt-5-2',\n", "    info: { mode: 'chat', id: '1', baseModel: 'azure/global/gpt-5.2', unpricedBaseModel: true, accessGroups: ['premium-models', 'restricted-models'], supportsReasoning: true },\n  },\n"];
    const original = before.get(path)!;
    const start = original.indexOf(block[0]!);
    const end = original.indexOf(block[1]!, start) + block[1]!.length;
    expect(after.get(path)).toBe(original.slice(0, start) + original.slice(end));

    const catalog = readCatalog(treeReader(tree)).catalog;
    expect(catalog).toEqual({ ...seedCatalog, models: seedCatalog.models.filter((model) => model.id !== 'gpt-5-2') });
    for (const file of await generateFiles(catalog)) expect(tree.read(file.path, 'utf-8')).toBe(file.content);
    expect(parse(tree.read(generatedPaths.values, 'utf-8')!).models).not.toHaveProperty('gpt-5-2');
  });

  it('leaves `[]` when it removes a file\'s only model', async () => {
    await removeModelGenerator(tree, { id: 'cohere-embed-v-4-0' });
    expect(tree.read(modelsPath('azure_ai_cohere_embed'), 'utf-8')).toBe(
      "import type { ModelDeployment } from '../types.ts';\n\nexport const models: ModelDeployment[] = [];\n",
    );
  });

  it('undoes the model generator byte for byte', async () => {
    const before = treeFiles(tree);
    await modelGenerator(tree, { model: 'azure/gpt-5.3', credential: 'azure_credential_us_east2', rpm: 10, accessGroups: 'a,b' });
    await removeModelGenerator(tree, { id: 'gpt-5-3' });
    expect(changedFiles(before, treeFiles(tree))).toEqual([]);
  });

  it('rejects an unknown id, listing the known ones, and changes nothing', async () => {
    const before = treeFiles(tree);
    await expect(removeModelGenerator(tree, { id: 'gpt-9' })).rejects.toThrow(/^models\.gpt-9: no such model; known: gpt-4-1, gpt-4-1-nano, /);
    expect(changedFiles(before, treeFiles(tree))).toEqual([]);
  });
});
