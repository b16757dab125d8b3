import os from 'node:os';
import { defineConfig } from 'vitest/config';

/** Browser journeys: each file starts the real platform on a fresh database and drives Chromium against it. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll's own default is 1 s: a page that fetches its next chunk (the other language's texts) took longer at
    // a CI load of 9, and the switch to Chinese was read as not having happened. Waiting longer only slows a failure.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    pool: 'forks',
    // Two journeys at once even on 2 cores: a journey mostly waits on the browser and the server (one file used 65%
    // of one core); 1,224 s for the suite at a load of 10 against 1,627 s with one worker (docs/decisions/test-workers.md).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
