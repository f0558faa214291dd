import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

const JOURNEYS = 'test/e2e/**/*.test.ts';

const common = {
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 180_000,
  // Browser journeys poll the page; on a loaded 2-core CI machine a page can take more than the default second
  // (and on a slowed virtual machine more than ten: seen 2026-11-22).
  expect: { poll: { timeout: 20_000 } },
} as const;

// One PostgreSQL server for the run (embedded in a temp folder, or KHOI_TEST_DATABASE_URL's), one migrated
// template database, and a database cloned from it per test file. The global setup is the root's, so it runs once
// for both projects: `server` (API, CLI, database) and `journeys` (the browser journeys, test/e2e), which CI runs
// on one PostgreSQL only (`--project server` on the other).
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default'],
    projects: [
      {
        test: {
          ...common,
          name: 'server',
          include: ['server/**/*.test.ts', 'cli/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, JOURNEYS],
          // These mostly wait on PostgreSQL: two files at once even on two cores (vitest's default there is one).
          maxWorkers: Math.max(2, os.availableParallelism() - 1),
          // First, on their own; the journeys after them, so a browser never shares the machine with them.
          sequence: { groupOrder: 0 },
        },
      },
      // In CI a journey that failed runs once more: a browser on a loaded machine can lose a click. One that passes
      // only then is printed as FLAKY in CI's summary (.ci/run), not hidden.
      {
        test: {
          ...common,
          name: 'journeys',
          include: [JOURNEYS],
          retry: process.env.CI === 'true' ? 1 : 0,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
