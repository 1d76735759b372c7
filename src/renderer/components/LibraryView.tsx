import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DocKind } from '../../shared/kinds/kinds';
import { filterSummaries, sortSummaries } from '../../shared/search/librarySort';
import { useAppStore } from '../store';
import { LibraryTable } from './library/LibraryTable';
import { LibraryToolbar } from './library/LibraryToolbar';
import { SearchResults } from './library/SearchResults';
import '../styles/library.css';

function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state library-empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/**
 * The library: every document of every kind in one list, filtered by kind,
 * status and author and sorted by number, title or last update; typing in
 * the search box swaps the list for ranked full-text results.
 */
export function LibraryView({ onCreate }: { onCreate: (kind: DocKind) => void }) {
  const { summaries, loading, error } = useAppStore(useShallow((s) => ({ summaries: s.summaries, loading: s.libraryLoading, error: s.libraryError })));
  const search = useAppStore(
    useShallow((s) => ({ text: s.searchText, results: s.results, searchedText: s.searchedText, searching: s.searching, error: s.searchError, limit: s.searchLimit })),
  );
  const { filters, sort } = useAppStore(useShallow((s) => ({ filters: s.libraryFilters, sort: s.librarySort })));
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  const setSearchText = useAppStore((s) => s.setSearchText);
  const navigate = useAppStore((s) => s.navigate);

  const rows = useMemo(() => sortSummaries(filterSummaries(summaries, filters), sort.by, sort.dir), [summaries, filters, sort]);
  const query = search.text.trim();
  const filtered = Boolean(filters.kind || filters.status || filters.author);
  const clearFilters = (): void => setFilters({ kind: undefined, status: undefined, author: undefined });

  useEffect(() => {
    // Coming back to the library: documents may have changed since the last search.
    if (useAppStore.getState().searchText.trim() !== '') void useAppStore.getState().runSearch();
  }, []);

  const openFirst = useCallback(async () => {
    const state = useAppStore.getState();
    if (state.searchText.trim() === '') return;
    if (state.searching || state.searchedText !== state.searchText.trim()) await state.runSearch();
    const first = useAppStore.getState().results?.[0];
    if (first) navigate({ name: 'doc', id: first.id });
  }, [navigate]);

  if (error) {
    return (
      <p className="inline-error" role="alert">
        Could not load the library: {error}
      </p>
    );
  }
  if (summaries.length === 0) {
    return (
      <div className="library">
        <h1 className="page-title">Library</h1>
        {loading ? (
          <p className="loading">Loading documents…</p>
        ) : (
          <EmptyState title="No documents yet">
            <p>Start an RFC from the template: every section is laid out with a hint of what goes in it. ADRs, decision matrices and postmortems are in the menu next to New RFC.</p>
            <button type="button" className="button button-primary" onClick={() => onCreate('rfc')}>
              New RFC
            </button>
          </EmptyState>
        )}
      </div>
    );
  }

  const results = search.results;
  let status: string;
  if (query) {
    status = results === null ? 'Searching…' : `${results.length === search.limit ? `${results.length}+` : results.length} ${results.length === 1 ? 'result' : 'results'} for “${search.searchedText}”`;
  } else {
    status = filtered ? `${rows.length.toLocaleString()} of ${summaries.length.toLocaleString()} documents` : `${summaries.length.toLocaleString()} documents`;
  }

  return (
    <div className="library">
      <h1 className="page-title">Library</h1>
      <LibraryToolbar onOpenFirst={() => void openFirst()} />
      <div className="library-status">
        <span aria-live="polite" className={search.searching && query ? 'library-busy' : undefined}>
          {status}
        </span>
        {filtered && (
          <button type="button" className="link-button" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </div>
      {query ? (
        search.error ? (
          <p className="inline-error" role="alert">
            Search failed: {search.error}
          </p>
        ) : results === null ? null : results.length === 0 ? (
          <EmptyState title={`Nothing matches “${search.searchedText}”`}>
            <p>
              Check the spelling, try fewer or shorter words, or search for a document number such as RFC-12.
              {filtered && ' The filters above also narrow the search.'}
            </p>
            <div className="library-empty-actions">
              {filtered && (
                <button type="button" className="button" onClick={clearFilters}>
                  Clear filters
                </button>
              )}
              <button type="button" className="button" onClick={() => setSearchText('')}>
                Clear search
              </button>
            </div>
          </EmptyState>
        ) : (
          <SearchResults results={results} canShowMore={results.length === search.limit && search.limit < 200} />
        )
      ) : rows.length === 0 ? (
        <EmptyState title="No documents match these filters">
          <p>Try another kind, status or author, or clear the filters to see all {summaries.length.toLocaleString()} documents.</p>
          <button type="button" className="button" onClick={clearFilters}>
            Clear filters
          </button>
        </EmptyState>
      ) : (
        <LibraryTable rows={rows} />
      )}
    </div>
  );
}
