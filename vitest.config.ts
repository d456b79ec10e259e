import { defineConfig } from 'vitest/config';

/** Three tiers, one runner: core (pure unit), server (API through app.inject on PGlite), e2e (Chromium). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['core/src/**/*.test.ts'], testTimeout: 30_000 } },
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
