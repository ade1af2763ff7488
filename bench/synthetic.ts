// Synthetic catalogs for benchmarks: the seed's credentials and N deployments cycling through the
// seed's model shapes (each with a unique id and public name), so every rule and branch still runs.
import { seedCatalog, type Catalog } from '@litellm-stack/catalog';

export function syntheticCatalog(size: number): Catalog {
  const models = Array.from({ length: size }, (_, index) => {
    const template = seedCatalog.models[index % seedCatalog.models.length]!;
    return { ...structuredClone(template), id: `${template.id}-n${index}`, modelName: `${template.modelName}-n${index}` };
  });
  return { credentials: seedCatalog.credentials, models };
}
