import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './openDatabase';

/** Folder of the automatic backups, inside the workspace. */
export const BACKUP_DIR = 'backups';
const NAME_RE = /^designdesk-(\d{8}T\d{6}(?:\d{3})?Z)\.sqlite$/;

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
}

export interface BackupInfo {
  file: string;
  /** When it was taken (from its name). */
  at: string;
  bytes: number;
}

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace('.', '');

/**
 * Copies the live database into `dir` with SQLite's online backup (safe
 * while the app keeps writing: the copy is one consistent snapshot), under a
 * temporary name renamed only when complete, then keeps the newest `keep`.
 */
export async function backupDatabase(db: Db, dir: string, options: BackupOptions = {}): Promise<string> {
  const { keep = 10, now = () => new Date() } = options;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `designdesk-${stamp(now())}.sqlite`);
  const tmp = `${file}.partial`;
  try {
    await db.backup(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  rotateBackups(dir, keep);
  return file;
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
    .map((name) => ({ name, m: NAME_RE.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (a.m[1]! < b.m[1]! ? 1 : -1))
    .map(({ name, m }) => {
      const s = m[1]!;
      const at = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      return { file: path.join(dir, name), at, bytes: fs.statSync(path.join(dir, name)).size };
    });
}

/** Deletes all but the newest `keep` backups (and leftovers of interrupted ones). */
export function rotateBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(Math.max(1, keep))) fs.rmSync(old.file, { force: true });
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.sqlite.partial')) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * Backs up now and then every `intervalMs` (default: on start and hourly,
 * keeping 10). One backup at a time; errors go to onError, never thrown.
 * Returns stop(), which the app calls before closing the database.
 */
export function startAutoBackup(db: Db, dir: string, options: AutoBackupOptions = {}): { stop(): void; running(): Promise<void> } {
  const { intervalMs = 60 * 60 * 1000, onError = () => undefined, onBackup = () => undefined } = options;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (): void => {
    current = current.then(async () => {
      if (stopped) return;
      try {
        onBackup(await backupDatabase(db, dir, options));
      } catch (e) {
        if (!stopped) onError(e);
      }
    });
  };
  run();
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

/**
 * Restores a backup into a closed workspace (docs/reliability.md, "Restore"):
 * checks the backup, keeps the current database as
 * designdesk.sqlite.before-restore-<time>, drops its WAL and shared-memory
 * files, and copies the backup in. The app must not have the workspace open.
 */
export function restoreBackup(backupFile: string, dbFile: string, now: () => Date = () => new Date()): { keptAs: string | null } {
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`The backup ${backupFile} is damaged (${String(result)}).`);
  } finally {
    check.close();
  }
  let keptAs: string | null = null;
  if (fs.existsSync(dbFile)) {
    keptAs = `${dbFile}.before-restore-${stamp(now())}`;
    // Fold the WAL into the file first so the kept copy is complete on its own.
    const live = new Database(dbFile);
    try {
      live.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      live.close();
    }
    fs.renameSync(dbFile, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.copyFileSync(backupFile, `${dbFile}.restoring`);
  fs.renameSync(`${dbFile}.restoring`, dbFile);
  return { keptAs };
}
