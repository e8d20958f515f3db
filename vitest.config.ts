import { defineConfig } from 'vitest/config';

/**
 * One run for everything `npm test` covers. `npm test` builds dist/ first; the global setup starts the
 * local fakes (scripts/lib/fakes/*.ts) and `wrangler pages dev dist` (workerd, local D1/KV/R2) for the
 * functions and Chromium tests.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './tests/setup/summary-reporter.ts'],
  },
});
