import { create } from 'zustand';
import { createEditorSlice, type EditorSlice } from './editorSlice';
import { createHealthSlice, type HealthSlice } from './healthSlice';
import { createLibrarySlice, type LibrarySlice } from './librarySlice';
import { createPrefsSlice, type PrefsSlice } from './prefsSlice';
import { createReadingSlice, type ReadingSlice } from './readingSlice';
import { createSearchSlice, type SearchSlice } from './searchSlice';
import { createSyncSlice, type SyncSlice } from './syncSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type AppState = LibrarySlice & EditorSlice & UiSlice & SearchSlice & SyncSlice & PrefsSlice & ReadingSlice & HealthSlice;

/** One store, one slice per concern (zustand slices pattern). Documents themselves live in the database. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createLibrarySlice(...a),
  ...createEditorSlice(...a),
  ...createUiSlice(...a),
  ...createSearchSlice(...a),
  ...createSyncSlice(...a),
  ...createPrefsSlice(...a),
  ...createReadingSlice(...a),
  ...createHealthSlice(...a),
}));
