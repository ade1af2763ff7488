// The chart's CI scenarios (charts/litellm-stack/ci/*.yaml), as render() takes them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chartDir } from '../../tools/helm.ts';

export const scenarioFiles: string[] = readdirSync(join(chartDir, 'ci'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => `ci/${name}`);

export function scenarioValues(file: string): any {
  return parse(readFileSync(join(chartDir, file), 'utf8')) ?? {};
}
