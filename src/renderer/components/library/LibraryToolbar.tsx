import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DOC_KINDS, KINDS, type DocKind } from '../../../shared/kinds/kinds';
import { LIFECYCLES, statusLabel } from '../../../shared/kinds/lifecycle';
import { authorsOf, type LibrarySort, type SortDir } from '../../../shared/search/librarySort';
import { useAppStore } from '../../store';

const SORTS: { value: `${LibrarySort}:${SortDir}`; label: string }[] = [
  { value: 'updated:desc', label: 'Recently updated' },
  { value: 'updated:asc', label: 'Least recently updated' },
  { value: 'number:asc', label: 'Number' },
  { value: 'number:desc', label: 'Number, highest first' },
  { value: 'title:asc', label: 'Title A–Z' },
  { value: 'title:desc', label: 'Title Z–A' },
];

/** The statuses a filter can pick: those of one kind, or every kind's (same slug, one entry). */
function statusOptions(kind: DocKind | undefined): { value: string; label: string }[] {
  const kinds = kind ? [kind] : DOC_KINDS;
  const seen = new Map<string, string>();
  for (const k of kinds) for (const s of LIFECYCLES[k].statuses) if (!seen.has(s)) seen.set(s, statusLabel(k, s));
  return [...seen].map(([value, label]) => ({ value, label }));
}

/**
 * The search box (results as you type; Enter opens the best match, the down
 * arrow moves into the results) and the kind / status / author filters and
 * sort order, which apply to the list and to search results alike.
 */
export function LibraryToolbar({ onOpenFirst }: { onOpenFirst: () => void }) {
  const { searchText, filters, sort } = useAppStore(useShallow((s) => ({ searchText: s.searchText, filters: s.libraryFilters, sort: s.librarySort })));
  const setSearchText = useAppStore((s) => s.setSearchText);
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  const setSort = useAppStore((s) => s.setLibrarySort);
  const summaries = useAppStore((s) => s.summaries);
  const authors = useMemo(() => authorsOf(summaries), [summaries]);
  const statuses = useMemo(() => statusOptions(filters.kind), [filters.kind]);
  const searching = searchText.trim() !== '';

  return (
    <div className="library-toolbar" role="search">
      <div className="library-search">
        <span className="library-search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          id="library-search"
          type="search"
          aria-label="Search documents"
          placeholder="Search all documents, or go to RFC-12"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onOpenFirst();
            } else if (e.key === 'Escape' && searchText !== '') {
              e.preventDefault();
              setSearchText('');
            } else if (e.key === 'ArrowDown') {
              const first = document.querySelector<HTMLElement>('.library-results .result-link, .library-table .doc-link');
              if (first) {
                e.preventDefault();
                first.focus();
              }
            }
          }}
        />
      </div>
      <div className="library-filters">
        <div className="library-filter">
          <label htmlFor="library-kind">Kind</label>
          <select
            id="library-kind"
            value={filters.kind ?? ''}
            onChange={(e) => {
              const kind = (e.target.value || undefined) as DocKind | undefined;
              const keepStatus = !kind || !filters.status || LIFECYCLES[kind].statuses.includes(filters.status);
              setFilters({ kind, status: keepStatus ? filters.status : undefined });
            }}
          >
            <option value="">All kinds</option>
            {DOC_KINDS.map((k) => (
              <option key={k} value={k}>
                {KINDS[k].plural}
              </option>
            ))}
          </select>
        </div>
        <div className="library-filter">
          <label htmlFor="library-status">Status</label>
          <select id="library-status" value={filters.status ?? ''} onChange={(e) => setFilters({ status: e.target.value || undefined })}>
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="library-filter">
          <label htmlFor="library-author">Author</label>
          <select id="library-author" value={filters.author ?? ''} onChange={(e) => setFilters({ author: e.target.value || undefined })}>
            <option value="">Anyone</option>
            {authors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="library-filter">
          <label htmlFor="library-sort">Sort</label>
          {searching ? (
            <select id="library-sort" disabled value="relevance" title="Search results are ranked by relevance">
              <option value="relevance">Best match</option>
            </select>
          ) : (
            <select
              id="library-sort"
              value={`${sort.by}:${sort.dir}`}
              onChange={(e) => {
                const [by, dir] = e.target.value.split(':') as [LibrarySort, SortDir];
                setSort(by, dir);
              }}
            >
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>
    </div>
  );
}
