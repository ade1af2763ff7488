import { credentials } from './credentials.ts';
import { models } from './models/index.ts';
import type { Catalog } from './types.ts';

/** The seed catalog: the deployments the chart ships as defaults. */
export const seedCatalog: Catalog = { credentials, models };
