import { configDefaults, defineConfig } from 'vitest/config';

// One project per area, so `nx` targets and humans can run one area (`vitest run --project chart`).
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The JSON report is what .ci/run counts its closing `N passed, N failed` line from.
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      { test: { name: 'catalog', include: ['packages/catalog/test/**/*.spec.ts'] } },
      { test: { name: 'chart', include: ['tests/chart/**/*.spec.ts'] } },
      // tools/release has its own project (below), so its unit tests do not run twice.
      { test: { name: 'tools', include: ['tools/**/*.spec.ts', 'tests/tools/**/*.spec.ts'], exclude: [...configDefaults.exclude, 'tools/release/**'] } },
      // Inline projects do not inherit the root's timeouts; release tests run Helm, git and a registry.
      { test: { name: 'release', include: ['tests/release/**/*.spec.ts', 'tools/release/**/*.spec.ts'], testTimeout: 120_000, hookTimeout: 300_000 } },
    ],
  },
});
