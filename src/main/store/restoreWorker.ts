import { parentPort, workerData } from 'node:worker_threads';
import { backupDatabaseFile, restoreBackup, type RestoreOutcome } from './backup';

/** A restore the app hands the worker (services/backupService.ts). */
export interface RestoreJob {
  type: 'restore';
  backupFile: string;
  dbFile: string;
  /** ISO time for the name of the database kept aside. */
  now: string;
  nativeBinding?: string;
  /** Back the current database up here first (restoreBackup's backUpTo). */
  backUpTo: string;
}

/** A backup of the open database ("Back up now", the hourly one), taken while the app keeps writing. */
export interface BackupJob {
  type: 'backup';
  dbFile: string;
  dir: string;
  keep: number;
  /** ISO time for the backup's name. */
  now: string;
  nativeBinding?: string;
}

export type BackupWorkerJob = RestoreJob | BackupJob;

export type FromRestoreWorker = { type: 'restored'; outcome: RestoreOutcome } | { type: 'backedUp'; file: string } | { type: 'error'; message: string };

// The backup worker (dist/main/restore-worker.cjs): checking and copying a
// backup in, and taking one, read and write whole files (seconds for a large
// workspace; the final fsync of a backup alone held the loop 1.3 s), so the
// app runs them here, one job per worker, never on the loop serving the window.
const port = parentPort;
if (port) {
  const job = workerData as BackupWorkerJob;
  const send = (m: FromRestoreWorker): void => port.postMessage(m);
  const binding = job.nativeBinding ? { nativeBinding: job.nativeBinding } : {};
  const fail = (e: unknown): void => send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  if (job.type === 'backup') {
    backupDatabaseFile(job.dbFile, job.dir, { keep: job.keep, now: () => new Date(job.now), ...binding }).then((file) => send({ type: 'backedUp', file }), fail);
  } else {
    restoreBackup(job.backupFile, job.dbFile, { now: () => new Date(job.now), backUpTo: job.backUpTo, ...binding }).then((outcome) => send({ type: 'restored', outcome }), fail);
  }
}
