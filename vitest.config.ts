import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { E2E_TEST_MS, E2E_WAIT_MS } from './test/e2e/waits.ts';

/**
 * Three projects: unit (pure shared/ and renderer logic), core (real SQLite files, real files in temp folders, the
 * built CLI as a child process), e2e (the built renderer in Debian's Chromium against the real core through the bridge;
 * needs `npm run build && npm run build:e2e` first, which `npm test` does).
 */
/** `@shared/…` as tsconfig.json's `paths` and the builds resolve it; each project is a config of its own. */
const resolveShared = { alias: { '@shared': resolve(import.meta.dirname, 'shared') } };

export default defineConfig({
  test: {
    // CI also writes the results as JSON, from which .ci/run prints its one "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test/artifacts/vitest.json' },
    projects: [
      { resolve: resolveShared, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      // Core tests read real files and spawn the built CLI: room for a machine busy with other work.
      {
        resolve: resolveShared,
        test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node', testTimeout: 180_000 },
      },
      {
        resolve: resolveShared,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: E2E_TEST_MS,
          hookTimeout: E2E_TEST_MS,
          // Every expect.poll waits for its state up to the one e2e wait (vitest's default is 1 s).
          expect: { poll: { timeout: E2E_WAIT_MS, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
