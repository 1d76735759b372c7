import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_NAME_RE } from '../../shared/contract/backups';
import { MIGRATIONS } from './migrations';
import type { Db } from './openDatabase';

/** Folder of the automatic backups, inside the workspace. */
export const BACKUP_DIR = 'backups';

export interface BackupOptions {
  /** How many backups are kept; older ones are deleted after each new one. */
  keep?: number;
  now?: () => Date;
}

export interface AutoBackupOptions extends BackupOptions {
  /** Time between backups; the first runs right away. Default one hour. */
  intervalMs?: number;
  /** Told about a failed backup (a full disk must not stop the app). */
  onError?: (error: unknown) => void;
  /** Told about each backup written. */
  onBackup?: (file: string) => void;
  /** Wait one interval before the first backup (the app after a restore: the restored file is already a backup). */
  skipFirst?: boolean;
}

export interface BackupInfo {
  file: string;
  /** When it was taken (from its name). */
  at: string;
  bytes: number;
}

/** How many backups are kept unless told otherwise (the app's hourly ones, "Back up now", `designdesk backup`). */
export const KEEP_BACKUPS = 10;

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace('.', '');

/**
 * Copies the live database into `dir` with SQLite's online backup (safe
 * while the app keeps writing: the copy is one consistent snapshot), under a
 * temporary name renamed only when complete, then keeps the newest `keep`.
 */
export function backupDatabase(db: Db, dir: string, options: BackupOptions = {}): Promise<string> {
  return writeBackup(dir, options, async (tmp) => {
    await db.backup(tmp);
    standalone(db, tmp);
  });
}

export interface FileBackupOptions extends BackupOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron); see docs/adr/0003. */
  nativeBinding?: string;
}

/**
 * The same backup taken from the database file through a connection of its
 * own, for a worker thread while the app keeps the database open and writes
 * (restoreWorker.ts): `VACUUM INTO` reads one snapshot and is never
 * restarted by the app's writes, where an online backup from a second
 * connection starts over on each of them.
 */
export function backupDatabaseFile(dbFile: string, dir: string, options: FileBackupOptions = {}): Promise<string> {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  return writeBackup(dir, options, (tmp) => {
    const source = new Database(dbFile, { readonly: true, fileMustExist: true, ...binding });
    try {
      source.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      source.close();
    }
    const copy = new Database(tmp, binding);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return Promise.resolve();
  });
}

/** Names a new backup in `dir`, has `copy` write it under a temporary name, puts it in place when complete, and rotates. */
async function writeBackup(dir: string, options: BackupOptions, copy: (tmp: string) => Promise<void>): Promise<string> {
  const { keep = KEEP_BACKUPS, now = () => new Date() } = options;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `designdesk-${stamp(now())}.sqlite`);
  const tmp = `${file}.partial`;
  try {
    await copy(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  rotateBackups(dir, keep);
  return file;
}

/**
 * Switches a fresh copy from WAL to a rollback journal, so that it is one
 * self-contained file: opening it read-only (to count its documents, to
 * check it before a restore) then leaves no -wal and -shm files beside it.
 * Done through the live connection, which loads no second native binding.
 */
function standalone(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS backup_copy').run(file);
  try {
    db.pragma('backup_copy.journal_mode = DELETE');
  } finally {
    db.prepare('DETACH DATABASE backup_copy').run();
  }
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, m: BACKUP_NAME_RE.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (a.m[1]! < b.m[1]! ? 1 : -1))
    .map(({ name, m }) => {
      const s = m[1]!;
      const at = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      return { file: path.join(dir, name), at, bytes: fs.statSync(path.join(dir, name)).size };
    });
}

/**
 * A `.partial` file untouched this long is left over from an interrupted
 * backup. A younger one may be another backup still being written (the
 * hourly one, "Back up now", `designdesk backup` from a terminal): each
 * step of a backup writes to it, so a live one is never this old.
 */
export const STALE_PARTIAL_MS = 10 * 60 * 1000;

/** Deletes all but the newest `keep` backups (and leftovers of interrupted ones). */
export function rotateBackups(dir: string, keep: number, now: number = Date.now()): void {
  for (const old of listBackups(dir).slice(Math.max(1, keep))) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${old.file}${suffix}`, { force: true });
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.sqlite.partial')) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
    } catch {
      // Renamed or removed meanwhile by the backup that wrote it.
    }
  }
}

/**
 * Takes a backup with `take` now and then every `intervalMs` (default: on
 * start and hourly). One backup at a time; errors go to onError, never thrown.
 * Returns stop(), which the app calls before closing the database.
 */
export function startAutoBackup(take: () => Promise<string>, options: AutoBackupOptions = {}): { stop(): void; running(): Promise<void> } {
  const { intervalMs = 60 * 60 * 1000, onError = () => undefined, onBackup = () => undefined } = options;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (): void => {
    current = current.then(async () => {
      if (stopped) return;
      try {
        onBackup(await take());
      } catch (e) {
        if (!stopped) onError(e);
      }
    });
  };
  if (!options.skipFirst) run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    running: () => current,
  };
}

export interface RestoreOptions {
  now?: () => Date;
  /** Path to a better_sqlite3.node built for the running runtime (Electron); see docs/adr/0003. */
  nativeBinding?: string;
  /**
   * Back the current database up into this folder once the backup passed its
   * check (never rotated away), instead of keeping the replaced file aside:
   * restoring that backup undoes this restore (Settings > Backups).
   */
  backUpTo?: string;
}

export interface RestoreOutcome {
  /** Where the replaced database was kept aside (the CLI), or null. */
  keptAs: string | null;
  /** The backup of the replaced database (with `backUpTo`), or null. */
  undoFile: string | null;
}

/**
 * Restores a backup into a closed workspace (docs/reliability.md, "Restore"):
 * checks the backup, keeps the current database (as
 * designdesk.sqlite.before-restore-<time>, the newest KEEP_REPLACED of them,
 * or as a backup with `backUpTo`),
 * drops its WAL and shared-memory files, and copies the backup in with
 * SQLite's backup API. The app must not have the workspace open. A damaged
 * backup is refused before anything changes; a copy that fails leaves the
 * current database in place. The check and the copies read and write the
 * whole file (seconds for a large workspace): the app runs this in a worker
 * thread (restoreWorker.ts), the CLI in its own process.
 */
export async function restoreBackup(backupFile: string, dbFile: string, options: RestoreOptions = {}): Promise<RestoreOutcome> {
  const { now = () => new Date(), nativeBinding, backUpTo } = options;
  const binding = nativeBinding ? { nativeBinding } : {};
  const source = new Database(backupFile, { readonly: true, fileMustExist: true, ...binding });
  try {
    const result = source.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`The backup ${backupFile} is damaged (${String(result)}).`);
    const schema = source.pragma('user_version', { simple: true }) as number;
    const known = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    if (schema > known) throw new Error(`The backup ${backupFile} was written by a newer DesignDesk (schema ${schema}, this build knows ${known}).`);
    let undoFile: string | null = null;
    let keptAs: string | null = null;
    if (fs.existsSync(dbFile)) {
      // Fold the WAL into the file first so what is kept is complete on its own.
      const live = new Database(dbFile, binding);
      try {
        live.pragma('wal_checkpoint(TRUNCATE)');
        if (backUpTo) undoFile = await backupDatabase(live, backUpTo, { now, keep: Number.POSITIVE_INFINITY });
      } finally {
        live.close();
      }
    }
    const tmp = `${dbFile}.restoring`;
    fs.rmSync(tmp, { force: true });
    try {
      await source.backup(tmp);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    if (!backUpTo && fs.existsSync(dbFile)) {
      keptAs = `${dbFile}.before-restore-${stamp(now())}`;
      fs.renameSync(dbFile, keptAs);
    }
    try {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
      fs.renameSync(tmp, dbFile);
    } catch (e) {
      if (keptAs && !fs.existsSync(dbFile)) fs.renameSync(keptAs, dbFile);
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    if (keptAs) pruneReplaced(dbFile, KEEP_REPLACED);
    return { keptAs, undoFile };
  } finally {
    source.close();
  }
}

/** How many databases replaced by a restore are kept beside the live one (each is a whole copy of the library). */
export const KEEP_REPLACED = 3;

/** Deletes all but the newest `keep` of `<dbFile>.before-restore-<time>` (their names sort by time). */
function pruneReplaced(dbFile: string, keep: number): void {
  const prefix = `${path.basename(dbFile)}.before-restore-`;
  const dir = path.dirname(dbFile);
  const copies = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && /^\d{8}T\d{9}Z$/.test(f.slice(prefix.length)))
    .sort();
  for (const f of copies.slice(0, Math.max(0, copies.length - keep))) fs.rmSync(path.join(dir, f), { force: true });
}
