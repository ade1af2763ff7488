// nx g @litellm-stack/nx-plugin:remove-model <id>: deletes a model's entry (with its comments) from
// the catalog source and regenerates the chart's values, schema and types.
import type { Tree } from '@nx/devkit';
import { assertCatalog, treeReader, writeCatalog } from '../lib/apply.ts';
import { readCatalog, removeModelChanges } from '../lib/catalog-source.ts';
import type { RemoveModelGeneratorSchema } from './schema.d.ts';

export default async function removeModelGenerator(tree: Tree, { id }: RemoveModelGeneratorSchema): Promise<void> {
  const read = treeReader(tree);
  const source = readCatalog(read);
  const changes = removeModelChanges(read, source, id);
  const next = { ...source.catalog, models: source.catalog.models.filter((model) => model.id !== id) };
  assertCatalog(next, `models.${id}`);
  await writeCatalog(tree, next, changes);
}
