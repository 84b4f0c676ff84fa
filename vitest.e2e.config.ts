import { defineConfig } from 'vitest/config';

// Browser E2E: one file at a time in one process (each launch owns a browser, a host and a data folder).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['test/e2e/support/build-renderer.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
