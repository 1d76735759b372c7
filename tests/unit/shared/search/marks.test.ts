import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../src/shared/search/ftsQuery';
import { foldToken, markAll, markSnippet, markTerms } from '../../../../src/shared/search/marks';
import { HIT_END, HIT_START } from '../../../../src/shared/search/snippet';

const show = (marked: string): string => marked.replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');
const unmark = (marked: string): string => marked.replaceAll(HIT_START, '').replaceAll(HIT_END, '');

describe('marks for broad queries', () => {
  it('reads the terms of the expressions toFtsQuery makes: phrases, prefixes, and nothing after NOT', () => {
    expect(markTerms(toFtsQuery('cons', { prefix: true }))).toEqual([{ text: 'cons', prefix: true }]);
    expect(markTerms(toFtsQuery('"rate limit" Café', {}))).toEqual([
      { text: 'rate', prefix: false },
      { text: 'limit', prefix: false },
      { text: 'cafe', prefix: false },
    ]);
    expect(markTerms(toFtsQuery('cache -redis', { prefix: true }))).toEqual([{ text: 'cache', prefix: false }]);
    expect(markTerms(toFtsQuery('a OR b "say ""hi"""', {}))).toEqual([
      { text: 'a', prefix: false },
      { text: 'b', prefix: false },
      { text: 'say', prefix: false },
      { text: 'hi', prefix: false },
    ]);
  });

  it('marks whole tokens as the index folds them (case, diacritics), prefixes only at the start', () => {
    const terms = markTerms(toFtsQuery('cons', { prefix: true }));
    expect(show(markAll('Consensus, reconsider; CONSTRAINTS and cons.', terms))).toBe('[Consensus], reconsider; [CONSTRAINTS] and [cons].');
    expect(show(markAll('Un café crème', markTerms(toFtsQuery('cafe creme', {}))))).toBe('Un [café] [crème]');
    expect(foldToken('Ångström')).toBe('angstrom');
  });

  it('cuts a snippet around the first hit, with … where it was cut', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[30] = 'target';
    const marked = markSnippet(words.join(' '), markTerms('"target"'), 10);
    expect(show(marked)).toBe('…w27 w28 w29 [target] w31 w32 w33 w34 w35 w36…');
    expect(markSnippet('short text, no hit', markTerms('"zzz"'), 10)).toBe('short text, no hit');
  });

  it('never changes the text: unmarked, a mark is the text it was given; a snippet a piece of it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ minLength: 1, maxLength: 12 }), (text, q) => {
        const expression = toFtsQuery(q, { prefix: true });
        const terms = markTerms(expression);
        expect(unmark(markAll(text, terms))).toBe(text);
        const snippet = unmark(markSnippet(text, terms, 8)).replace(/^…/, '').replace(/…$/, '');
        expect(text).toContain(snippet);
        // Marks come in pairs around a token that matches a term.
        for (const m of markAll(text, terms).matchAll(new RegExp(`${HIT_START}([^${HIT_END}]*)${HIT_END}`, 'g'))) {
          const t = foldToken(m[1]!);
          expect(terms.some((x) => (x.prefix ? t.startsWith(x.text) : t === x.text))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
