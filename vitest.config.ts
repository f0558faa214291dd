import { defineConfig } from 'vitest/config';

// One PostgreSQL server for the run (embedded in a temp folder, or KHOI_TEST_DATABASE_URL's), one migrated
// template database, and a database cloned from it per test file.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Browser journeys poll the page; on a loaded 2-core CI machine a page can take more than the default second
    // (and on a slowed virtual machine more than ten: seen 2026-11-22).
    expect: { poll: { timeout: 20_000 } },
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
