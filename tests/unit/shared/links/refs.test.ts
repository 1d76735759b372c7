import { describe, expect, it } from 'vitest';
import { extractRefs, findRefs, refKey } from '../../../../src/shared/links/refs';

describe('extractRefs', () => {
  it('finds every kind of reference once, in order of first appearance', () => {
    expect(extractRefs('See RFC-12, ADR-3 and DM-1; PM-4 followed RFC-12.')).toEqual([
      { kind: 'rfc', number: 12 },
      { kind: 'adr', number: 3 },
      { kind: 'matrix', number: 1 },
      { kind: 'postmortem', number: 4 },
    ]);
  });

  it('takes references at line starts, in lists, links and punctuation', () => {
    const md = 'RFC-1 starts\n- ADR-2\n(RFC-3) [RFC-4](#x) **DM-5**: "PM-6". RFC-7\'s';
    expect(extractRefs(md).map(refKey)).toEqual(['rfc-1', 'adr-2', 'rfc-3', 'rfc-4', 'matrix-5', 'postmortem-6', 'rfc-7']);
  });

  it('is case-sensitive and word-bounded', () => {
    expect(extractRefs('rfc-1 Rfc-2 XRFC-3 RFC-4x RFC_5 RFC-6-2 RFC-7.5 a/RFC-8 RFC- RFC-0 ADR-1234567')).toEqual([]);
  });

  it('reads leading zeros as the number', () => {
    expect(extractRefs('RFC-0012')).toEqual([{ kind: 'rfc', number: 12 }]);
  });

  it('ignores inline code spans, including multi-backtick ones and spans across lines', () => {
    const md = 'Use `RFC-1` or ``RFC-2 ` x`` but RFC-3; `spans\nRFC-4 lines` and `unclosed RFC-5';
    expect(extractRefs(md).map(refKey)).toEqual(['rfc-3', 'rfc-5']);
  });

  it('ignores fenced code blocks (backticks and tildes, longer closing fences)', () => {
    const md = ['Before RFC-1', '```ts', 'const x = "RFC-2";', '```', '~~~~', 'ADR-3', '~~~~~', 'After ADR-4', '````', 'RFC-5', '```', 'still code RFC-6', '````', 'RFC-7'].join('\n');
    expect(extractRefs(md).map(refKey)).toEqual(['rfc-1', 'adr-4', 'rfc-7']);
  });

  it('ignores fences inside list items and quotes', () => {
    const md = '1. Step\n   ```\n   RFC-9\n   ```\n> ```\n> ADR-9\n> ```\nRFC-10';
    expect(extractRefs(md).map(refKey)).toEqual(['rfc-10']);
  });

  it('treats an unterminated fence as code to the end', () => {
    expect(extractRefs('RFC-1\n```\nRFC-2\n')).toEqual([{ kind: 'rfc', number: 1 }]);
  });

  it('returns nothing for an empty body', () => {
    expect(extractRefs('')).toEqual([]);
  });
});

describe('findRefs', () => {
  it('reports each token with its offset in the text', () => {
    expect(findRefs('See RFC-1 and RFC-1.')).toEqual([
      { kind: 'rfc', number: 1, text: 'RFC-1', index: 4 },
      { kind: 'rfc', number: 1, text: 'RFC-1', index: 14 },
    ]);
  });
});
