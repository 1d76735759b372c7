import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SyncFileError } from '../../shared/contract/sync';
import { DocumentStore } from '../store/documentStore';
import type { Db } from '../store/openDatabase';
import { ReviewStore } from '../store/reviewStore';
import { findHealth, type FoundHealth } from './healthFind';

/** What the app hands the health worker (healthService.ts). */
export interface HealthJob {
  dbFile: string;
  unreadable: SyncFileError[];
  nativeBinding?: string;
}

export type FromHealthWorker = { type: 'found'; found: FoundHealth[] } | { type: 'error'; message: string };

// The health worker (dist/main/health-worker.cjs): the checks read every live
// document whole (400-450 ms for 10,000 documents on a quiet machine), after
// every sync, so the app runs them here, on a read-only connection of their
// own, never on the loop serving the window.
const port = parentPort;
if (port) {
  const job = workerData as HealthJob;
  try {
    const db = new Database(job.dbFile, { readonly: true, fileMustExist: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) }) as Db;
    try {
      const found = findHealth({ live: new DocumentStore(db).listLive(), orphans: new ReviewStore(db).orphans(), unreadable: job.unreadable });
      port.postMessage({ type: 'found', found } satisfies FromHealthWorker);
    } finally {
      db.close();
    }
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies FromHealthWorker);
  }
}
