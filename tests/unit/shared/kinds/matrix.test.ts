import { describe, expect, it } from 'vitest';
import { FIELD_SCHEMAS, INITIAL_FIELDS, normalizeFields } from '../../../../src/shared/kinds/fields';
import { convertRating, MATRIX_LIMITS, MatrixFieldsSchema, scaleRatings } from '../../../../src/shared/kinds/matrix';
import { sectionHint, TEMPLATE_SECTIONS, templateBody } from '../../../../src/shared/kinds/templates';
import { splitSections } from '../../../../src/shared/markdown/sections';

const filled = {
  author: 'Ada',
  scale: 'good-partial-poor',
  requirements: ['Runs on-prem'],
  criteria: [
    { id: 'c1', name: 'Latency', weight: 3 },
    { id: 'c2', name: 'Cost', weight: 1 },
  ],
  options: [
    { id: 'o1', name: 'Postgres' },
    { id: 'o2', name: 'SQLite' },
  ],
  ratings: { c1: { o1: { rating: 'good', note: 'v4+' } }, c2: { o2: { rating: 'poor', note: '$$' } } },
  decision: 'Postgres',
  rationale: 'Fast enough and we know it.',
  revisitWhen: 'at 100K users',
};

describe('MatrixFieldsSchema', () => {
  it('parses {} to an empty matrix on the good / partial / poor scale', () => {
    expect(MatrixFieldsSchema.parse({})).toEqual({
      author: '',
      scale: 'good-partial-poor',
      requirements: [],
      criteria: [],
      options: [],
      ratings: {},
      decision: '',
      rationale: '',
      revisitWhen: '',
    });
  });

  it('keeps a filled matrix as it is', () => {
    expect(MatrixFieldsSchema.parse(filled)).toEqual(filled);
  });

  it('fills defaults inside criteria, options and cells', () => {
    const f = MatrixFieldsSchema.parse({ criteria: [{ id: 'c1' }], options: [{ id: 'o1' }], ratings: { c1: { o1: {} } } });
    expect(f.criteria).toEqual([{ id: 'c1', name: '', weight: 1 }]);
    expect(f.options).toEqual([{ id: 'o1', name: '' }]);
    expect(f.ratings).toEqual({ c1: { o1: { rating: null, note: '' } } });
  });

  it('keeps unknown keys, so a field from a newer version survives a save', () => {
    expect(MatrixFieldsSchema.parse({ futureField: { a: 1 } })).toMatchObject({ futureField: { a: 1 } });
  });

  it('reads hand-edited ratings kindly: "Good", "4", "" and "-"', () => {
    const f = MatrixFieldsSchema.parse({
      scale: 'one-to-five',
      ratings: { c1: { o1: { rating: '4' }, o2: { rating: ' 2 ' }, o3: { rating: '' }, o4: { rating: '-' } } },
    });
    expect(f.ratings.c1).toEqual({
      o1: { rating: 4, note: '' },
      o2: { rating: 2, note: '' },
      o3: { rating: null, note: '' },
      o4: { rating: null, note: '' },
    });
    expect(MatrixFieldsSchema.parse({ ratings: { c1: { o1: { rating: 'Good' } } } }).ratings.c1!.o1!.rating).toBe('good');
  });

  it('converts a rating that does not belong to the scale', () => {
    const f = MatrixFieldsSchema.parse({ scale: 'one-to-five', ratings: { c1: { o1: { rating: 'partial' } } } });
    expect(f.ratings.c1!.o1!.rating).toBe(3);
    const g = MatrixFieldsSchema.parse({ scale: 'good-partial-poor', ratings: { c1: { o1: { rating: 4 }, o2: { rating: 2 } } } });
    expect(g.ratings.c1).toEqual({ o1: { rating: 'good', note: '' }, o2: { rating: 'poor', note: '' } });
  });

  it.each([
    ['a negative weight', { criteria: [{ id: 'c1', name: 'x', weight: -1 }] }],
    ['an infinite weight', { criteria: [{ id: 'c1', name: 'x', weight: Infinity }] }],
    ['a weight over the limit', { criteria: [{ id: 'c1', name: 'x', weight: MATRIX_LIMITS.maxWeight + 1 }] }],
    ['a weight that is text', { criteria: [{ id: 'c1', name: 'x', weight: 'heavy' }] }],
    ['an unknown scale', { scale: 'stars' }],
    ['a rating of 6', { ratings: { c1: { o1: { rating: 6 } } } }],
    ['a rating of 2.5', { ratings: { c1: { o1: { rating: 2.5 } } } }],
    ['an unknown rating word', { ratings: { c1: { o1: { rating: 'great' } } } }],
    ['duplicate criterion ids', { criteria: [{ id: 'c1' }, { id: 'c1' }] }],
    ['duplicate option ids', { options: [{ id: 'o1' }, { id: 'o1' }] }],
    ['an id with spaces', { options: [{ id: 'o 1' }] }],
    ['a note that is not short', { ratings: { c1: { o1: { rating: 'good', note: 'x'.repeat(MATRIX_LIMITS.note + 1) } } } }],
    ['too many options', { options: Array.from({ length: MATRIX_LIMITS.options + 1 }, (_, i) => ({ id: `o${i}` })) }],
    ['too many criteria', { criteria: Array.from({ length: MATRIX_LIMITS.criteria + 1 }, (_, i) => ({ id: `c${i}` })) }],
    ['a requirement that is not text', { requirements: [42] }],
  ])('refuses %s', (_, input) => {
    expect(MatrixFieldsSchema.safeParse(input).success).toBe(false);
  });
});

describe('registration', () => {
  it('is the schema the store validates matrices with, and names the bad field', () => {
    expect(FIELD_SCHEMAS.matrix).toBe(MatrixFieldsSchema);
    expect(() => normalizeFields('matrix', { criteria: [{ id: 'c1', weight: -2 }] })).toThrow(/criteria/);
  });

  it('starts a new matrix with its author and an empty grid', () => {
    const fields = normalizeFields('matrix', INITIAL_FIELDS.matrix({ me: { name: 'Ada', email: 'ada@example.com' }, today: '2026-01-02' }));
    expect(fields).toMatchObject({ author: 'Ada', scale: 'good-partial-poor', criteria: [], options: [], ratings: {} });
  });
});

describe('template', () => {
  it('gives the body Context and Notes sections with hints; the grid itself lives in fields', () => {
    expect(TEMPLATE_SECTIONS.matrix.map((s) => s.heading)).toEqual(['Context', 'Notes']);
    const body = templateBody('matrix');
    expect(body).toBe('## Context\n\n## Notes\n\n');
    expect(splitSections(body).filter((s) => s.depth > 0).map((s) => s.heading)).toEqual(['Context', 'Notes']);
    expect(sectionHint('matrix', 'context')).toMatch(/decided/);
    expect(sectionHint('matrix', 'Notes')).toBeTruthy();
  });
});

describe('scales', () => {
  it('lists the ratings of each scale, best first', () => {
    expect(scaleRatings('good-partial-poor').map((r) => r.value)).toEqual(['good', 'partial', 'poor']);
    expect(scaleRatings('one-to-five').map((r) => r.value)).toEqual([5, 4, 3, 2, 1]);
  });

  it('converts between scales: good 5, partial 3, poor 1; 4-5 good, 3 partial, 1-2 poor', () => {
    expect(['good', 'partial', 'poor'].map((r) => convertRating(r as 'good', 'one-to-five'))).toEqual([5, 3, 1]);
    expect([5, 4, 3, 2, 1].map((r) => convertRating(r as 1, 'good-partial-poor'))).toEqual(['good', 'good', 'partial', 'poor', 'poor']);
    expect(convertRating(null, 'one-to-five')).toBeNull();
    expect(convertRating(4, 'one-to-five')).toBe(4);
    expect(convertRating('partial', 'good-partial-poor')).toBe('partial');
  });
});
