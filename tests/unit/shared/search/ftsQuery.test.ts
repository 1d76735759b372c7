import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TERMS, parseRefQuery, toFtsQuery } from '../../../../src/shared/search/ftsQuery';

const typing = (text: string): string => toFtsQuery(text, { prefix: true });

describe('toFtsQuery', () => {
  it('quotes every word and ANDs them', () => {
    expect(toFtsQuery('kubernetes rollout')).toBe('"kubernetes" AND "rollout"');
  });

  it('matches the last word as a prefix while typing, not after a space', () => {
    expect(typing('kubernetes roll')).toBe('"kubernetes" AND "roll"*');
    expect(typing('kubernetes roll ')).toBe('"kubernetes" AND "roll"');
    expect(toFtsQuery('kubernetes roll')).toBe('"kubernetes" AND "roll"');
  });

  it('does not prefix-match a single character (too broad to be useful, and slow)', () => {
    expect(typing('k')).toBe('"k"');
    expect(typing('ku')).toBe('"ku"*');
  });

  it('keeps balanced "phrases" as phrases and never prefixes a closed phrase', () => {
    expect(typing('"cache rollout" plan')).toBe('"cache rollout" AND "plan"*');
    expect(typing('plan "cache rollout"')).toBe('"plan" AND "cache rollout"');
    expect(typing('"cache roll"*')).toBe('"cache roll"*');
  });

  it('treats an unbalanced quote as a separator: plain terms, the last still a prefix', () => {
    expect(typing('"cache roll')).toBe('"cache" AND "roll"*');
    expect(typing('a "b" "c')).toBe('"a" AND "b" AND "c"');
  });

  it('honours OR between terms and NOT / -word exclusions', () => {
    expect(toFtsQuery('postgres OR mysql')).toBe('("postgres" OR "mysql")');
    expect(toFtsQuery('db postgres OR mysql OR sqlite')).toBe('"db" AND ("postgres" OR "mysql" OR "sqlite")');
    expect(toFtsQuery('postgres AND mysql')).toBe('"postgres" AND "mysql"');
    expect(toFtsQuery('cache NOT redis')).toBe('"cache" NOT "redis"');
    expect(toFtsQuery('cache AND -redis')).toBe('"cache" NOT "redis"');
    expect(toFtsQuery('cache -redis -memcached')).toBe('"cache" NOT ("redis" OR "memcached")');
    expect(toFtsQuery('cache layer -"redis cluster"')).toBe('("cache" AND "layer") NOT "redis cluster"');
  });

  it('does not prefix-match the words being excluded, nor the positive words before them', () => {
    expect(typing('cache -red')).toBe('"cache" NOT "red"');
  });

  it('turns a lone or misplaced operator into a plain word', () => {
    expect(toFtsQuery('AND')).toBe('"AND"');
    expect(toFtsQuery('OR')).toBe('"OR"');
    expect(toFtsQuery('NOT')).toBe('"NOT"');
    expect(toFtsQuery('NOT cache')).toBe('"NOT" AND "cache"');
    expect(toFtsQuery('cache OR')).toBe('"cache" AND "OR"');
    expect(toFtsQuery('OR cache')).toBe('"OR" AND "cache"');
    expect(toFtsQuery('cache NOT')).toBe('"cache" AND "NOT"');
    expect(toFtsQuery('NEAR(a b)')).toBe('"NEAR(a" AND "b)"');
  });

  it('searches for the words themselves when the query only excludes', () => {
    expect(toFtsQuery('-redis')).toBe('"redis"');
    expect(toFtsQuery('-"redis cluster"')).toBe('"redis cluster"');
  });

  it('drops what has nothing to search for', () => {
    for (const q of ['', '   ', '-', '*', '(((', '"', '""', '" "', '- * ( ) :', '^', '\u0000']) expect(toFtsQuery(q, { prefix: true })).toBe('');
    expect(toFtsQuery('cache * -')).toBe('"cache"');
  });

  it('keeps punctuation inside a quoted term, where FTS5 cannot read it as syntax', () => {
    expect(toFtsQuery('RFC-12')).toBe('"RFC-12"');
    expect(toFtsQuery('title:cache')).toBe('"title:cache"');
    expect(toFtsQuery('data*')).toBe('"data"*');
    expect(toFtsQuery('café')).toBe('"café"');
  });

  it('in plain mode ignores quotes and operators', () => {
    expect(toFtsQuery('"a b" OR -c d*', { plain: true })).toBe('"a" AND "b" AND "OR" AND "c" AND "d"');
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(toFtsQuery(many).split(' AND ')).toHaveLength(MAX_TERMS);
  });

  it('always yields balanced quotes and parentheses (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.boolean(), fc.boolean(), (s, prefix, plain) => {
        const q = toFtsQuery(s, { prefix, plain });
        const outside = q.replace(/"(?:[^"]|"")*"/g, '');
        expect(outside).not.toContain('"');
        expect(outside.split('(').length).toBe(outside.split(')').length);
        expect(outside.replace(/\b(AND|OR|NOT)\b|[()*\s]/g, '')).toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseRefQuery', () => {
  it('reads a display reference in the ways people type it', () => {
    expect(parseRefQuery('RFC-12')).toEqual({ kind: 'rfc', number: 12 });
    expect(parseRefQuery('rfc 12')).toEqual({ kind: 'rfc', number: 12 });
    expect(parseRefQuery('rfc12')).toEqual({ kind: 'rfc', number: 12 });
    expect(parseRefQuery(' adr-0003 ')).toEqual({ kind: 'adr', number: 3 });
    expect(parseRefQuery('DM #4')).toEqual({ kind: 'matrix', number: 4 });
    expect(parseRefQuery('pm:7')).toEqual({ kind: 'postmortem', number: 7 });
    expect(parseRefQuery('postmortem 7')).toEqual({ kind: 'postmortem', number: 7 });
  });

  it('reads a bare number as that number in any kind', () => {
    expect(parseRefQuery('12')).toEqual({ kind: null, number: 12 });
    expect(parseRefQuery('#12')).toEqual({ kind: null, number: 12 });
  });

  it('returns null for anything else', () => {
    for (const q of ['', 'rfc', 'RFC-', 'RFC-0', '0', 'xyz 12', 'rfc 12 cache', '1234567', '12.5']) expect(parseRefQuery(q)).toBeNull();
  });
});
