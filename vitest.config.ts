import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sync/**/*.test.ts', 'drivers/**/*.test.ts', 'edge/**/*.test.ts', 'cloud/**/*.test.ts', 'test/integration/**/*.test.ts', 'ui/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
