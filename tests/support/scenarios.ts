// The chart's CI scenarios (charts/litellm-stack/ci/*.yaml), as render() takes them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chartDir } from '../../tools/helm.ts';

export const scenarioFiles: string[] = readdirSync(join(chartDir, 'ci'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => `ci/${name}`);

