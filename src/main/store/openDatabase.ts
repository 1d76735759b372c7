import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** The workspace database's file name inside the workspace folder. */
export const DB_FILE = 'designdesk.sqlite';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron); see docs/adr/0003. */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the workspace database: WAL journal, foreign
 * keys on, and every pending numbered migration applied in one transaction.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    try {
      migrate(db);
    } catch (e) {
      db.close();
      throw e;
    }
    checkpointWhenIdle(db);
  }
  return db;
}

/** How often the write-ahead log is copied into the database, between writes (see checkpointWhenIdle). */
export const CHECKPOINT_INTERVAL_MS = 1000;

/**
 * Log size (pages of 4 KB) at which a commit still checkpoints by itself:
 * only a process that writes without pause (a bulk import, a loop) gets
 * there, and its log stays bounded (40 MB).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * SQLite copies the write-ahead log into the database file (a checkpoint)
 * inside whichever commit takes the log past 1,000 pages: every 25th
 * autosave of a 20 KB document then took 8 ms instead of 1.5
 * (docs/performance.md). Here a timer does it, once a second, between
 * calls, so an interactive save never pays for it; the commit still does
 * it past WAL_AUTOCHECKPOINT_PAGES. Nothing changes for durability: a
 * commit is in the log either way, and the log is replayed after a crash.
 */
function checkpointWhenIdle(db: Db): void {
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  const timer = setInterval(() => {
    if (!db.open) {
      clearInterval(timer);
      return;
    }
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next tick tries again.
    }
  }, CHECKPOINT_INTERVAL_MS);
  timer.unref();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  if (current > latest) {
    throw new Error(`This workspace was written by a newer DesignDesk (schema ${current}, this build knows ${latest}).`);
  }
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}
