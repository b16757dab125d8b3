import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/fixtures/**', 'node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers even on a 2-core machine: a worker waits on PostgreSQL or a child much of the time (the PGlite
    // suite: 361 s against ~560 s with vitest's default of cores − 1 = 1; docs/decisions/test-workers.md).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
