import { defineConfig } from 'vitest/config';

/**
 * Four projects: pure unit tests, the API suite once per database engine, and browser journeys.
 * API and browser projects run files one after another in a single process so that one embedded
 * database serves the whole run (a PGlite takes seconds to start; never one per test).
 */
const serial = { pool: 'forks' as const, fileParallelism: false, isolate: false };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['contracts/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'api-pglite',
          include: ['server/**/*.api.test.ts'],
          env: { TDKT_TEST_DB: 'pglite' },
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          ...serial,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: ['server/**/*.api.test.ts'],
          env: { TDKT_TEST_DB: 'postgres' },
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          ...serial,
        },
      },
      {
        test: {
          name: 'system',
          include: ['tests/system/**/*.system.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 180_000,
          ...serial,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          ...serial,
        },
      },
    ],
  },
});
