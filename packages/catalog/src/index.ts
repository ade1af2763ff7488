export * from './catalog/types.ts';
export { seedCatalog } from './catalog/index.ts';
export { modelRules, type EntryRule } from './catalog/rules.ts';
export { validateCatalog, assertValidCatalog, CatalogError, type CatalogIssue } from './catalog/validate.ts';
export { generateFiles, generatedPaths, type GeneratedFile } from './generate/index.ts';
export type { LitellmStackValues } from './generated/values.ts';
export * from './flux/helmrelease.ts';
