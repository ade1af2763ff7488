// Wall time of a full release (every precondition, Helm 3 + Helm 4 lint and render, reproducible
// package, immutability check, push, pull back by digest and compare) to a local CNCF distribution
// registry, run as a user runs it: `tsx tools/release/cli.ts` in a clean copy of the repository.
// Each run publishes a new version; the changelog commit it needs is made outside the timing.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startRegistry } from '../tests/release/support/registry.ts';
import { copyRepo } from '../tests/release/support/repo.ts';

export interface BenchResult {
  name: string;
  input: string;
  medianMs: number;
  runs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function benchRelease(runs: number): Promise<BenchResult[]> {
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
        input: 'full release of litellm-stack to a local docker-registry (git/generated/version checks, helm lint+render ×2 majors, package, push, verify by digest)',
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
