import { defineConfig } from 'vitest/config';

/**
 * Node tests, each file in its own forked process (the compiler-driven suites spawn `tsc` and hold
 * a whole ts-morph program in memory; forks keep that isolated and killable). The 60 s timeout is
 * for those suites: a full TS 5.9 check of the library takes seconds, not milliseconds.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/real-models.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
