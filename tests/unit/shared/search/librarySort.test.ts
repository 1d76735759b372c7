import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../../src/shared/document';
import { authorsOf, filterSummaries, sortSummaries } from '../../../../src/shared/search/librarySort';

const doc = (kind: DocumentSummary['kind'], number: number, title: string, updatedAt: string, status = 'draft', author = 'Ada'): DocumentSummary => ({
  id: `${kind}${number}`,
  kind,
  number,
  title,
  status,
  author,
  updatedAt,
  createdAt: updatedAt,
});

const rows = [
  doc('rfc', 10, 'beta', '2026-01-03', 'in-review'),
  doc('rfc', 2, 'Alpha', '2026-01-01'),
  doc('adr', 1, 'gamma', '2026-01-02', 'accepted', 'Grace'),
];
const refs = (r: DocumentSummary[]): string[] => r.map((d) => d.id);

describe('library sorting and filters', () => {
  it('sorts by reference with numbers in numeric order', () => {
    expect(refs(sortSummaries(rows, 'number', 'asc'))).toEqual(['adr1', 'rfc2', 'rfc10']);
    expect(refs(sortSummaries(rows, 'number', 'desc'))).toEqual(['rfc10', 'rfc2', 'adr1']);
  });

  it('sorts titles case-insensitively and updates by time', () => {
    expect(refs(sortSummaries(rows, 'title', 'asc'))).toEqual(['rfc2', 'rfc10', 'adr1']);
    expect(refs(sortSummaries(rows, 'updated', 'desc'))).toEqual(['rfc10', 'adr1', 'rfc2']);
  });

  it('applies only the filters that are set', () => {
    expect(refs(filterSummaries(rows, {}))).toHaveLength(3);
    expect(refs(filterSummaries(rows, { kind: 'rfc', status: 'draft' }))).toEqual(['rfc2']);
    expect(refs(filterSummaries(rows, { author: 'Grace' }))).toEqual(['adr1']);
    expect(authorsOf(rows)).toEqual(['Ada', 'Grace']);
  });
});
