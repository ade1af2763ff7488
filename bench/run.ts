// npm run bench [-- --quick] [--runs N] [--no-release]: the chart against the floor (bench/baseline-chart, the same
// config.yaml) and the values floor (the chart's values and schema, no templates) under Helm 3 and
// Helm 4, interleaved run by run, at 25 / 1,000 / 5,000 / 10,000 deployments; CPU-time medians, their
// ratios to the floor and wall times. Then `npm run generate` as a user runs
// it, at the same sizes, and a full release. The full run rewrites the README's table. Not a test.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedPaths } from '@litellm-stack/catalog';
import { parseObjects } from '../tools/chart.ts';
import { chartDir, helmBin, helmMajors, repoRoot } from '../tools/helm.ts';
import { baselineArgs, baselineConfig, writeValuesFloorChart } from './baseline.ts';
import { measureProcess, type ProcessCost } from './measure.ts';
import { benchRelease } from './release.ts';
import { median } from './stats.ts';
import { syntheticCatalog } from './synthetic.ts';

const { values: options } = parseArgs({
  options: { runs: { type: 'string' }, quick: { type: 'boolean', default: false }, 'no-release': { type: 'boolean', default: false } },
});
const quick = options.quick!;
const runs = Number(options.runs ?? (quick ? 1 : 5));
const sizes = quick ? [25, 1000] : [25, 1000, 5000, 10000];
const work = mkdtempSync(join(tmpdir(), 'litellm-stack-bench-'));
const valuesFloorDir = writeValuesFloorChart(join(work, 'values-floor'));
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');

// `npm run generate` as package.json defines it, minus npm's own start-up (timed once below).
const generateScript = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts.generate.split(' ') as string[];
const generate = (args: string[]) => measureProcess(process.execPath, [...generateScript.slice(1), ...args]);

function catalogArgs(size: number): string[] {
  if (size === 25) return []; // the seed catalog
  const module = join(work, `catalog-${size}.mjs`);
  writeFileSync(module, `export const catalog = ${JSON.stringify(syntheticCatalog(size))};\n`);
  return ['--catalog', module];
}

const lines: string[] = [];
const print = (line: string) => {
  console.log(line);
  lines.push(line);
};

print(`${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; `
  + `load average at start ${load()} (shared machine: absolute times are context, ratios the figure); median of ${runs} run(s), ${new Date().toISOString()}`);
print('');
print('| deployments | Helm | chart CPU s | baseline CPU s | ratio | values floor CPU s | values floor ratio | chart wall s | baseline wall s |');
print('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const generateRows: string[] = [];
for (const size of sizes) {
  const dir = join(work, `catalog-${size}`);
  const args = ['--quiet', '--out', dir, ...catalogArgs(size)];
  generate(args); // the values the renders use
  const generateTimes = Array.from({ length: runs }, () => generate(args));
  generateRows.push(`| ${size.toLocaleString('en')} | ${Math.round(median(generateTimes.map((t) => t.wallMs)))} | ${Math.round(median(generateTimes.map((t) => t.cpuMs)))} |`);

  const valuesFiles = ['-f', join(dir, generatedPaths.values), '-f', join(chartDir, 'ci', '02-seed-full.yaml')];
  const chartArgs = ['template', 'bench', chartDir, ...valuesFiles];
  const valuesFloorArgs = ['template', 'bench', valuesFloorDir, ...valuesFiles];
  const manifest = execFileSync(helmBin('helm4'), chartArgs, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const floorArgs = baselineArgs(baselineConfig(parseObjects(manifest)), join(work, `config-${size}.yaml`));
  for (const major of helmMajors) {
    const chart: ProcessCost[] = [];
    const baseline: ProcessCost[] = [];
    const valuesFloor: ProcessCost[] = [];
    // Interleaved, so the other work on the machine weighs on all alike.
    for (let run = 0; run < runs; run += 1) {
      chart.push(measureProcess(helmBin(major), chartArgs));
      baseline.push(measureProcess(helmBin(major), floorArgs));
      valuesFloor.push(measureProcess(helmBin(major), valuesFloorArgs));
    }
    const cpu = (costs: ProcessCost[]) => median(costs.map((cost) => cost.cpuMs));
    const wall = (costs: ProcessCost[]) => median(costs.map((cost) => cost.wallMs));
    const ratio = (costs: ProcessCost[]) => (cpu(costs) / cpu(baseline)).toFixed(2);
    print(`| ${size.toLocaleString('en')} | ${major} | ${seconds(cpu(chart))} | ${seconds(cpu(baseline))} | ${ratio(chart)} | ${seconds(cpu(valuesFloor))} | ${ratio(valuesFloor)} | ${seconds(wall(chart))} | ${seconds(wall(baseline))} |`);
  }
}
print('');
print(`\`npm run generate\` (\`${generateScript.join(' ')}\`, whole process; npm itself adds its own start-up, below):`);
print('');
print('| deployments | wall ms | CPU ms |');
print('| ---: | ---: | ---: |');
for (const row of generateRows) print(row);
const npmRuns = Array.from({ length: runs }, () => measureProcess('npm', ['run', '--silent', 'generate', '--', '--quiet', '--out', join(work, 'npm')]));
print('');
print(`\`npm run generate\` through npm, seed catalog: ${Math.round(median(npmRuns.map((t) => t.wallMs)))} ms wall, ${Math.round(median(npmRuns.map((t) => t.cpuMs)))} ms CPU. Load average at the end: ${load()}.`);

if (!quick) {
  if (!options['no-release']) {
    const [release] = await benchRelease(runs);
    print('');
    print(`Full release to a local registry: ${seconds(release!.medianMs)} s wall (median of ${runs}).`);
  }
  const readme = join(repoRoot, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const table = /(<!-- bench:start[^>]*-->\n)[\s\S]*?(\n<!-- bench:end -->)/;
  if (!table.test(text)) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> section');
  writeFileSync(readme, text.replace(table, (_, start: string, end: string) => `${start}${lines.join('\n')}${end}`));
  console.log('\nREADME.md: benchmark section rewritten');
}
