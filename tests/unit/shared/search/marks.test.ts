import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../src/shared/search/ftsQuery';
import { foldToken, markAll, markSnippet, markTerms, type MarkTerm } from '../../../../src/shared/search/marks';
import { HIT_END, HIT_START } from '../../../../src/shared/search/snippet';

const show = (marked: string): string => marked.replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');
const unmark = (marked: string): string => marked.replaceAll(HIT_START, '').replaceAll(HIT_END, '');

/**
 * The first markSnippet, which read every token up to the first hit: the fast
 * one must cut and mark exactly as it did (docs/performance.md, search).
 */
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
const referenceHit = (token: string, terms: readonly MarkTerm[]): boolean => {
  const folded = foldToken(token);
  return terms.some((t) => (t.prefix ? folded.startsWith(t.text) : folded === t.text));
};
function referenceSnippet(text: string, terms: readonly MarkTerm[], maxTokens = 24, lead = 3): string {
  // Reads tokens only until the window after the first hit is full: a long body is not walked to its end.
  type Span = { start: number; end: number; hit: boolean };
  const before: Span[] = [];
  const window: Span[] = [];
  let more = false;
  for (const m of text.matchAll(TOKEN)) {
    const span = { start: m.index, end: m.index + m[0].length, hit: false };
    if (window.length === 0) {
      span.hit = terms.length > 0 && referenceHit(m[0], terms);
      if (!span.hit) {
        before.push(span);
        if (before.length > maxTokens) before.shift();
        continue;
      }
      window.push(...before.slice(-lead), span);
      continue;
    }
    if (window.length >= maxTokens) {
      more = true;
      break;
    }
    span.hit = referenceHit(m[0], terms);
    window.push(span);
  }
  // No hit: the start of the text, unmarked (FTS5 gives the same for a column that did not match).
  const spans = window.length > 0 ? window : [];
  if (spans.length === 0) {
    const head: Span[] = [];
    for (const m of text.matchAll(TOKEN)) {
      if (head.length >= maxTokens) {
        more = true;
        break;
      }
      head.push({ start: m.index, end: m.index + m[0].length, hit: false });
    }
    if (head.length === 0) return '';
    spans.push(...head);
  }
  const first = spans[0]!;
  let out = first.start > 0 && text.slice(0, first.start).match(TOKEN) ? '…' : '';
  let at = first.start;
  for (const span of spans) {
    out += text.slice(at, span.start);
    const token = text.slice(span.start, span.end);
    out += span.hit ? `${HIT_START}${token}${HIT_END}` : token;
    at = span.end;
  }
  return more ? `${out}…` : out + text.slice(at);
}

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

  it('cuts and marks exactly as reading every token up to the first hit did (property, with letters outside ASCII)', () => {
    const words = ['cons', 'Consensus', 'reconsider', 'CONST', 'café', 'Café', 'cafe\u0301', 'Ångström', 'angstrom', 'straße', 'Straße', '𝐀lpha', 'alpha', 'ſtate', 'state', 'KELVIN', 'x1', '42', 'data'];
    const gaps = [' ', ', ', '. ', ' — ', '\n\n', '-', '“', '’s ', '  '];
    const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 120 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    const query = fc.array(fc.constantFrom(...words, 'con', 'caf', 'st', 'zzz'), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, query, fc.boolean(), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 5 }), (t, q, prefix, maxTokens, lead) => {
        const terms = markTerms(toFtsQuery(q, { prefix }));
        expect(show(markSnippet(t, terms, maxTokens, lead))).toBe(show(referenceSnippet(t, terms, maxTokens, lead)));
      }),
      { numRuns: 2000 },
    );
    // A long body whose first hit is near its end, and one without a hit.
    const long = `${'alpha beta gamma, '.repeat(2000)}the consensus held. ${'delta '.repeat(50)}`;
    const terms = markTerms(toFtsQuery('cons', { prefix: true }));
    expect(markSnippet(long, terms)).toBe(referenceSnippet(long, terms));
    expect(markSnippet(long, markTerms('"zzz"'))).toBe(referenceSnippet(long, markTerms('"zzz"')));
  });
});
