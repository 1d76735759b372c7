import { defineConfig } from 'vitest/config';

// Test files run side by side with vitest's default worker count (cores - 1),
// e2e files included: every file makes its own workspace, ports (0) and
// browser profile. On a 2-core machine that is one worker: there the suite is
// CPU-bound (Chromium and git take the second core), and three workers were
// measured slower, not faster (docs/performance.md, "The test suite").
// `VITEST_MAX_WORKERS` sets the count.
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS) || undefined;

export default defineConfig({
  test: {
    ...(maxWorkers ? { maxWorkers } : {}),
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 60_000 } },
      // The slow tier (100+ SIGKILLs of a writer): `npm run test:slow`, which CI runs after `npm test`.
      { test: { name: 'slow', include: ['tests/slow/**/*.test.ts'], environment: 'node', testTimeout: 900_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
