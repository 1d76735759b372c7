import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash, madeOnOtherText, SUBSTANTIVE_FIELDS, textVersion } from '../../../../src/shared/reviews/contentHash';

const rfc = (body: string, fields: Record<string, unknown> = {}) => ({ kind: 'rfc' as const, body, fields });

describe('contentHash: the revision an approval is given on', () => {
  it('ignores whitespace-only edits: reflowed lines, blank lines, trailing spaces, CRLF', () => {
    const h = contentHash(rfc('## Summary\n\nWe store documents in SQLite.\n'));
    expect(contentHash(rfc('## Summary\r\n\r\n\r\nWe store documents\nin   SQLite.  \r\n'))).toBe(h);
    expect(contentHash(rfc('  ## Summary We store documents in SQLite.'))).toBe(h);
  });

  it('changes with any word, punctuation or Markdown mark of the body', () => {
    const h = contentHash(rfc('## Summary\n\nWe store documents in SQLite.'));
    expect(contentHash(rfc('## Summary\n\nWe store documents in Postgres.'))).not.toBe(h);
    expect(contentHash(rfc('## Summary\n\nWe store documents in SQLite!'))).not.toBe(h);
    expect(contentHash(rfc('### Summary\n\nWe store documents in SQLite.'))).not.toBe(h);
  });

  it('ignores metadata fields: an RFC’s author and reviewers, an ADR’s decision-makers and links', () => {
    expect(contentHash(rfc('x', { author: 'Ada', reviewers: ['Grace'] }))).toBe(contentHash(rfc('x', { author: 'Linus', reviewers: [] })));
    const adr = (fields: Record<string, unknown>) => contentHash({ kind: 'adr', body: 'x', fields });
    expect(adr({ decisionMakers: ['Ada'], supersededBy: null, tags: [] })).toBe(adr({ decisionMakers: ['Ada', 'Grace'], supersededBy: 7, tags: ['db'] }));
  });

  it('counts a matrix’s criteria, ratings and decision, and a postmortem’s severity and timeline, but not its action items', () => {
    const m = (fields: Record<string, unknown>) => contentHash({ kind: 'matrix', body: 'x', fields });
    expect(m({ author: 'Ada', decision: 'SQLite' })).not.toBe(m({ author: 'Ada', decision: 'Postgres' }));
    expect(m({ author: 'Ada', decision: 'SQLite' })).toBe(m({ author: 'Linus', decision: ' SQLite ' }));
    expect(m({ ratings: { c1: { o1: { rating: 'good', note: '' } } } })).not.toBe(m({ ratings: { c1: { o1: { rating: 'poor', note: '' } } } }));
    const p = (fields: Record<string, unknown>) => contentHash({ kind: 'postmortem', body: 'x', fields });
    expect(p({ severity: 'SEV-2' })).not.toBe(p({ severity: 'SEV-1' }));
    expect(p({ severity: 'SEV-2', actionItems: [{ id: 'a1', status: 'open' }] })).toBe(p({ severity: 'SEV-2', actionItems: [{ id: 'a1', status: 'done' }] }));
    expect(SUBSTANTIVE_FIELDS.postmortem).not.toContain('actionItems');
  });

  it('tells an old record (body hash only) from a new one (content hash) when judging staleness', () => {
    const now = textVersion(rfc('a b'));
    expect(madeOnOtherText({ bodyHash: now.bodyHash }, now)).toBe(false);
    expect(madeOnOtherText({ bodyHash: 'c53-other', contentHash: now.contentHash }, now)).toBe(false);
    expect(madeOnOtherText({ bodyHash: now.bodyHash, contentHash: 's1-other' }, now)).toBe(true);
  });

  it('is a pure function of the words: any whitespace between the same words gives the same hash (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9#*_.,!-]{1,8}$/);
    const space = fc.constantFrom(' ', '\n', '\r\n', '\t', '  ', '\n\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, space), { maxLength: 30 }), (parts) => {
        const a = parts.map(([w]) => w).join(' ');
        const b = parts.map(([w, s]) => `${w}${s}`).join('');
        expect(contentHash(rfc(b))).toBe(contentHash(rfc(a)));
      }),
    );
  });
});
