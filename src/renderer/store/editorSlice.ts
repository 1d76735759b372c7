import type { StateCreator } from 'zustand';
import type { Document } from '../../shared/document';
import { ApiCallError, call, errorMessage } from '../api/client';
import { LatestOnly } from '../api/latestOnly';
import { Autosaver, type SaveState } from './autosave';
import { clearDraft, readDraft, writeDraft, type Draft } from './drafts';
import type { AppState } from './index';

export type { SaveState };

export interface EditorSlice {
  /** The document as edited here; `revision` is the last revision the server acknowledged. */
  doc: Document | null;
  docError: string | null;
  saveState: SaveState;
  saveError: string | null;
  /** A draft from an earlier session that could not be applied automatically. */
  staleDraft: Draft | null;
  moveError: string | null;
  openDoc: (id: string) => Promise<void>;
  closeDoc: () => Promise<void>;
  edit: (patch: Partial<Pick<Document, 'title' | 'body' | 'fields'>>) => void;
  saveNow: (opts?: { keepalive?: boolean }) => Promise<void>;
  restoreStaleDraft: () => void;
  discardStaleDraft: () => void;
  move: (to: string) => Promise<void>;
  reloadDoc: () => Promise<void>;
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get) => {
  const opening = new LatestOnly();
  const autosaver = new Autosaver({
    get,
    set,
    update: (doc, opts) =>
      call('docs:update', { id: doc.id, baseRevision: doc.revision, title: doc.title, body: doc.body, fields: doc.fields }, opts),
    load: (id) => call('docs:get', { id }),
    writeDraft,
    clearDraft,
    onSaved: (saved) =>
      set((s) => ({
        summaries: s.summaries.map((d) => (d.id === saved.id ? { ...d, title: saved.title, status: saved.status, updatedAt: saved.updatedAt } : d)),
      })),
    describe: errorMessage,
    isConflict: (e): e is ApiCallError => e instanceof ApiCallError && e.code === 'CONFLICT',
  });

  return {
    doc: null,
    docError: null,
    saveState: 'saved',
    saveError: null,
    staleDraft: null,
    moveError: null,

    openDoc: async (id) => {
      // Only the document opened last is shown: a slow answer for one the reader already left is dropped (ADR 0034).
      const token = opening.begin();
      await get().closeDoc();
      if (!opening.isLatest(token)) return;
      set({ doc: null, docError: null, moveError: null, staleDraft: null, saveState: 'saved', saveError: null });
      try {
        const doc = await call('docs:get', { id });
        if (!opening.isLatest(token)) return;
        const draft = readDraft(id);
        const differs = draft && (draft.body !== doc.body || draft.title !== doc.title || JSON.stringify(draft.fields) !== JSON.stringify(doc.fields));
        if (draft && differs && draft.baseRevision === doc.revision) {
          // Unsaved edits from a closed window or reload: take them back and save.
          set({ doc: { ...doc, title: draft.title, body: draft.body, fields: draft.fields }, saveState: 'dirty' });
          void get().saveNow();
        } else {
          set({ doc, staleDraft: draft && differs ? draft : null });
          if (draft && !differs) clearDraft(id);
        }
      } catch (e) {
        if (opening.isLatest(token)) set({ docError: errorMessage(e) });
      }
    },

    closeDoc: async () => {
      if (get().saveState !== 'saved') await get().saveNow();
    },

    edit: (patch) => autosaver.edit(patch),

    saveNow: (opts) => autosaver.saveNow(opts),

    restoreStaleDraft: () => {
      const { staleDraft, doc } = get();
      if (!staleDraft || !doc) return;
      set({ staleDraft: null });
      get().edit({ title: staleDraft.title, body: staleDraft.body, fields: staleDraft.fields });
    },

    discardStaleDraft: () => {
      const { doc } = get();
      if (doc) clearDraft(doc.id);
      set({ staleDraft: null });
    },

    move: async (to) => {
      const { doc } = get();
      if (!doc) return;
      set({ moveError: null });
      await get().saveNow();
      try {
        const moved = await call('docs:move', { id: doc.id, to });
        set((s) => ({ doc: s.doc ? { ...s.doc, status: moved.status, revision: moved.revision, updatedAt: moved.updatedAt } : s.doc }));
        void get().loadLibrary();
      } catch (e) {
        set({ moveError: errorMessage(e) });
      }
    },

    reloadDoc: async () => {
      const { doc } = get();
      if (!doc) return;
      autosaver.cancel();
      set({ saveState: 'saved' });
      await get().openDoc(doc.id);
    },
  };
};
