import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/shared/document';
import { documentToMarkdown } from '../../../../src/shared/format/documentMarkdown';
import { parseDocument } from '../../../../src/shared/format/parseDocument';
import { normalizeFields } from '../../../../src/shared/kinds/fields';
import { MatrixFieldsSchema, type MatrixFields, type Rating } from '../../../../src/shared/kinds/matrix';
import { setCell, setCriterionScoring } from '../../../../src/shared/kinds/matrixEdits';
import { cellScores, closeCall, parseMatrixValue, scoreMatrix, sensitivity, sensitivitySentence } from '../../../../src/shared/kinds/matrixScoring';

type Grid = Pick<MatrixFields, 'criteria' | 'options' | 'ratings'>;

/** The playbook's section 2.3 matrix as printed: ACID 3, Scale 2, Team experience 2, Cost 1 as $$ / $$ / $$$ (lower is better). */
function playbookMatrix(): MatrixFields {
  return MatrixFieldsSchema.parse({
    scale: 'good-partial-poor',
    criteria: [
      { id: 'acid', name: 'ACID', weight: 3 },
      { id: 'scale', name: 'Scale', weight: 2 },
      { id: 'team', name: 'Team experience', weight: 2 },
      { id: 'cost', name: 'Cost', weight: 1, scoring: 'lower-is-better' },
    ],
    options: [
      { id: 'pg', name: 'PostgreSQL' },
      { id: 'mongo', name: 'MongoDB' },
      { id: 'dynamo', name: 'DynamoDB' },
    ],
    ratings: {
      acid: { pg: { rating: 'good' }, mongo: { rating: 'partial', note: 'v4+' }, dynamo: { rating: 'partial' } },
      scale: { pg: { rating: 'partial' }, mongo: { rating: 'good' }, dynamo: { rating: 'good' } },
      team: { pg: { rating: 'good' }, mongo: { rating: 'poor' }, dynamo: { rating: 'poor' } },
      cost: { pg: { value: '$$' }, mongo: { value: '$$' }, dynamo: { value: '$$$' } },
    },
  });
}

const names: Record<string, string> = { acid: 'ACID', scale: 'Scale', team: 'Team experience', cost: 'Cost', pg: 'PostgreSQL', mongo: 'MongoDB', dynamo: 'DynamoDB' };

describe('raw values of a value criterion', () => {
  it('reads price tiers as their count of signs and numbers with a currency or a unit', () => {
    expect(['$', '$$', '$$$', '$$$$', '€€', '££££'].map(parseMatrixValue)).toEqual([1, 2, 3, 4, 2, 4]);
    expect(['120', '120 ms', '4.5', '$1,200', '1 200 EUR', '99%', ' 7 '].map(parseMatrixValue)).toEqual([120, 120, 4.5, 1200, 1200, 99, 7]);
    expect(['', 'cheap', '$€', '-5', '1e9', '$$$$$$$$$$$', '1..2', null, undefined].map(parseMatrixValue)).toEqual(Array(9).fill(null));
  });

  it('reads any text a teammate’s file holds without throwing: null, or a finite number at least 0', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[$€£¥]{0,12}\s?[\d,._ ]{0,20}\s?[a-z%µ]{0,14}$/)), (text) => {
        const v = parseMatrixValue(text);
        expect(v === null || (Number.isFinite(v) && v >= 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('normalises lower-is-better as best / value and higher-is-better as value / best', () => {
    const f = playbookMatrix();
    expect(cellScores(f).cost).toEqual({ pg: 1, mongo: 1, dynamo: 2 / 3 });
    const hi = setCriterionScoring(f, 'cost', 'higher-is-better');
    expect(cellScores(hi).cost).toEqual({ pg: 2 / 3, mongo: 2 / 3, dynamo: 1 });
    const ms = setCell(setCell(setCell(f, 'cost', 'pg', { value: '100 ms' }), 'cost', 'mongo', { value: '150 ms' }), 'cost', 'dynamo', { value: 'fast' });
    expect(cellScores(ms).cost).toEqual({ pg: 1, mongo: 100 / 150, dynamo: null });
    const free = setCell(f, 'cost', 'pg', { value: '0' });
    expect(cellScores(free).cost).toEqual({ pg: 1, mongo: 0, dynamo: 0 });
  });

  it('keeps every normalised value within 0..1, the best at 1, and the order of the raw values', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }), { minLength: 1, maxLength: 8 }), fc.boolean(), (values, lower) => {
        const options = values.map((_, i) => ({ id: `o${i}`, name: '' }));
        const ratings: Grid['ratings'] = { c: {} };
        values.forEach((v, i) => v !== null && (ratings.c![`o${i}`] = { rating: null, note: '', value: String(v) }));
        const s = cellScores({ criteria: [{ id: 'c', name: '', weight: 1, scoring: lower ? 'lower-is-better' : 'higher-is-better' }], options, ratings }).c!;
        const present = values.map((v, i) => [v, s[`o${i}`]] as const).filter(([v]) => v !== null) as [number, number][];
        for (const [, x] of present) expect(x >= 0 && x <= 1).toBe(true);
        for (const [a, x] of present) for (const [b, y] of present) if (a < b) expect(lower ? x >= y : x <= y).toBe(true);
        if (present.length && present.some(([v]) => v > 0)) expect(Math.max(...present.map(([, x]) => x))).toBe(1);
      }),
    );
  });
});

describe("the playbook's matrix", () => {
  it('ranks PostgreSQL first, and says which single weight change would end it', () => {
    const f = playbookMatrix();
    const score = scoreMatrix(f);
    expect(score.ranking.map((s) => [s.optionId, Math.round(s.total * 1000) / 10])).toEqual([
      ['pg', 87.5],
      ['mongo', 56.3],
      ['dynamo', 52.1],
    ]);
    const s = sensitivity(f)!;
    expect(s.flip).toEqual({ criterionId: 'scale', direction: 'rises', threshold: 7, overtakerId: 'mongo' });
    const text = sensitivitySentence(s, (id) => names[id]!, (id) => names[id]!, (id) => f.criteria.find((c) => c.id === id)!.weight);
    expect(text).toBe('PostgreSQL stays first unless Scale’s weight rises above 7 (now 2); then MongoDB leads.');
    expect(closeCall(score, 5)).toBeNull();
    expect(closeCall(score, 40)).toEqual({ firstId: 'pg', secondId: 'mongo', gapPoints: 31.3, margin: 40 });
  });

  it('says so when no single weight change can change the first place', () => {
    const f = MatrixFieldsSchema.parse({
      criteria: [{ id: 'a', name: 'A', weight: 1 }, { id: 'b', name: 'B', weight: 1 }],
      options: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }],
      ratings: { a: { x: { rating: 'good' }, y: { rating: 'poor' } }, b: { x: { rating: 'good' }, y: { rating: 'partial' } } },
    });
    const s = sensitivity(f)!;
    expect(s.flip).toBeNull();
    expect(sensitivitySentence(s, (id) => id, (id) => id, () => 1)).toBe('x stays first whatever weight any one criterion is given: no single weight change can change the first place.');
  });

  it('has nothing to say about a tie or a matrix whose weights are all 0', () => {
    const f = playbookMatrix();
    expect(sensitivity({ ...f, criteria: f.criteria.map((c) => ({ ...c, weight: 0 })) })).toBeNull();
    const tie = setCell(setCell(f, 'team', 'mongo', { rating: 'good' }), 'scale', 'pg', { rating: 'good' });
    expect(scoreMatrix({ ...tie, options: tie.options.slice(0, 2), ratings: { ...tie.ratings, acid: { pg: { rating: 'good', note: '' }, mongo: { rating: 'good', note: '' } } } }).leaders).toHaveLength(2);
  });
});

const ratingArb = fc.constantFrom<Rating | null>(null, 'good', 'partial', 'poor');
const gridArb: fc.Arbitrary<Grid> = fc
  .record({ nc: fc.integer({ min: 1, max: 5 }), no: fc.integer({ min: 2, max: 5 }) })
  .chain(({ nc, no }) =>
    fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: nc, maxLength: nc }),
      kinds: fc.array(fc.constantFrom('rating', 'lower-is-better', 'higher-is-better') as fc.Arbitrary<'rating' | 'lower-is-better' | 'higher-is-better'>, { minLength: nc, maxLength: nc }),
      cells: fc.array(fc.array(fc.tuple(ratingArb, fc.option(fc.integer({ min: 1, max: 100 }), { nil: null })), { minLength: no, maxLength: no }), { minLength: nc, maxLength: nc }),
    }),
  )
  .map(({ weights, kinds, cells }) => {
    const options = cells[0]!.map((_, i) => ({ id: `o${i}`, name: `O${i}` }));
    const criteria = weights.map((weight, i) => ({ id: `c${i}`, name: `C${i}`, weight, ...(kinds[i] === 'rating' ? {} : { scoring: kinds[i] }) }));
    const ratings: Grid['ratings'] = {};
    cells.forEach((row, ci) => {
      ratings[`c${ci}`] = {};
      row.forEach(([r, v], oi) => (ratings[`c${ci}`]![`o${oi}`] = { rating: r, note: '', ...(v === null ? {} : { value: String(v) }) }));
    });
    return { criteria, options, ratings };
  });

const withWeight = (g: Grid, id: string, weight: number): Grid => ({ ...g, criteria: g.criteria.map((c) => (c.id === id ? { ...c, weight } : c)) });
const soleLeader = (g: Grid): string | null => {
  const l = scoreMatrix(g).leaders;
  return l.length === 1 ? l[0]! : null;
};

describe('sensitivity when several rivals draw level at once', () => {
  it('names the rival that leads past the threshold, not the first one found (CI seed -2099423752)', () => {
    const cell = (rating: Rating | null) => ({ rating, note: '' });
    const g: Grid = {
      criteria: [
        { id: 'c0', name: 'C0', weight: 0 },
        { id: 'c1', name: 'C1', weight: 1 },
      ],
      options: ['o2', 'o3', 'o4'].map((id) => ({ id, name: id.toUpperCase() })),
      ratings: {
        c0: { o2: cell('partial'), o3: cell('good'), o4: cell(null) },
        c1: { o2: cell('partial'), o3: cell(null), o4: cell('good') },
      },
    };
    const s = sensitivity(g)!;
    expect(s.leaderId).toBe('o4');
    // At C0 = 1 all three stand at 50%; above it O3 gains fastest and leads alone.
    expect(s.flip).toMatchObject({ criterionId: 'c0', direction: 'rises', overtakerId: 'o3' });
    expect(s.flip!.threshold).toBeCloseTo(1, 9);
    expect(soleLeader(withWeight(g, 'c0', 1.01))).toBe('o3');
  });
});

describe('sensitivity, as properties', () => {
  it('the reported weight change ends the first place, and any smaller change of that weight does not', () => {
    fc.assert(
      fc.property(gridArb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (g, frac) => {
        const s = sensitivity(g);
        fc.pre(s !== null && s.flip !== null);
        const { criterionId, threshold, direction, overtakerId } = s!.flip!;
        const now = g.criteria.find((c) => c.id === criterionId)!.weight;
        const step = Math.max(1e-6, Math.abs(threshold - now) * 1e-3);
        const past = direction === 'rises' ? threshold + step : threshold - step;
        fc.pre(past >= 0);
        const after = scoreMatrix(withWeight(g, criterionId, past));
        expect(after.leaders).toContain(overtakerId);
        expect(after.leaders).not.toEqual([s!.leaderId]);
        // Part of the way there, the leader is still first and alone.
        expect(soleLeader(withWeight(g, criterionId, now + (threshold - now) * frac))).toBe(s!.leaderId);
      }),
      { numRuns: 300 },
    );
  });

  it('no change of any single weight over a grid of values ends the first place sooner than the reported one', () => {
    fc.assert(
      fc.property(gridArb, (g) => {
        const s = sensitivity(g);
        fc.pre(s !== null);
        const limit = s!.flip ? Math.abs(s!.flip.threshold - g.criteria.find((c) => c.id === s!.flip!.criterionId)!.weight) : Infinity;
        for (const c of g.criteria) {
          for (const w of [0.01, 0.5, 1, 2, 3, 5, 8, 13, 21, 50, 100, 500, 999]) {
            if (Math.abs(w - c.weight) >= limit * (1 - 1e-9)) continue;
            if (w === 0 && g.criteria.every((o) => o.id === c.id || o.weight === 0)) continue;
            expect(soleLeader(withWeight(g, c.id, w))).toBe(s!.leaderId);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('matrix fields in the file', () => {
  const doc = (fields: Record<string, unknown>): Document => ({
    id: '01JDQ5C0000000000000000007',
    kind: 'matrix',
    number: 3,
    title: 'Database for orders',
    status: 'decided',
    body: '## Context\n\nWhy.\n',
    fields,
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T11:00:00.000Z',
    revision: 1,
    createdBy: { name: 'Ada', email: 'ada@example.com' },
  });

  it('round-trips raw values, value criteria, the close-call margin and the revisit date, and shows the marks on a git host', () => {
    const fields = { ...playbookMatrix(), closeCallMargin: 7.5, revisitWhen: 'at 100K users', revisitOn: '2027-06-01' };
    const md = documentToMarkdown(doc(fields));
    const r = parseDocument('decisions/0003-x.md', md);
    if (!r.ok) throw new Error(r.reason);
    expect(r.doc.fields).toEqual(fields);
    expect(md).toContain('| Criterion | Weight | PostgreSQL | MongoDB | DynamoDB |');
    expect(md).toContain('| ACID | 3 | ✅ | ⚠️ (v4+) | ⚠️ |');
    expect(md).toContain('| Team experience | 2 | ✅ | ❌ | ❌ |');
    expect(md).toContain('| Cost (lower is better) | 1 | $$ | $$ | $$$ |');
    expect(md).toContain('PostgreSQL stays first unless Scale’s weight rises above 7 (now 2); then MongoDB leads.');
    expect(md).toContain('Revisit on 2027-06-01.');
  });

  it('reads a file written before these fields unchanged, and writes it back byte for byte', () => {
    const old = { author: 'Ada', scale: 'good-partial-poor', requirements: [], criteria: [{ id: 'c1', name: 'Cost', weight: 1 }], options: [{ id: 'o1', name: 'A' }], ratings: { c1: { o1: { rating: 'good', note: '$$' } } }, decision: '', rationale: '', revisitWhen: '' };
    const fields = normalizeFields('matrix', old);
    expect(fields).toEqual(old);
    const md = documentToMarkdown(doc(old));
    const r = parseDocument('decisions/0003-x.md', md);
    if (!r.ok) throw new Error(r.reason);
    expect(documentToMarkdown(doc(r.doc.fields))).toBe(md);
  });

  it('refuses a bad revisit date, margin or scoring, as it does from sync or the API', () => {
    expect(() => normalizeFields('matrix', { revisitOn: '2027-02-30' })).toThrow(/revisitOn.*YYYY-MM-DD/);
    expect(() => normalizeFields('matrix', { closeCallMargin: -1 })).toThrow(/closeCallMargin/);
    expect(() => normalizeFields('matrix', { criteria: [{ id: 'c', scoring: 'cheapest' }] })).toThrow(/scoring/);
    expect(() => normalizeFields('matrix', { ratings: { c: { o: { value: 'x'.repeat(41) } } } })).toThrow(/value/);
    expect(normalizeFields('matrix', { ratings: { c: { o: { value: 120 } } } })).toMatchObject({ ratings: { c: { o: { value: '120' } } } });
  });
});
