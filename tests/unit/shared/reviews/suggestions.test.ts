import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeReviewRecords } from '../../../../src/shared/reviews/merge';
import { parseReviewFile, reviewFileText } from '../../../../src/shared/reviews/reviewFile';
import type { ReviewRecord } from '../../../../src/shared/reviews/schemas';
import { applySuggestion, deriveSuggestions } from '../../../../src/shared/reviews/suggestions';

const BODY = '## Summary\n\nWe store documents in SQLite. It needs no server.\n';
const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.test` });
const ANCHOR = { section: 'Summary', quote: 'needs no server', prefix: 'SQLite. It ', suffix: '.' };

let n = 0;
const id = (): string => `01JBBBBBBBBBBBBBBBBBBB${String(++n).padStart(4, '0')}`;
const at = (min: number): string => new Date(Date.parse('2026-03-01T09:00:00Z') + min * 60_000).toISOString();
const suggestion = (by: string, replacement: string, min: number): ReviewRecord => ({ id: id(), at: at(min), by: person(by), type: 'suggestion', anchor: ANCHOR, replacement, note: '', revision: 1, bodyHash: 'c53-0' });
const outcome = (suggestionId: string, outcome: 'accepted' | 'declined', min: number): ReviewRecord => ({ id: id(), at: at(min), by: person('Ada'), type: 'suggestion-outcome', suggestionId, outcome });

describe('suggestion records', () => {
  it('read back from the review file exactly as written', () => {
    const s = suggestion('Grace', 'needs no database server', 1);
    const records = [s, outcome(s.id, 'accepted', 2)];
    const parsed = parseReviewFile(reviewFileText('RFC-1', 'Store documents', records));
    expect(parsed).toEqual({ ok: true, records });
  });

  it('a suggestion is open until answered; the first answer stands', () => {
    const s = suggestion('Grace', 'x', 1);
    expect(deriveSuggestions([s], BODY)[0]).toMatchObject({ state: 'open', location: 'found', section: 'Summary' });
    const later = outcome(s.id, 'declined', 5);
    const earlier = outcome(s.id, 'accepted', 3);
    expect(deriveSuggestions([s, later, earlier], BODY)[0]).toMatchObject({ state: 'accepted', decidedAt: earlier.at });
    expect(deriveSuggestions([s], BODY.replace('needs no server', 'is a library'))[0]!.location).toBe('outdated');
  });

  it('applySuggestion replaces the passage where it is now, or says it is gone', () => {
    expect(applySuggestion(`Intro.\n\n${BODY}`, ANCHOR, 'runs in process')).toBe(`Intro.\n\n${BODY.replace('needs no server', 'runs in process')}`);
    expect(applySuggestion(BODY.replace('needs no server', 'is a library'), ANCHOR, 'x')).toBeNull();
    expect(applySuggestion(BODY, { ...ANCHOR, quote: '' }, 'x')).toBeNull();
  });

  it('merge as sets by id whatever the order two laptops add them in (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (sides) => {
        const base: ReviewRecord[] = [];
        const mine: ReviewRecord[] = [];
        const theirs: ReviewRecord[] = [];
        sides.forEach((mineSide, i) => (mineSide ? mine : theirs).push(suggestion(mineSide ? 'Grace' : 'Linus', `r${i}`, i)));
        const merged = mergeReviewRecords(base, mine, theirs);
        expect(merged.map((r) => r.id).sort()).toEqual([...mine, ...theirs].map((r) => r.id).sort());
        expect(mergeReviewRecords(base, theirs, mine)).toEqual(merged);
      }),
    );
  });
});
