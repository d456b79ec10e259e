import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirst from './vitest.sequencer.ts';

// vitest's default is one worker fewer than the cores: one on the 2-core CI. Two test files at once there
// (docs/testing.md, "Speed"); the e2e files stay one at a time (fixed ports, one Chromium).
const workers = Math.max(2, availableParallelism() - 1);

/** Three tiers, one runner: core (pure unit), server (API through app.inject on PGlite), e2e (Chromium). */
export default defineConfig({
  test: {
    // The longest files first, also on a fresh clone (docs/testing.md, "Speed").
    sequence: { sequencer: LongestFirst },
    projects: [
      { test: { name: 'core', include: ['core/src/**/*.test.ts'], testTimeout: 30_000, maxWorkers: workers } },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          setupFiles: ['server/src/test/install-modules.ts'],
          // Migrates once per run; each test file starts from that template (docs/testing.md, "Speed").
          globalSetup: ['server/src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: workers,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // Seeds the demo database once per run; each file starts from its dump (docs/testing.md, "Speed").
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
