import { parentPort, workerData } from 'node:worker_threads';
import { restoreBackup, type RestoreOutcome } from './backup';

/** What the app hands the restore worker (services/backupService.ts). */
export interface RestoreJob {
  backupFile: string;
  dbFile: string;
  /** ISO time for the name of the database kept aside. */
  now: string;
  nativeBinding?: string;
  /** Back the current database up here first (restoreBackup's backUpTo). */
  backUpTo: string;
}

export type FromRestoreWorker = { type: 'done'; outcome: RestoreOutcome } | { type: 'error'; message: string };

// The restore worker (dist/main/restore-worker.cjs): checking a backup, and
// backing up the library it replaces, read and write whole files (seconds for
// a large workspace; the final fsync of a backup alone held the loop 1.3 s),
// so the app runs them here, never on the loop serving the window.
const port = parentPort;
if (port) {
  const job = workerData as RestoreJob;
  const send = (m: FromRestoreWorker): void => port.postMessage(m);
  restoreBackup(job.backupFile, job.dbFile, { now: () => new Date(job.now), backUpTo: job.backUpTo, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) }).then(
    (outcome) => send({ type: 'done', outcome }),
    (e: unknown) => send({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
}
