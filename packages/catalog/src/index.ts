export * from './catalog/types.ts';
export { seedCatalog } from './catalog/index.ts';
export { modelRules, type EntryRule } from './catalog/rules.ts';
export { validateCatalog, assertValidCatalog, CatalogError, type CatalogIssue } from './catalog/validate.ts';
export { generateFiles, generatedPaths, type GeneratedFile } from './generate/index.ts';
export type { LitellmStackValues } from './generated/values.ts';
export { litellmMetrics, metricBySample, sampleNames, targetLabels, deploymentStates, type LiteLLMMetric } from './observability/metrics.ts';
export { promqlIssues, type ExpressionParts, type Selector } from './observability/promql.ts';
export { litellmDashboard } from './observability/dashboard.ts';
