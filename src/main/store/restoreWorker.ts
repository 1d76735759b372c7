import { parentPort, workerData } from 'node:worker_threads';
import { restoreBackup } from './backup';

/** What the app hands the restore worker (services/backupService.ts). */
export interface RestoreJob {
  backupFile: string;
  dbFile: string;
  /** ISO time for the name of the database kept aside. */
  now: string;
  nativeBinding?: string;
}

export type FromRestoreWorker = { type: 'done'; keptAs: string | null } | { type: 'error'; message: string };

// The restore worker (dist/main/restore-worker.cjs): checking a backup reads
// the whole file (seconds for a large workspace), so the app runs it here,
// never on the loop serving the window.
const port = parentPort;
if (port) {
  const job = workerData as RestoreJob;
  const send = (m: FromRestoreWorker): void => port.postMessage(m);
  restoreBackup(job.backupFile, job.dbFile, { now: () => new Date(job.now), ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) }).then(
    ({ keptAs }) => send({ type: 'done', keptAs }),
    (e: unknown) => send({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
}
