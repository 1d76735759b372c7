import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupView, RestoreResult } from '../../shared/contract/backups';
import { AppError } from '../../shared/errors';
import { BACKUP_DIR, backupDatabase, KEEP_BACKUPS, listBackups, restoreBackup, type BackupInfo, type RestoreOutcome } from '../store/backup';
import { DB_FILE, type Db } from '../store/openDatabase';
import type { BackupJob, FromRestoreWorker, RestoreJob } from '../store/restoreWorker';
import { runJobWorker } from './jobWorker';

/** Where the backup worker's code is (restores and backups): dist/main/restore-worker.cjs beside the bundled entry points. */
export interface RestoreWorkerOptions {
  script: string | URL;
}

/** What the composition root (app.ts) gives: the live database, and the two ways to hold the workspace still. */
export interface BackupServiceDeps {
  workspaceDir: string;
  /** The open database as it is now (a restore reopens it). */
  db: () => Db;
  now: () => Date;
  /** Backups kept after a new one (as the automatic backups keep). */
  keep?: number;
  nativeBinding?: string;
  /** Take backups, and check and copy a restored one, in this worker thread; in the calling thread when absent (tests, the CLI's own process). */
  worker?: RestoreWorkerOptions;
  /** Why a restore cannot start now (a sync or a publish is running), or null. */
  busy: () => string | null;
  /** Runs `work` while every other call to the app waits. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  /** Runs `swap` with the database closed and its services stopped, then opens it again, whatever `swap` did. */
  whileClosed: <T>(swap: () => Promise<T>) => Promise<T>;
}

/**
 * Backups in the app (Settings > Backups): the same files and the same
 * store functions as `designdesk backup` and `designdesk restore`. A backup
 * is named by its file name in the workspace's backups folder, never by a
 * path the renderer chose.
 */
export class BackupService {
  /** Document counts by file name and size: a backup never changes once written. */
  private readonly counts = new Map<string, number | null>();
  /** One backup or restore at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: BackupServiceDeps) {}

  get dir(): string {
    return path.join(this.d.workspaceDir, BACKUP_DIR);
  }

  /** The backups, newest first. */
  list(): BackupView[] {
    return listBackups(this.dir).map((b) => this.view(b));
  }

  /** A backup now ("Back up now"); one backup or restore at a time. */
  create(): Promise<BackupView> {
    return this.serial(async () => {
      let file: string;
      try {
        file = await this.take();
      } catch (e) {
        const why = (e instanceof Error ? e.message : String(e)).replace(/^SqliteError: /, '').replace(/\.$/, '');
        const full = /ENOSPC|SQLITE_FULL|database or disk is full/i.test(why);
        throw new AppError(full ? 'DISK_FULL' : 'INTERNAL', `The backup could not be written to ${this.dir}: ${why}. The library is unchanged.`);
      }
      return this.viewOf(file);
    });
  }

  /**
   * Writes a backup of the open database and returns its file: in the worker
   * when there is one (the copy reads the whole file: seconds for a large
   * workspace), else with SQLite's online backup in this thread. The app's
   * hourly backups call this directly: they must not wait behind a restore
   * that waits for them to stop.
   */
  take(): Promise<string> {
    const w = this.d.worker;
    if (!w) return backupDatabase(this.d.db(), this.dir, this.options());
    const job: BackupJob = { type: 'backup', dbFile: path.join(this.d.workspaceDir, DB_FILE), dir: this.dir, keep: this.d.keep ?? KEEP_BACKUPS, now: this.d.now().toISOString(), ...(this.d.nativeBinding ? { nativeBinding: this.d.nativeBinding } : {}) };
    return runJobWorker<FromRestoreWorker, string>(w.script, job, {
      onMessage: (m, resolve, reject) => (m.type === 'backedUp' ? resolve(m.file) : reject(new Error(m.type === 'error' ? m.message : `the backup worker answered ${m.type}`))),
      stopped: (how) => ('error' in how ? how.error : new Error(`the backup worker ended (exit code ${how.exitCode}) before it finished.`)),
    });
  }

  /**
   * Puts backup `id` in place of the library. The library as it is is backed
   * up first (kept whatever the rotation), so restoring that backup undoes
   * this restore. All of it runs with the database closed, in the worker
   * when there is one.
   */
  restore(id: string): Promise<RestoreResult> {
    // The hold starts at once: a call made after this one sees the restored library.
    return this.d.exclusive(() =>
      this.serial(async () => {
        const target = this.find(id);
        const reason = this.d.busy();
        if (reason) throw new AppError('CONFLICT', reason);
        const { undoFile } = await this.d.whileClosed(() => this.swapIn(target));
        if (!undoFile) throw new AppError('NOT_FOUND', 'The workspace had no database to back up before the restore.');
        return { restored: this.view(target), undo: this.viewOf(undoFile) };
      }),
    );
  }

  private find(id: string): BackupInfo {
    const found = listBackups(this.dir).find((b) => path.basename(b.file) === id);
    if (!found) throw new AppError('NOT_FOUND', `There is no backup "${id}" (any more): choose one from the list of backups.`, { id });
    return found;
  }

  /** With the database closed: check the backup, back the library up (not rotated: the backup restored may be the oldest kept), swap the file. */
  private async swapIn(target: BackupInfo): Promise<RestoreOutcome> {
    const dbFile = path.join(this.d.workspaceDir, DB_FILE);
    try {
      return await (this.d.worker
        ? this.inWorker(this.d.worker, { type: 'restore', backupFile: target.file, dbFile, backUpTo: this.dir, now: this.d.now().toISOString(), ...(this.d.nativeBinding ? { nativeBinding: this.d.nativeBinding } : {}) })
        : restoreBackup(target.file, dbFile, { ...this.options(), backUpTo: this.dir }));
    } catch (e) {
      const why = (e instanceof Error ? e.message : String(e)).replace(/^SqliteError: /, '').replaceAll(target.file, path.basename(target.file));
      throw new AppError('VALIDATION', `The backup ${path.basename(target.file)} could not be restored: ${why} Your library is as it was.`, { id: path.basename(target.file) });
    }
  }

  private inWorker(w: RestoreWorkerOptions, job: RestoreJob): Promise<RestoreOutcome> {
    return runJobWorker<FromRestoreWorker, RestoreOutcome>(w.script, job, {
      onMessage: (m, resolve, reject) => (m.type === 'restored' ? resolve(m.outcome) : reject(new Error(m.type === 'error' ? m.message : `the restore worker answered ${m.type}`))),
      stopped: (how) => ('error' in how ? how.error : new Error(`the restore worker ended (exit code ${how.exitCode}) before it finished.`)),
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private options(): { now: () => Date; keep?: number; nativeBinding?: string } {
    return { now: this.d.now, ...(this.d.keep ? { keep: this.d.keep } : {}), ...(this.d.nativeBinding ? { nativeBinding: this.d.nativeBinding } : {}) };
  }

  private viewOf(file: string): BackupView {
    const info = listBackups(this.dir).find((b) => b.file === file);
    if (!info) throw new AppError('NOT_FOUND', `The backup ${path.basename(file)} was written but is gone from ${this.dir}.`);
    return this.view(info);
  }

  private view(b: BackupInfo): BackupView {
    const id = path.basename(b.file);
    const key = `${id}:${b.bytes}`;
    if (!this.counts.has(key)) this.counts.set(key, this.countDocuments(b.file));
    return { id, at: b.at, bytes: b.bytes, documents: this.counts.get(key) ?? null };
  }

  private countDocuments(file: string): number | null {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true, ...(this.d.nativeBinding ? { nativeBinding: this.d.nativeBinding } : {}) });
      try {
        // library_rows holds the live documents only, and counts from an index: a scan of documents reads every body.
        return (db.prepare('SELECT count(*) AS n FROM library_rows').get() as { n: number }).n;
      } finally {
        db.close();
      }
    } catch {
      return null;
    }
  }
}
