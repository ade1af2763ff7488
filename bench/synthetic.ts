// Synthetic catalogs for benchmarks: the seed's credentials and N deployments cycling through the
// seed's model shapes (each with a unique id, public name and model_info.id), so every rule and
// branch still runs.
import { seedCatalog, type Catalog } from '@litellm-stack/catalog';
import { catalogToValues } from '../packages/catalog/src/values/catalog.ts';
import type { Json } from '../packages/catalog/src/values/spec.ts';

export function syntheticCatalog(size: number): Catalog {
  const models = Array.from({ length: size }, (_, index) => {
    const template = structuredClone(seedCatalog.models[index % seedCatalog.models.length]!);
    const suffix = `-n${index}`;
    if (template.info.id !== undefined) template.info.id += suffix;
    return { ...template, id: `${template.id}${suffix}`, modelName: `${template.modelName}${suffix}` };
  });
  return { credentials: seedCatalog.credentials, models };
}

/** The synthetic catalog's models as values (`models:`), as the generator writes them into values.yaml. */
export function syntheticModelValues(size: number): Record<string, Json> {
  return catalogToValues(syntheticCatalog(size)).models;
}
