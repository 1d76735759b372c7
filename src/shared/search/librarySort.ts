import type { DocumentSummary } from '../document';
import type { DocKind } from '../kinds/kinds';

export const LIBRARY_SORTS = ['number', 'title', 'updated'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export type SortDir = 'asc' | 'desc';

/** The direction a sort starts in: numbers and titles ascending, the latest update first. */
export const DEFAULT_DIR: Record<LibrarySort, SortDir> = { number: 'asc', title: 'asc', updated: 'desc' };

export interface LibraryFilter {
  kind?: DocKind | undefined;
  status?: string | undefined;
  author?: string | undefined;
}

/** Keeps the summaries that pass every filter that is set. */
export function filterSummaries(rows: readonly DocumentSummary[], f: LibraryFilter): DocumentSummary[] {
  if (!f.kind && !f.status && !f.author) return rows.slice();
  return rows.filter((r) => (!f.kind || r.kind === f.kind) && (!f.status || r.status === f.status) && (!f.author || r.author === f.author));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Sorts summaries the way the library shows them: by reference (kind, then
 * number, so RFC-2 comes before RFC-10), by title (case-insensitive), or by
 * last update. Ties fall back to the reference so the order is stable.
 */
export function sortSummaries(rows: readonly DocumentSummary[], sort: LibrarySort, dir: SortDir): DocumentSummary[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byRef = (a: DocumentSummary, b: DocumentSummary): number => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.number - b.number);
  const cmp: Record<LibrarySort, (a: DocumentSummary, b: DocumentSummary) => number> = {
    number: byRef,
    title: (a, b) => collator.compare(a.title, b.title) || byRef(a, b),
    updated: (a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : byRef(a, b)),
  };
  return rows.slice().sort((a, b) => sign * cmp[sort](a, b));
}

/** Distinct authors, alphabetically, for the author filter. */
export function authorsOf(rows: readonly DocumentSummary[]): string[] {
  return [...new Set(rows.map((r) => r.author))].sort((a, b) => collator.compare(a, b));
}
