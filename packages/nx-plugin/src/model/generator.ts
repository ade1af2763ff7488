// nx g @litellm-stack/nx-plugin:model [id] --model <provider>/<name> --credential <id> [...]: adds a
// model deployment to models/<credential>.ts and regenerates the chart's values, schema and types.
import { logger, type Tree } from '@nx/devkit';
import { assertCatalog, treeReader, writeCatalog } from '../lib/apply.ts';
import { addModelChanges, readCatalog } from '../lib/catalog-source.ts';
import { buildModel } from './entry.ts';
import type { ModelGeneratorSchema } from './schema.d.ts';

export default async function modelGenerator(tree: Tree, options: ModelGeneratorSchema): Promise<void> {
  const read = treeReader(tree);
  const { model, notes } = buildModel(options);
  for (const note of notes) logger.info(`${model.id}: ${note}`);
  const { catalog } = readCatalog(read);
  const next = { ...catalog, models: [...catalog.models, model] };
  // Fields whose option is named otherwise (info.id is --info-id; the id itself is the argument).
  assertCatalog(next, `models.${model.id}`, { thinking: 'thinking-budget', cacheControlInjectionPoints: 'cache-control-injection', id: 'info-id' });
  const changes = addModelChanges(read, model);
  await writeCatalog(tree, next, changes);
}
