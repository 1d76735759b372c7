import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RepoDocument } from '../../../../src/shared/format/parseDocument';
import { MARK_MINE, MARK_THEIRS, mergeDocument, mergeText, sameContent, stableJson } from '../../../../src/shared/sync/mergeDocument';

const BASE: RepoDocument = {
  id: '01J9Z8Q6W3V4X5Y6Z7A8B9C0DE',
  kind: 'rfc',
  number: 7,
  title: 'Page cache',
  status: 'draft',
  body: '## Summary\n\nCache pages.\n\n## Motivation\n\nSlow.\n\n## Rollout Plan\n\nFlag.\n',
  fields: { author: 'Ada', reviewers: ['Bob'], extra: { a: 1, b: 2 } },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

const withBody = (from: string, to: string, d: RepoDocument = BASE): RepoDocument => ({ ...d, body: d.body.replace(from, to) });

describe('mergeText', () => {
  it('takes the only side that changed, and merges changes to lines apart', () => {
    expect(mergeText('a\nb\nc\nd\n', 'a\nB\nc\nd\n', 'a\nb\nc\nd\n')).toEqual({ clean: true, text: 'a\nB\nc\nd\n' });
    expect(mergeText('a\nb\nc\nd\n', 'A\nb\nc\nd\n', 'a\nb\nc\nD\n')).toEqual({ clean: true, text: 'A\nb\nc\nD\n' });
  });

  it('treats the same change on both sides as no conflict', () => {
    expect(mergeText('a\nb\nc\n', 'a\nX\nc\n', 'a\nX\nc\n')).toEqual({ clean: true, text: 'a\nX\nc\n' });
  });

  it('keeps both sides of a same-line change between markers', () => {
    const r = mergeText('a\nb\nc\n', 'a\nmine\nc\n', 'a\ntheirs\nc\n');
    expect(r.clean).toBe(false);
    expect(r.text).toBe(`a\n${MARK_MINE}\nmine\n=======\ntheirs\n${MARK_THEIRS}\nc\n`);
  });
});

describe('mergeDocument', () => {
  it('merges different fields and different body parts silently', () => {
    const mine = { ...withBody('Cache pages.', 'Cache pages for 60 s.'), title: 'Page cache at the edge', updatedAt: '2026-01-05T00:00:00.000Z' };
    const theirs = { ...withBody('Flag.', 'Flag, then 100%.'), status: 'in-review', fields: { ...BASE.fields, reviewers: ['Bob', 'Cy'] }, updatedAt: '2026-01-04T00:00:00.000Z' };
    const m = mergeDocument(BASE, mine, theirs);
    expect(m.clean).toBe(true);
    expect(m.merged).toMatchObject({ title: 'Page cache at the edge', status: 'in-review', fields: { reviewers: ['Bob', 'Cy'] }, updatedAt: '2026-01-05T00:00:00.000Z' });
    expect(m.merged.body).toContain('Cache pages for 60 s.');
    expect(m.merged.body).toContain('Flag, then 100%.');
  });

  it('merges keys of an object field one by one (two cells of a matrix)', () => {
    const mine = { ...BASE, fields: { ...BASE.fields, extra: { a: 10, b: 2 } } };
    const theirs = { ...BASE, fields: { ...BASE.fields, extra: { a: 1, b: 20, c: 3 } } };
    expect(mergeDocument(BASE, mine, theirs)).toMatchObject({ clean: true, merged: { fields: { extra: { a: 10, b: 20, c: 3 } } } });
  });

  it('reports a field both sides changed differently, keeping mine in the merged draft', () => {
    const m = mergeDocument(BASE, { ...BASE, title: 'Mine' }, { ...BASE, title: 'Theirs', fields: { ...BASE.fields, extra: { a: 1, b: 3 } } });
    expect(m).toMatchObject({ clean: false, conflictingFields: ['title'], bodyConflict: false, merged: { title: 'Mine', fields: { extra: { a: 1, b: 3 } } } });
    const nested = mergeDocument(BASE, { ...BASE, fields: { ...BASE.fields, extra: { a: 5, b: 2 } } }, { ...BASE, fields: { ...BASE.fields, extra: { a: 6, b: 2 } } });
    expect(nested.conflictingFields).toEqual(['extra.a']);
  });

  it('drops a field removed on one side and unchanged on the other; a removal against a change is a conflict', () => {
    const { extra: _extra, ...withoutExtra } = BASE.fields;
    expect(mergeDocument(BASE, { ...BASE, fields: withoutExtra }, BASE).merged.fields).not.toHaveProperty('extra');
    expect(mergeDocument(BASE, { ...BASE, fields: withoutExtra }, { ...BASE, fields: { ...BASE.fields, extra: 'changed' } }).conflictingFields).toEqual(['extra']);
  });

  it('reports a body conflict with both versions kept', () => {
    const m = mergeDocument(BASE, withBody('Slow.', 'Slow on mobile.'), withBody('Slow.', 'Slow everywhere.'));
    expect(m).toMatchObject({ clean: false, bodyConflict: true, conflictingFields: [] });
    expect(m.merged.body).toContain('Slow on mobile.');
    expect(m.merged.body).toContain('Slow everywhere.');
  });

  it('follows a number the repository changed', () => {
    expect(mergeDocument(BASE, { ...BASE, title: 'x' }, { ...BASE, number: 9 }).merged.number).toBe(9);
  });

  it('never loses an edit: both changes are in the result, merged or between markers (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(lines, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (base, i, j) => {
        const mine: string[] = [...base];
        mine[i] = 'MINE';
        const theirs: string[] = [...base];
        theirs[j] = 'THEIRS';
        const r = mergeText(base.join('\n'), mine.join('\n'), theirs.join('\n'));
        expect(r.text).toContain('MINE');
        expect(r.text).toContain('THEIRS');
        if (r.clean) expect(r.text).not.toContain(MARK_MINE);
      }),
    );
  });

  it('merges changes to distinct lines that are not adjacent cleanly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), (i, j) => {
        fc.pre(Math.abs(i - j) > 1);
        const base = Array.from({ length: 10 }, (_, k) => `line ${k}`);
        const mine = base.map((l, k) => (k === i ? 'MINE' : l));
        const theirs = base.map((l, k) => (k === j ? 'THEIRS' : l));
        const r = mergeText(base.join('\n'), mine.join('\n'), theirs.join('\n'));
        expect(r.clean).toBe(true);
        expect(r.text.split('\n')).toEqual(base.map((l, k) => (k === i ? 'MINE' : k === j ? 'THEIRS' : l)));
      }),
    );
  });
});

describe('helpers', () => {
  it('stableJson ignores key order', () => {
    expect(stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe(stableJson({ a: { c: 2, d: 1 }, b: 1 }));
  });

  it('sameContent ignores timestamps and body spacing', () => {
    expect(sameContent(BASE, { ...BASE, body: `\n\n${BASE.body}\n\n`, updatedAt: null })).toBe(true);
    expect(sameContent(BASE, { ...BASE, status: 'approved' })).toBe(false);
  });
});
