// Wall time of a full release (every precondition, Helm 3 + Helm 4 lint and render, reproducible
// package, immutability check, push, pull back by digest and compare) to a local CNCF distribution
// registry, run as a user runs it (`npm run release`, the CLI's bundle) in a clean copy of the repository.
// Each run publishes a new version; the changelog commit it needs is made outside the timing.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startRegistry } from '../tests/release/support/registry.ts';
import { copyRepo } from '../tests/release/support/repo.ts';
import { median, type BenchRow } from './stats.ts';


export async function benchRelease(runs: number): Promise<BenchRow[]> {
  const registry = await startRegistry();
  const repo = copyRepo();
  const env = { REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: registry.password };
  try {
    const times: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const version = `0.1.${i}`;
      repo.addChangelogEntry(version, `Benchmark release ${i}.`);
      const started = performance.now();
      const result = await repo.release(['--registry', registry.url('bench'), '--plain-http', '--version', version], env);
      times.push(performance.now() - started);
      if (result.code !== 0) throw new Error(`release ${version} failed: ${result.reason}\n${result.stdout}`);
    }
    return [
      {
        name: 'release',
        input: 'litellm-stack chart to a local registry (checks, lint+render x2 Helm majors, package, push, verify by digest)',
        medianMs: Math.round(median(times)),
        runs,
      },
    ];
  } finally {
    await registry.stop();
    repo.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchRelease(Number(process.argv[2] ?? 5)), null, 2));
}
