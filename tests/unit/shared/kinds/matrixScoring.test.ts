import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatrixFields, Rating } from '../../../../src/shared/kinds/matrix';
import { formatPercent, formatRank, normaliseWeights, ratingValue, scoreMatrix } from '../../../../src/shared/kinds/matrixScoring';

type Grid = Pick<MatrixFields, 'criteria' | 'options' | 'ratings'>;

/** criteria: [name, weight]; rows: one rating per option, in option order. */
function grid(criteria: [string, number][], options: string[], rows: (Rating | null)[][]): Grid {
  const ratings: Grid['ratings'] = {};
  criteria.forEach(([name], ci) => {
    ratings[name] = {};
    options.forEach((o, oi) => {
      const r = rows[ci]?.[oi] ?? null;
      if (r !== null) ratings[name]![o] = { rating: r, note: '' };
    });
  });
  return { criteria: criteria.map(([id, weight]) => ({ id, name: id, weight })), options: options.map((id) => ({ id, name: id })), ratings };
}

const byId = (g: Grid) => Object.fromEntries(scoreMatrix(g).options.map((s) => [s.optionId, s]));

describe('ratingValue', () => {
  it('maps both scales to 0..1 and anything else to "not rated"', () => {
    expect([ratingValue('good'), ratingValue('partial'), ratingValue('poor')]).toEqual([1, 0.5, 0]);
    expect([1, 2, 3, 4, 5].map((v) => ratingValue(v as Rating))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ratingValue(null)).toBeNull();
    expect(ratingValue(undefined)).toBeNull();
    expect(ratingValue(6 as Rating)).toBeNull();
    expect(ratingValue('great' as Rating)).toBeNull();
  });
});

describe('normaliseWeights', () => {
  it('scales weights to sum to 1', () => {
    const { weights, weighting } = normaliseWeights([
      { id: 'a', name: '', weight: 3 },
      { id: 'b', name: '', weight: 1 },
    ]);
    expect(weighting).toBe('weighted');
    expect(weights).toEqual({ a: 0.75, b: 0.25 });
  });

  it('counts criteria equally when every weight is 0, and says so', () => {
    const { weights, weighting } = normaliseWeights([
      { id: 'a', name: '', weight: 0 },
      { id: 'b', name: '', weight: 0 },
    ]);
    expect(weighting).toBe('equal-all-zero');
    expect(weights).toEqual({ a: 0.5, b: 0.5 });
  });

  it('has nothing to weigh without criteria', () => {
    expect(normaliseWeights([])).toEqual({ weights: {}, weighting: 'no-criteria' });
  });

  it('treats negative, NaN and infinite weights as 0 and survives huge ones', () => {
    const { weights } = normaliseWeights([
      { id: 'a', name: '', weight: -5 },
      { id: 'b', name: '', weight: NaN },
      { id: 'c', name: '', weight: Infinity },
      { id: 'd', name: '', weight: Number.MAX_VALUE },
      { id: 'e', name: '', weight: Number.MAX_VALUE },
    ]);
    expect(weights).toEqual({ a: 0, b: 0, c: 0, d: 0.5, e: 0.5 });
  });
});

describe('scoreMatrix', () => {
  it('computes weighted totals and ranks best first', () => {
    const g = grid(
      [
        ['latency', 3],
        ['cost', 1],
      ],
      ['pg', 'mysql', 'sqlite'],
      [
        ['good', 'partial', 'poor'],
        ['poor', 'partial', 'good'],
      ],
    );
    const s = scoreMatrix(g);
    expect(s.options.map((o) => [o.optionId, o.total, o.rank, o.tied, o.leader])).toEqual([
      ['pg', 0.75, 1, false, true],
      ['mysql', 0.5, 2, false, false],
      ['sqlite', 0.25, 3, false, false],
    ]);
    expect(s.ranking.map((o) => o.optionId)).toEqual(['pg', 'mysql', 'sqlite']);
    expect(s.leaders).toEqual(['pg']);
  });

  it('changes the ranking when a weight changes', () => {
    const rows: Rating[][] = [
      ['good', 'poor'],
      ['poor', 'good'],
    ];
    expect(scoreMatrix(grid([['a', 3], ['b', 1]], ['x', 'y'], rows)).leaders).toEqual(['x']);
    expect(scoreMatrix(grid([['a', 1], ['b', 3]], ['x', 'y'], rows)).leaders).toEqual(['y']);
  });

  it('scores the 1-5 scale as (v - 1) / 4', () => {
    const s = byId(grid([['a', 1], ['b', 1]], ['x'], [[5], [2]]));
    expect(s.x!.total).toBe(0.625);
  });

  it('shares a rank between equal totals and skips the next one (1, 1, 3)', () => {
    const s = scoreMatrix(grid([['a', 1]], ['x', 'y', 'z'], [['good', 'good', 'partial']]));
    expect(s.options.map((o) => [o.rank, o.tied, o.leader])).toEqual([
      [1, true, true],
      [1, true, true],
      [3, false, false],
    ]);
    expect(s.leaders).toEqual(['x', 'y']);
  });

  it('sees through float noise: 0.1 + 0.2 ties with 0.3', () => {
    // x: good on weights 1 and 2; y: good on weight 3 -> both 0.5 of total 6, summed in different orders.
    const g = grid(
      [
        ['a', 0.1],
        ['b', 0.2],
        ['c', 0.3],
      ],
      ['x', 'y'],
      [
        ['good', 'poor'],
        ['good', 'poor'],
        ['poor', 'good'],
      ],
    );
    const s = scoreMatrix(g);
    expect(s.options[0]!.total).toBe(s.options[1]!.total);
    expect(s.options.every((o) => o.rank === 1 && o.tied)).toBe(true);
  });

  it('counts empty cells as 0 and reports them', () => {
    const s = scoreMatrix(grid([['a', 1], ['b', 1]], ['x', 'y'], [['good', null], [null, null]]));
    expect(byId(grid([['a', 1], ['b', 1]], ['x', 'y'], [['good', null], [null, null]])).x).toMatchObject({ total: 0.5, rated: 1, empty: 1 });
    expect(s.options[1]).toMatchObject({ total: 0, rated: 0, empty: 2, rank: 2, leader: false });
    expect(s.ratedCells).toBe(1);
    expect(s.emptyCells).toBe(3);
  });

  it('has no leader while nothing is rated, though every option ties', () => {
    const s = scoreMatrix(grid([['a', 1]], ['x', 'y'], []));
    expect(s.leaders).toEqual([]);
    expect(s.options.map((o) => [o.total, o.rank, o.tied, o.leader])).toEqual([
      [0, 1, true, false],
      [0, 1, true, false],
    ]);
  });

  it('uses equal weights when all weights are 0', () => {
    const s = scoreMatrix(grid([['a', 0], ['b', 0]], ['x', 'y'], [['good', 'poor'], ['good', 'good']]));
    expect(s.weighting).toBe('equal-all-zero');
    expect(s.options.map((o) => o.total)).toEqual([1, 0.5]);
  });

  it('ignores a zero-weight criterion in the total but still counts its cells', () => {
    const s = byId(grid([['a', 1], ['b', 0]], ['x'], [['partial'], ['good']]));
    expect(s.x).toMatchObject({ total: 0.5, rated: 2, empty: 0 });
  });

  it('handles no criteria, no options, and ratings of removed rows or columns', () => {
    expect(scoreMatrix({ criteria: [], options: [], ratings: {} })).toMatchObject({ options: [], leaders: [], ratedCells: 0, emptyCells: 0 });
    const noCriteria = scoreMatrix({ criteria: [], options: [{ id: 'x', name: 'X' }], ratings: { gone: { x: { rating: 'good', note: '' } } } });
    expect(noCriteria.options[0]).toMatchObject({ total: 0, rated: 0, empty: 0, rank: 1, leader: false });
    const orphan = byId({ criteria: [{ id: 'a', name: 'A', weight: 1 }], options: [{ id: 'x', name: 'X' }], ratings: { a: { gone: { rating: 'good', note: '' } } } });
    expect(orphan.x).toMatchObject({ total: 0, rated: 0, empty: 1 });
  });

  it('gives a single rated option rank 1 without a tie', () => {
    expect(scoreMatrix(grid([['a', 1]], ['x'], [['poor']])).options[0]).toMatchObject({ rank: 1, tied: false, leader: true, total: 0 });
  });
});

const ratingArb = fc.constantFrom<Rating | null>(null, 'good', 'partial', 'poor', 1, 2, 3, 4, 5);
const weightArb = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, 1, 2, 3, 1e308, -1, Infinity, NaN), fc.integer({ min: 0, max: 1000 }));

const matrixArb = fc
  .record({ nc: fc.integer({ min: 0, max: 6 }), no: fc.integer({ min: 0, max: 6 }) })
  .chain(({ nc, no }) =>
    fc.record({
      weights: fc.array(weightArb, { minLength: nc, maxLength: nc }),
      cells: fc.array(fc.array(ratingArb, { minLength: no, maxLength: no }), { minLength: nc, maxLength: nc }),
      no: fc.constant(no),
    }),
  )
  .map(({ weights, cells, no }) => {
    const options = Array.from({ length: no }, (_, i) => `o${i}`);
    return grid(
      weights.map((w, i) => [`c${i}`, w]),
      options,
      cells,
    );
  });

describe('scoreMatrix properties', () => {
  it('never yields NaN or Infinity, and totals stay within 0..1', () => {
    fc.assert(
      fc.property(matrixArb, (g) => {
        const s = scoreMatrix(g);
        for (const o of s.options) {
          expect(Number.isFinite(o.total)).toBe(true);
          expect(o.total).toBeGreaterThanOrEqual(0);
          expect(o.total).toBeLessThanOrEqual(1);
          expect(o.rated + o.empty).toBe(g.criteria.length);
        }
        for (const w of Object.values(s.weights)) expect(Number.isFinite(w)).toBe(true);
        if (g.criteria.length) expect(Object.values(s.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('ranks agree with totals: higher total, better rank; equal total, same rank', () => {
    fc.assert(
      fc.property(matrixArb, (g) => {
        const s = scoreMatrix(g).options;
        for (const a of s) {
          expect(a.rank).toBe(1 + s.filter((b) => b.total > a.total).length);
          expect(a.tied).toBe(s.filter((b) => b.total === a.total).length > 1);
          for (const b of s) {
            if (a.total > b.total) expect(a.rank).toBeLessThan(b.rank);
            if (a.total === b.total) expect(a.rank).toBe(b.rank);
          }
        }
        const ranking = scoreMatrix(g).ranking;
        for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1]!.rank).toBeLessThanOrEqual(ranking[i]!.rank);
      }),
    );
  });

  it('reordering options does not change any option\'s score', () => {
    fc.assert(
      fc.property(
        matrixArb.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g.options, { minLength: g.options.length, maxLength: g.options.length }))),
        ([g, shuffled]) => {
          const before = byId(g);
          const after = byId({ ...g, options: shuffled });
          for (const id of Object.keys(before)) {
            const { optionId: _a, ...b } = before[id]!;
            const { optionId: _b, ...a } = after[id]!;
            expect(a).toEqual(b);
          }
        },
      ),
    );
  });

  it('reordering criteria does not change the ranking', () => {
    fc.assert(
      fc.property(
        matrixArb.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g.criteria, { minLength: g.criteria.length, maxLength: g.criteria.length }))),
        ([g, shuffled]) => {
          const ranks = (x: Grid) => scoreMatrix(x).options.map((o) => o.rank);
          expect(ranks({ ...g, criteria: shuffled })).toEqual(ranks(g));
        },
      ),
    );
  });

  it('scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 1, max: 100 }), (g, k) => {
        const scaled = { ...g, criteria: g.criteria.map((c) => ({ ...c, weight: Number.isFinite(c.weight) && c.weight > 0 && c.weight < 1e300 ? c.weight * k : c.weight })) };
        const t = (x: Grid) => scoreMatrix(x).options.map((o) => o.total);
        t(scaled).forEach((v, i) => expect(v).toBeCloseTo(t(g)[i]!, 8));
      }),
    );
  });
});

describe('formatting', () => {
  it('shows totals as percentages with at most one decimal', () => {
    expect(formatPercent(0.725)).toBe('72.5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(NaN)).toBe('0%');
  });

  it('names ranks as people say them, ties included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map((r) => formatRank(r, false))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st',
    ]);
    expect(formatRank(1, true)).toBe('tied 1st');
  });
});
