import type { Document } from '../../shared/document';
import type { Draft } from './drafts';

export const AUTOSAVE_DELAY_MS = 500;

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

/** The timer functions the autosaver uses; tests inject a fake clock. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The part of the editor state the autosaver reads and writes. */
export interface SaveFields {
  doc: Document | null;
  saveState: SaveState;
  saveError: string | null;
}

export interface AutosaveDeps {
  get: () => SaveFields;
  set: (patch: Partial<SaveFields>) => void;
  /** `docs:update`; throws an error with `code === 'CONFLICT'` when `baseRevision` is stale. */
  update: (doc: Document, opts?: { keepalive?: boolean }) => Promise<Document>;
  /** `docs:get`, used to tell our own earlier save apart from a real conflict. */
  load: (id: string) => Promise<Document>;
  writeDraft: (id: string, draft: Draft) => void;
  clearDraft: (id: string) => void;
  /** Called after every acknowledged save (the library list shows title, status, time). */
  onSaved?: (saved: Document) => void;
  /** Plain text of an error that is not a conflict. */
  describe: (e: unknown) => string;
  isConflict: (e: unknown) => e is Error;
  scheduler?: Scheduler;
  delayMs?: number;
  now?: () => number;
}

function sameContent(a: Pick<Document, 'title' | 'body' | 'fields'>, b: Pick<Document, 'title' | 'body' | 'fields'>): boolean {
  return a.title === b.title && a.body === b.body && JSON.stringify(a.fields) === JSON.stringify(b.fields);
}

/**
 * Debounced, serialised saving of the open document: every edit is mirrored to
 * the local draft at once and saved `delayMs` after the last one; one save is in
 * flight at a time, and an edit made during it is saved right after it.
 */
export class Autosaver {
  private timer: unknown;
  /** Bumped on every local edit; a save is "clean" only if no edit happened while it was in flight. */
  private editSeq = 0;
  private inFlight: Promise<void> | null = null;
  private readonly scheduler: Scheduler;
  private readonly delayMs: number;
  private readonly now: () => number;

  constructor(private readonly deps: AutosaveDeps) {
    this.scheduler = deps.scheduler ?? realScheduler;
    this.delayMs = deps.delayMs ?? AUTOSAVE_DELAY_MS;
    this.now = deps.now ?? Date.now;
  }

  edit(patch: Partial<Pick<Document, 'title' | 'body' | 'fields'>>): void {
    const { doc } = this.deps.get();
    if (!doc) return;
    const next = { ...doc, ...patch };
    this.editSeq++;
    this.deps.set({ doc: next, saveState: 'dirty' });
    this.deps.writeDraft(doc.id, { baseRevision: doc.revision, title: next.title, body: next.body, fields: next.fields, at: this.now() });
    this.schedule();
  }

  /** Saves now (Ctrl+S, closing, leaving the page), after any save already in flight. */
  async saveNow(opts?: { keepalive?: boolean }): Promise<void> {
    this.cancel();
    if (this.inFlight) await this.inFlight;
    if (this.deps.get().saveState === 'saved') return;
    this.inFlight = this.doSave(opts).finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
  }

  /** Drops a pending (not yet started) save. */
  cancel(): void {
    this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.cancel();
    this.timer = this.scheduler.setTimeout(() => void this.saveNow(), this.delayMs);
  }

  private async doSave(opts?: { keepalive?: boolean }): Promise<void> {
    const { get, set } = this.deps;
    const { doc } = get();
    if (!doc || get().saveState === 'saved') return;
    const seq = this.editSeq;
    set({ saveState: 'saving', saveError: null });
    try {
      const saved = await this.deps.update(doc, opts);
      const current = get().doc;
      if (!current || current.id !== saved.id) return;
      const clean = seq === this.editSeq;
      // The status comes from the save too: an edit of approved text sends the document back to review.
      set({ doc: clean ? saved : { ...current, status: saved.status, revision: saved.revision, updatedAt: saved.updatedAt }, saveState: clean ? 'saved' : 'dirty' });
      if (clean) this.deps.clearDraft(saved.id);
      else this.schedule();
      this.deps.onSaved?.(saved);
    } catch (e) {
      if (this.deps.isConflict(e)) {
        // Often the "other" change is our own page-hide save from a closed tab: if the
        // stored document already holds exactly this text, take it instead of alarming.
        const stored = await this.deps.load(doc.id).catch(() => null);
        const current = get().doc;
        if (stored && current?.id === stored.id && seq === this.editSeq && sameContent(stored, doc)) {
          set({ doc: stored, saveState: 'saved', saveError: null });
          this.deps.clearDraft(stored.id);
          return;
        }
        set({ saveState: 'error', saveError: e.message });
        return;
      }
      set({ saveState: 'error', saveError: `Not saved: ${this.deps.describe(e)}` });
    }
  }
}
