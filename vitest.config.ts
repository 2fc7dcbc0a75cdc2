import { defineConfig } from 'vitest/config';

/**
 * Three projects: unit (pure shared/ and renderer logic), core (real SQLite files, real files in temp folders, the
 * CLI as a child process), e2e (the built renderer in Debian's Chromium against the real core through the bridge;
 * needs `npm run build && npm run build:e2e` first, which `npm test` does).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
