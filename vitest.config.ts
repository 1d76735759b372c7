import { defineConfig } from 'vitest/config';
import { HeavyFirstSequencer } from './tests/support/sequencer.ts';

// Most test files wait on something other than the CPU (a git server, a
// child process, Chromium drawing a page), so on a 2-core machine three
// workers finish sooner than vitest's default of cores - 1. Every file makes
// its own workspace, ports (0) and browser profile, so files can run side by
// side; the e2e files included. `VITEST_MAX_WORKERS` overrides it.
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS) || 3;

// Files share their worker's imported modules (`isolate: false`): importing
// the app afresh for every file was a fifth of the suite's time (ADR 0039).
// That holds while no file leaves a changed module or global behind: files
// that change the environment restore it in `finally`/`afterAll`, and the one
// file that replaces a module (vi.mock('electron')) runs isolated.
export const ISOLATED = ['tests/unit/electron/electronMain.test.ts'];

export default defineConfig({
  test: {
    maxWorkers,
    // Heaviest files first, also on a fresh clone that has no durations from an earlier run.
    sequence: { sequencer: HeavyFirstSequencer },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ISOLATED, isolate: false, environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'unit-isolated', include: ISOLATED, environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], isolate: false, environment: 'node', testTimeout: 120_000, hookTimeout: 60_000 } },
      // The slow tier (100+ SIGKILLs of a writer): `npm run test:slow`, which CI runs after `npm test`.
      { test: { name: 'slow', include: ['tests/slow/**/*.test.ts'], environment: 'node', testTimeout: 900_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], isolate: false, environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
