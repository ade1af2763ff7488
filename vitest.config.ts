import { configDefaults, defineConfig } from 'vitest/config';

/** A project defined only when its npm script sets `variable=1`: too slow or too costly for `npm test`. */
const onlyWhen = (variable: string, test: { name: string; include: string[]; testTimeout: number; hookTimeout: number }) =>
  process.env[variable] === '1' ? [{ extends: true as const, test }] : [];

// One project per area, so `nx` targets and humans can run one area (`vitest run --project chart`).
// `extends: true`: inline projects inherit the timeouts and global setup below only when asked to.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Most tests wait on child processes (Helm, the proxy, the API server), not on their own worker:
    // vitest's default of one worker fewer than the cores would run one file at a time on two cores.
    maxWorkers: 3,
    // The JSON report is what .ci/run counts its closing `N passed, N failed` line from.
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'catalog', include: ['packages/catalog/test/**/*.spec.ts'] } },
      { extends: true, test: { name: 'chart', include: ['tests/chart/**/*.spec.ts'] } },
      // tools/release has its own project (below), so its unit tests do not run twice.
      {
        extends: true,
        test: { name: 'tools', include: ['tools/**/*.spec.ts', 'tests/tools/**/*.spec.ts'], exclude: [...configDefaults.exclude, 'tools/release/**', 'tools/docs/**'] },
      },
      { extends: true, test: { name: 'release', include: ['tests/release/**/*.spec.ts', 'tools/release/**/*.spec.ts'] } },
      { extends: true, test: { name: 'nx-plugin', include: ['packages/nx-plugin/**/*.spec.ts'] } },
      // The real LiteLLM proxy against fake providers and a real Redis (docs/conformance.md).
      { extends: true, test: { name: 'conformance', include: ['tests/conformance/**/*.spec.ts'] } },
      // Every fenced block of every markdown file, run or marked illustrative (tests/docs/docs.spec.ts).
      { extends: true, test: { name: 'docs', include: ['tests/docs/**/*.spec.ts', 'tools/docs/**/*.spec.ts'] } },
      // 10,000 deployments through the real proxy (issue 13): its startup alone takes minutes, so it runs
      // only as `npm run test:scale`, not in `npm test`.
      ...onlyWhen('LITELLM_STACK_SCALE', { name: 'scale', include: ['tests/scale/**/*.spec.ts'], testTimeout: 3_000_000, hookTimeout: 3_600_000 }),
      // Flux's controllers against the cluster project's control plane (issue 9): building them cold takes
      // 4,392 s + 796 s on two cores, which a fresh `.ci/run` cannot add, so they run only as `npm run test:flux`.
      ...onlyWhen('LITELLM_STACK_FLUX', { name: 'flux', include: ['tests/flux/**/*.spec.ts'], testTimeout: 600_000, hookTimeout: 3_600_000 }),
      // A real API server and controller-manager (tools/cluster): installs, upgrades and Flux. Building
      // the binaries when the cache lacks them takes about 12 minutes on two idle cores (.ci/run builds
      // them first).
      {
        extends: true,
        test: { name: 'cluster', include: ['tests/cluster/**/*.spec.ts'], testTimeout: 600_000, hookTimeout: 3_600_000 },
      },
    ],
  },
});
