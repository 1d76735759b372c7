import { describe, expect, it } from 'vitest';
import { CLAIM_RANK, assignNumbers, rewriteRefs, type NumberClaim } from '../../../../src/shared/sync/numbering';
import { documentPath, isDocumentPath, layoutFiles, numberInFileName, readFormatVersion, slugify, uniquePath } from '../../../../src/shared/sync/repoLayout';

const claim = (id: string, number: number | null, rank: number, tieBreak = id): NumberClaim => ({ id, kind: 'rfc', number, rank, tieBreak });

describe('assignNumbers', () => {
  it('renumbers the unpublished one of two documents with the same number, to the next free number', () => {
    const moves = assignNumbers([claim('pub1', 1, CLAIM_RANK.published), claim('theirs7', 7, CLAIM_RANK.incoming), claim('mine7', 7, CLAIM_RANK.local), claim('mine8', 8, CLAIM_RANK.local)]);
    expect([...moves]).toEqual([['mine7', 9]]);
  });

  it('never moves a published number, numbers per kind, and gives numberless documents the next free ones', () => {
    const moves = assignNumbers([
      claim('pub', 3, CLAIM_RANK.published),
      claim('in', 3, CLAIM_RANK.incoming, 'rfcs/b.md'),
      claim('none', null, CLAIM_RANK.incoming, 'rfcs/a.md'),
      { id: 'adr', kind: 'adr', number: 3, rank: CLAIM_RANK.local, tieBreak: 'x' },
      claim('trash', 3, CLAIM_RANK.trashed),
    ]);
    expect(Object.fromEntries(moves)).toEqual({ none: 4, in: 5, trash: 6 });
  });

  it('leaves distinct numbers alone', () => {
    expect(assignNumbers([claim('a', 1, 2), claim('b', 2, 2)]).size).toBe(0);
  });
});

describe('rewriteRefs', () => {
  it('rewrites in one pass (no chains), leaves code and other kinds alone', () => {
    const moves = new Map([['rfc-7', 8], ['rfc-8', 9]]);
    expect(rewriteRefs('RFC-7 then RFC-8, ADR-7, RFC-77, `RFC-7`\n```\nRFC-7\n```\nend RFC-7.', moves)).toBe('RFC-8 then RFC-9, ADR-7, RFC-77, `RFC-7`\n```\nRFC-7\n```\nend RFC-8.');
    expect(rewriteRefs('nothing', moves)).toBe('nothing');
  });
});

describe('repository layout', () => {
  it('names files after number and title, postmortems after the incident date', () => {
    expect(slugify('Use SQLite — for local storage!')).toBe('use-sqlite-for-local-storage');
    expect(slugify('Ünïcode çafé')).toBe('unicode-cafe');
    expect(slugify('???')).toBe('untitled');
    expect(documentPath({ kind: 'rfc', number: 7, title: 'Page cache', fields: {}, createdAt: null })).toBe('rfcs/0007-page-cache.md');
    expect(documentPath({ kind: 'matrix', number: 12, title: 'Queue', fields: {}, createdAt: null })).toBe('decisions/0012-queue.md');
    expect(documentPath({ kind: 'postmortem', number: 2, title: 'DB down', fields: { incidentDate: '2026-11-20' }, createdAt: '2026-12-01T00:00:00Z' })).toBe('postmortems/2026-11-20-db-down.md');
    expect(uniquePath('rfcs/0001-a.md', new Set(['rfcs/0001-a.md', 'rfcs/0001-a-2.md']))).toBe('rfcs/0001-a-3.md');
  });

  it('knows which paths hold documents and which number a file name carries', () => {
    expect(isDocumentPath('rfcs/0001-a.md')).toBe(true);
    expect(isDocumentPath('rfcs/README.md')).toBe(false);
    expect(isDocumentPath('rfcs/.gitkeep')).toBe(false);
    expect(isDocumentPath('README.md')).toBe(false);
    expect(isDocumentPath('reviews/x.yml')).toBe(false);
    expect(numberInFileName('rfcs/0007-a.md')).toBe(7);
    expect(numberInFileName('postmortems/2026-11-20-a.md')).toBeNull();
  });

  it('writes a designdesk.yml it can read back', () => {
    const files = layoutFiles();
    expect([...files.keys()]).toEqual(['designdesk.yml', 'README.md', 'rfcs/.gitkeep', 'adrs/.gitkeep', 'decisions/.gitkeep', 'postmortems/.gitkeep']);
    expect(readFormatVersion(files.get('designdesk.yml')!)).toEqual({ ok: true, version: 1 });
    expect(readFormatVersion('format: 2\n')).toEqual({ ok: true, version: 2 });
    expect(readFormatVersion('format: [').ok).toBe(false);
  });
});
