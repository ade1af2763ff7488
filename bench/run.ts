// npm run bench: whole-process medians of `generate` and `helm template` (Helm 3 and Helm 4) for the
// seed catalog and synthetic 1,000- and 5,000-model catalogs. Not a test: it prints numbers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedPaths } from '@litellm-stack/catalog';
import { chartDir, helmBin, helmMajors, repoRoot } from '../tools/helm.ts';
import { syntheticCatalog } from './synthetic.ts';

export interface BenchRow {
  name: string;
  input: string;
  medianMs: number;
  runs: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timeProcess(command: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint();
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(options.runs);
const work = mkdtempSync(join(tmpdir(), 'litellm-stack-bench-'));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const rows: BenchRow[] = [];

for (const size of [0, 1000, 5000]) {
  const label = size === 0 ? 'seed catalog (25 models)' : `${size} models`;
  const dir = join(work, `catalog-${size}`);
  const catalogArgs: string[] = [];
  if (size > 0) {
    const module = join(work, `catalog-${size}.ts`);
    writeFileSync(module, `export const catalog = ${JSON.stringify(syntheticCatalog(size))};\n`);
    catalogArgs.push('--catalog', module);
  }
  const generateArgs = [join(repoRoot, 'tools', 'generate.ts'), '--quiet', '--out', dir, ...catalogArgs];
  rows.push({ name: 'generate', input: label, medianMs: timeProcess(tsx, generateArgs, runs), runs });
  // Render every model: all seed credentials on, the catalog's values.yaml as the chart's values.
  const templateArgs = ['template', 'bench', chartDir, '-f', join(dir, generatedPaths.values), '-f', join(chartDir, 'ci', '02-seed-full.yaml')];
  for (const major of helmMajors) rows.push({ name: `helm template (${major})`, input: label, medianMs: timeProcess(helmBin(major), templateArgs, runs), runs });
}

console.log(`\nmedian wall time over ${runs} runs (whole processes, ${new Date().toISOString()})\n`);
console.log('| step | input | median ms |\n| --- | --- | ---: |');
for (const row of rows) console.log(`| ${row.name} | ${row.input} | ${row.medianMs.toFixed(0)} |`);
