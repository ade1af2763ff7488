// The floors npm run bench compares the chart with. bench/baseline-chart renders one ConfigMap with a
// given config.yaml and a Deployment with its checksum, nothing else. The values floor is the chart's
// own interface with no templates: what any chart taking these values costs before it renders anything.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { liteLLMConfig, type K8sObject } from '../tools/chart.ts';
import { chartDir, repoRoot } from '../tools/helm.ts';

export const baselineChartDir = join(repoRoot, 'bench', 'baseline-chart');

/**
 * The config.yaml the baseline gets for a chart render: the chart's own text when it renders one
 * ConfigMap, else the document LiteLLM loads once its includes are resolved.
 */
export function baselineConfig(objects: K8sObject[]): string {
  const text: string = objects.find((object) => object.kind === 'ConfigMap' && object.data?.['config.yaml'] !== undefined)!.data['config.yaml'];
  return parse(text).include === undefined ? text : stringify(liteLLMConfig(objects));
}

/** `helm template` arguments that render the baseline with `config` (written to `file`). */
export function baselineArgs(config: string, file: string): string[] {
  writeFileSync(file, config);
  return ['template', 'bench', baselineChartDir, '--set-file', `config=${file}`];
}

/**
 * Writes the values floor into `dir`: the chart's Chart.yaml, values.yaml and values.schema.json and
 * no templates, so `helm template` only loads, merges and validates the values. Returns `dir`.
 */
export function writeValuesFloorChart(dir: string): string {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  for (const file of ['Chart.yaml', 'values.yaml', 'values.schema.json']) copyFileSync(join(chartDir, file), join(dir, file));
  return dir;
}
