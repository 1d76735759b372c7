import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTS } from '../../../bench/bench';
import { FIGURES_BY_PART } from '../../support/benchSmoke';

const SMOKE_DIR = path.resolve('tests/integration/bench');

/** The parts each smoke file runs: the string literals in its `benchSmoke([...])` call. */
function smokeParts(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of fs.readdirSync(SMOKE_DIR).filter((n) => n.endsWith('.test.ts'))) {
    const call = /benchSmoke\(\[([^\]]*)\]\)/.exec(fs.readFileSync(path.join(SMOKE_DIR, f), 'utf8'));
    out.set(f, call ? [...call[1]!.matchAll(/'([a-z]+)'/g)].map((m) => m[1]!) : []);
  }
  return out;
}

describe('the bench smoke test files', () => {
  it('run every part of npm run bench exactly once between them', () => {
    const all = [...smokeParts().values()].flat();
    expect([...all].sort()).toEqual([...PARTS].sort());
  });

  it('know the figures of every part, each figure in one part only', () => {
    expect(Object.keys(FIGURES_BY_PART).sort()).toEqual([...PARTS].sort());
    const figures = Object.values(FIGURES_BY_PART).flat();
    expect(new Set(figures).size).toBe(figures.length);
  });
});
