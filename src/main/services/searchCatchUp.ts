import type { Db } from '../store/openDatabase';
import { flushSearchIndex } from '../store/searchFlush';
import type { DocumentHooks } from './documentService';

/** The timer functions the catch-up uses; tests inject their own. */
export interface CatchUpTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: CatchUpTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How long after the last save the index catches up: past the pause that ends a burst of autosaves. */
export const CATCH_UP_DELAY_MS = 1000;

/**
 * Re-indexes the documents a save marked (migration 008) once saving pauses:
 * a document hook that re-arms one timer per write, so a burst of autosaves
 * costs one batch after it instead of a re-tokenized text per save. Reading
 * the index never waits for it: every search flushes first
 * (docs/adr/0037-when-the-search-index-is-written.md).
 */
export class SearchCatchUp implements DocumentHooks {
  private timer: unknown = null;

  constructor(
    private readonly db: Db,
    private readonly delayMs = CATCH_UP_DELAY_MS,
    private readonly timers: CatchUpTimers = REAL_TIMERS,
  ) {}

  onCreated(): void {
    this.schedule();
  }

  onSaved(): void {
    this.schedule();
  }

  onMoved(): void {
    this.schedule();
  }

  /** (Re)starts the wait: the flush runs delayMs after the last call. */
  schedule(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (!this.db.open) return;
      // Never wait here for another connection's write (a sync applying in its worker): try again later.
      const wait = this.db.pragma('busy_timeout', { simple: true }) as number;
      this.db.pragma('busy_timeout = 0');
      try {
        flushSearchIndex(this.db);
      } catch {
        // Busy: the marks stay; the next pause, search or open flushes them.
        this.schedule();
      } finally {
        this.db.pragma(`busy_timeout = ${wait}`);
      }
    }, this.delayMs);
  }

  /** Re-indexes every marked row now; returns how many. */
  flush(): number {
    this.cancel();
    return flushSearchIndex(this.db);
  }

  /** Drops a pending timer (the marks stay in the database for the next open). */
  cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
