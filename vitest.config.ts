import { defineConfig } from 'vitest/config';

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
      { extends: true, test: { name: 'chart', include: ['tests/chart/**/*.spec.ts'] } },
      { test: { name: 'tools', include: ['tools/**/*.spec.ts', 'tests/tools/**/*.spec.ts'] } },
    ],
  },
});
