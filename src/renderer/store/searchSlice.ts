import type { StateCreator } from 'zustand';
import type { SearchHit } from '../../shared/contract/search';
import type { DocKind } from '../../shared/kinds/kinds';
import { DEFAULT_DIR, type LibrarySort, type SortDir } from '../../shared/search/librarySort';
import { call, errorMessage } from '../api/client';
import type { AppState } from './index';

export interface LibraryFilters {
  kind?: DocKind | undefined;
  status?: string | undefined;
  author?: string | undefined;
}

export interface SearchSlice {
  /** What is in the search box, as typed. */
  searchText: string;
  libraryFilters: LibraryFilters;
  librarySort: { by: LibrarySort; dir: SortDir };
  /** Ranked results for `searchedText`; null while the box is empty. */
  results: SearchHit[] | null;
  searchedText: string;
  searchLimit: number;
  searching: boolean;
  searchError: string | null;
  setSearchText: (text: string) => void;
  setLibraryFilters: (patch: LibraryFilters) => void;
  setLibrarySort: (by: LibrarySort, dir?: SortDir) => void;
  showMoreResults: () => void;
  runSearch: () => Promise<void>;
}

/** Long enough to skip the keystrokes of a word typed quickly, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 120;
export const PAGE_SIZE = 50;
const MAX_RESULTS = 200;

let timer: ReturnType<typeof setTimeout> | undefined;
/** Only the answer to the latest search is shown; an older one arriving late is dropped. */
let searchSeq = 0;

/** The library's search box, filters and sort. Results come from 'search:query'; the list itself is librarySlice.summaries. */
export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set, get) => ({
  searchText: '',
  libraryFilters: {},
  librarySort: { by: 'updated', dir: DEFAULT_DIR.updated },
  results: null,
  searchedText: '',
  searchLimit: PAGE_SIZE,
  searching: false,
  searchError: null,

  setSearchText: (text) => {
    clearTimeout(timer);
    set({ searchText: text, searchLimit: PAGE_SIZE });
    if (text.trim() === '') {
      searchSeq++;
      set({ results: null, searchedText: '', searching: false, searchError: null });
      return;
    }
    set({ searching: true });
    timer = setTimeout(() => void get().runSearch(), SEARCH_DEBOUNCE_MS);
  },

  setLibraryFilters: (patch) => {
    set((s) => ({ libraryFilters: { ...s.libraryFilters, ...patch }, searchLimit: PAGE_SIZE }));
    if (get().searchText.trim() !== '') void get().runSearch();
  },

  setLibrarySort: (by, dir) => set({ librarySort: { by, dir: dir ?? DEFAULT_DIR[by] } }),

  showMoreResults: () => {
    set((s) => ({ searchLimit: Math.min(MAX_RESULTS, s.searchLimit + 150) }));
    void get().runSearch();
  },

  runSearch: async () => {
    clearTimeout(timer);
    const { searchText, libraryFilters, searchLimit } = get();
    const q = searchText.trim();
    if (q === '') return;
    const seq = ++searchSeq;
    set({ searching: true, searchError: null });
    try {
      // The raw text goes to main: a trailing space there means "this word is finished", not a prefix.
      const results = await call('search:query', { q: searchText.slice(0, 500), ...libraryFilters, limit: searchLimit });
      if (seq === searchSeq) set({ results, searchedText: q, searching: false });
    } catch (e) {
      if (seq === searchSeq) set({ searching: false, searchError: errorMessage(e) });
    }
  },
});
