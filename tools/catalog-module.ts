import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedCatalog, type Catalog } from '@litellm-stack/catalog';

/** The catalog to generate from: the seed, or the `catalog` export of a module (benchmarks, tests). */
export async function loadCatalog(modulePath: string | undefined): Promise<Catalog> {
  if (!modulePath) return seedCatalog;
  const loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as { catalog?: Catalog };
  if (!loaded.catalog) throw new Error(`${modulePath} exports no \`catalog\``);
  return loaded.catalog;
}
