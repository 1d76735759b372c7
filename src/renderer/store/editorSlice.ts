import type { StateCreator } from 'zustand';
import type { Document } from '../../shared/document';
import { ApiCallError, call, errorMessage } from '../api/client';
import { clearDraft, readDraft, writeDraft, type Draft } from './drafts';
import type { AppState } from './index';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

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

const AUTOSAVE_DELAY_MS = 500;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Bumped on every local edit; a save is "clean" only if no edit happened while it was in flight. */
let editSeq = 0;
let inFlight: Promise<void> | null = null;

function sameContent(a: Pick<Document, 'title' | 'body' | 'fields'>, b: Pick<Document, 'title' | 'body' | 'fields'>): boolean {
  return a.title === b.title && a.body === b.body && JSON.stringify(a.fields) === JSON.stringify(b.fields);
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get) => {
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void get().saveNow(), AUTOSAVE_DELAY_MS);
  };

  const doSave = async (opts?: { keepalive?: boolean }): Promise<void> => {
    const { doc } = get();
    if (!doc || get().saveState === 'saved') return;
    const seq = editSeq;
    set({ saveState: 'saving', saveError: null });
    try {
      const saved = await call(
        'docs:update',
        { id: doc.id, baseRevision: doc.revision, title: doc.title, body: doc.body, fields: doc.fields },
        opts,
      );
      const current = get().doc;
      if (!current || current.id !== saved.id) return;
      const clean = seq === editSeq;
      // The status comes from the save too: an edit of approved text sends the document back to review.
      set({ doc: clean ? saved : { ...current, status: saved.status, revision: saved.revision, updatedAt: saved.updatedAt }, saveState: clean ? 'saved' : 'dirty' });
      if (clean) clearDraft(saved.id);
      else schedule();
      set((s) => ({
        summaries: s.summaries.map((d) => (d.id === saved.id ? { ...d, title: saved.title, status: saved.status, updatedAt: saved.updatedAt } : d)),
      }));
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'CONFLICT') {
        // Often the "other" change is our own page-hide save from a closed tab: if the
        // stored document already holds exactly this text, take it instead of alarming.
        const stored = await call('docs:get', { id: doc.id }).catch(() => null);
        const current = get().doc;
        if (stored && current?.id === stored.id && seq === editSeq && sameContent(stored, doc)) {
          set({ doc: stored, saveState: 'saved', saveError: null });
          clearDraft(stored.id);
          return;
        }
        set({ saveState: 'error', saveError: e.message });
        return;
      }
      set({ saveState: 'error', saveError: `Not saved: ${errorMessage(e)}` });
    }
  };

  return {
    doc: null,
    docError: null,
    saveState: 'saved',
    saveError: null,
    staleDraft: null,
    moveError: null,

    openDoc: async (id) => {
      await get().closeDoc();
      set({ doc: null, docError: null, moveError: null, staleDraft: null, saveState: 'saved', saveError: null });
      try {
        const doc = await call('docs:get', { id });
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
        set({ docError: errorMessage(e) });
      }
    },

    closeDoc: async () => {
      if (get().saveState !== 'saved') await get().saveNow();
    },

    edit: (patch) => {
      const { doc } = get();
      if (!doc) return;
      const next = { ...doc, ...patch };
      editSeq++;
      set({ doc: next, saveState: 'dirty' });
      writeDraft(doc.id, { baseRevision: doc.revision, title: next.title, body: next.body, fields: next.fields, at: Date.now() });
      schedule();
    },

    saveNow: async (opts) => {
      clearTimeout(timer);
      if (inFlight) await inFlight;
      if (get().saveState === 'saved') return;
      inFlight = doSave(opts).finally(() => {
        inFlight = null;
      });
      await inFlight;
    },

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
      clearTimeout(timer);
      set({ saveState: 'saved' });
      await get().openDoc(doc.id);
    },
  };
};
