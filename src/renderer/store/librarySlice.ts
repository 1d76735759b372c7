import type { StateCreator } from 'zustand';
import type { DocumentSummary } from '../../shared/document';
import { call, errorMessage } from '../api/client';
import type { AppState } from './index';

export interface LibrarySlice {
  summaries: DocumentSummary[];
  libraryLoading: boolean;
  libraryError: string | null;
  loadLibrary: () => Promise<void>;
}

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set) => ({
  summaries: [],
  libraryLoading: false,
  libraryError: null,
  loadLibrary: async () => {
    set({ libraryLoading: true, libraryError: null });
    try {
      const summaries = await call('docs:list', {});
      set({ summaries, libraryLoading: false });
    } catch (e) {
      set({ libraryLoading: false, libraryError: errorMessage(e) });
    }
  },
});
