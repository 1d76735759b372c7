import { describe, expect, it } from 'vitest';
import { compareFiles, tierOf, type FileFacts } from '../../support/sequencer';

const order = (files: FileFacts[]): string[] => [...files].sort(compareFiles).map((f) => f.path);

describe('the test file order (heaviest first)', () => {
  it('on a fresh clone (no durations) puts the bench smoke files first, then e2e, integration and unit, whatever their size', () => {
    const files: FileFacts[] = [
      { path: 'tests/unit/a.test.ts', size: 9_000 },
      { path: 'tests/integration/sync.test.ts', size: 20_000 },
      { path: 'tests/integration/bench/smoke-typing.test.ts', size: 80 },
      { path: 'tests/e2e/rfcJourney.test.ts', size: 12_000 },
      { path: 'tests/e2e/accessibility-reading.test.ts', size: 900 },
      { path: 'tests/unit/b.test.ts', size: 30_000 },
    ];
    expect(order(files)).toEqual([
      'tests/integration/bench/smoke-typing.test.ts',
      'tests/e2e/accessibility-reading.test.ts',
      'tests/e2e/rfcJourney.test.ts',
      'tests/integration/sync.test.ts',
      'tests/unit/b.test.ts',
      'tests/unit/a.test.ts',
    ]);
  });

  it('follows the last durations when an earlier run left them', () => {
    const files: FileFacts[] = [
      { path: 'tests/integration/bench/smoke-api-web.test.ts', size: 80, duration: 1_000 },
      { path: 'tests/unit/slow.test.ts', size: 100, duration: 9_000 },
      { path: 'tests/e2e/xss.test.ts', size: 100, duration: 5_000 },
    ];
    expect(order(files)).toEqual(['tests/unit/slow.test.ts', 'tests/e2e/xss.test.ts', 'tests/integration/bench/smoke-api-web.test.ts']);
  });

  it('knows every folder of tests/ and puts an unknown path last', () => {
    expect(tierOf('tests/integration/bench/smoke-sync.test.ts')).toBeLessThan(tierOf('tests/e2e/accessibility-keyboard.test.ts'));
    expect(tierOf('tests/e2e/accessibility-keyboard.test.ts')).toBeLessThan(tierOf('tests/e2e/modals.test.ts'));
    expect(tierOf('tests/e2e/modals.test.ts')).toBeLessThan(tierOf('tests/integration/cli.test.ts'));
    expect(tierOf('tests/integration/cli.test.ts')).toBeLessThan(tierOf('tests/unit/x.test.ts'));
    expect(tierOf('tests/unit/x.test.ts')).toBeLessThan(tierOf('elsewhere/x.test.ts'));
  });
});
