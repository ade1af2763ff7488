import { seedCatalog } from '@litellm-stack/catalog';
import { describe, expect, it } from 'vitest';
import { catalogFiles, readRepoFile } from '../../test/support/catalog-tree.ts';
import { credentialsPath, importName, modelsIndexPath, readCatalog, removeModelChanges, type ReadFile } from './catalog-source.ts';

const repo: ReadFile = (path) => (catalogFiles.includes(path) ? readRepoFile(path) : undefined);
const overriding = (overrides: Record<string, string | undefined>): ReadFile => (path) => (path in overrides ? overrides[path] : repo(path));

describe('readCatalog', () => {
  it('reads the source files as exactly the catalog that importing them gives', () => {
    expect(readCatalog(repo).catalog).toEqual(seedCatalog);
  });

  it('knows which file and array holds each model', () => {
    expect(readCatalog(repo).modelPlace.get('gpt-realtime')).toEqual({ path: 'packages/catalog/src/catalog/models/azure_credential_us_east2.ts', array: 'models' });
  });

  it('names a missing file', () => {
    expect(() => readCatalog(overriding({ [credentialsPath]: undefined }))).toThrow(`${credentialsPath} does not exist: the catalog generators edit the catalog source under packages/catalog/src/catalog`);
  });

  it('refuses an index element it cannot follow', () => {
    const index = "import { models as a } from './azure_anthropic.ts';\nexport const models = [...a, ...elsewhere];\n";
    expect(() => readCatalog(overriding({ [modelsIndexPath]: index }))).toThrow(`${modelsIndexPath}: \`...elsewhere\` must spread the \`models\` of a file imported from ./<credential>.ts`);
  });

  it('reads, and removes, a model written inline in the index', () => {
    const index = "import { models as a } from './azure_anthropic.ts';\nexport const models = [\n  ...a,\n  { id: 'inline', modelName: 'x', model: 'anthropic/x', credential: 'azure_anthropic', info: { mode: 'chat' } },\n];\n";
    const read = overriding({ [modelsIndexPath]: index });
    const source = readCatalog(read);
    expect(source.catalog.models.map((model) => model.id)).toEqual(['claude-opus-4-5', 'claude-sonnet-4-5', 'claude-opus-4-1', 'claude-haiku-4-5', 'inline']);
    expect(removeModelChanges(read, source, 'inline').get(modelsIndexPath)).toBe("import { models as a } from './azure_anthropic.ts';\nexport const models = [\n  ...a,\n];\n");
  });
});

describe('importName', () => {
  it.each([
    ['azure_credential_us_east2', 'azureCredentialUsEast2'],
    ['azure-ai_cohere', 'azureAiCohere'],
    ['1st', '_1st'],
  ])('%s → %s', (id, name) => expect(importName(id)).toBe(name));
});
