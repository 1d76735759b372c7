import { defineConfig } from 'vitest/config';

// Most test files wait on something other than the CPU (a git server, a
// child process, Chromium drawing a page), so on a 2-core machine three
// workers finish sooner than vitest's default of cores - 1. Every file makes
// its own workspace, ports (0) and browser profile, so files can run side by
// side; the e2e files included. `VITEST_MAX_WORKERS` overrides it.
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS) || 3;

export default defineConfig({
  test: {
    maxWorkers,
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
