import { defineConfig } from 'vitest/config';

/** Browser journeys: each file starts the real platform on a fresh database and drives Chromium against it. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
