import { defineConfig } from 'vitest/config';

// Unit + integration tests run under plain Node against real encrypted SQLite files.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-server/**/*.test.ts',
      'test/{unit,integration}/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
