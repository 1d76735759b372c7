import { Worker } from 'node:worker_threads';
import type { SyncResult } from '../../shared/contract/sync';
import { AppError } from '../../shared/errors';
import { cancelled } from './gitErrors';
import type { Progress } from './syncEngine';
import type { FromWorker, SyncJob, ToWorker } from './syncWorkerProtocol';

/** Where the sync worker's code is, and its limits. */
export interface SyncWorkerOptions {
  /** The worker's script: dist/main/sync-worker.cjs beside the bundled entry points. */
  script: string | URL;
  /** `script` is source code to evaluate (tests start the TypeScript worker through tsx this way). */
  eval?: boolean;
  /** V8 heap ceiling of the worker (MB): past it the worker is ended and the sync fails, the app goes on. */
  maxHeapMb?: number;
  /** How long a cancelled sync may take to stop at its next step before the worker is ended. */
  cancelGraceMs?: number;
}

/** The worker's heap ceiling: a 20,000-document first sync peaks near 300 MB; ten times that is not a design-doc repository. */
export const SYNC_WORKER_HEAP_MB = 1024;
/** A cancelled sync stops at its next step or network answer; a stalled one is ended after this. */
export const SYNC_CANCEL_GRACE_MS = 2000;

interface Pending {
  resolve(result: SyncResult): void;
  reject(error: unknown): void;
  onProgress(p: Progress): void;
  cancelled: boolean;
  timer: NodeJS.Timeout | null;
}

/**
 * Runs syncs in a worker thread (docs/adr/0017-sync-in-a-worker-thread.md): the
 * thread is started on the first sync and kept (its caches make the next
 * sync fast) until it is cancelled, crashes or the app closes. The main side
 * only starts a sync, relays its progress, and cancels it: first by asking
 * (the sync stops at its next step, before the push), then, after a grace
 * period, by ending the thread, which leaves the database as it was (its
 * one write is a single transaction after the push) and the repository
 * consistent (objects and packs are written whole, then renamed).
 */
export class SyncWorkerHost {
  private worker: Worker | null = null;
  private pending: Pending | null = null;

  constructor(private readonly options: SyncWorkerOptions) {}

  /** Runs one sync; the caller runs one at a time. */
  run(job: SyncJob, onProgress: (p: Progress) => void): Promise<SyncResult> {
    if (this.pending) return Promise.reject(new AppError('CONFLICT', 'A sync is already running.'));
    const worker = this.start();
    worker.ref();
    return new Promise<SyncResult>((resolve, reject) => {
      this.pending = { resolve, reject, onProgress, cancelled: false, timer: null };
      worker.postMessage({ type: 'run', job } satisfies ToWorker);
    });
  }

  /** Asks the running sync to stop; ends the worker if it has not stopped after the grace period. */
  cancel(): void {
    const p = this.pending;
    if (!p || p.cancelled) return;
    p.cancelled = true;
    this.worker?.postMessage({ type: 'cancel' } satisfies ToWorker);
    p.timer = setTimeout(() => this.end(cancelled()), this.options.cancelGraceMs ?? SYNC_CANCEL_GRACE_MS);
  }

  /** Ends the worker (the app is closing); a running sync fails as cancelled. */
  close(): void {
    this.end(cancelled());
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script, {
      eval: this.options.eval ?? false,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? SYNC_WORKER_HEAP_MB },
      // The worker reads nothing from the terminal.
      stdin: false,
    });
    // A worker that was ended (after a cancel) may still report: only the current one speaks for the running sync.
    worker.on('message', (m: FromWorker) => {
      if (this.worker === worker) this.onMessage(m);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.settle(
        oom
          ? new AppError('TOO_LARGE', `The sync needed more than ${this.options.maxHeapMb ?? SYNC_WORKER_HEAP_MB} MB of memory and was stopped. Nothing was changed; the team repository may hold something far larger than design documents.`, { reason: 'worker-out-of-memory' })
          : new AppError('INTERNAL', `The sync stopped on an error inside its worker (${e.message.slice(0, 200)}). Nothing was changed; the details are in the log.`, { reason: 'worker-crashed' }),
      );
      this.drop(worker);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.settle(new AppError('INTERNAL', `The sync's worker ended unexpectedly (exit code ${code}). Nothing was changed; sync again.`, { reason: 'worker-exited', code }));
      this.drop(worker);
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(m: FromWorker): void {
    const p = this.pending;
    if (!p) return;
    if (m.type === 'progress') p.onProgress(m.progress);
    else if (m.type === 'done') this.settle(null, m.result);
    else if (m.type === 'failed') this.settle(new AppError(m.error.code, m.error.message, m.error.data));
    // Not an AppError: the stack goes to the caller, whose dispatcher logs it as an internal error.
    else this.settle(new Error(`sync worker: ${m.detail}`));
    // A cancelled sync may have left a request running in the worker: end it rather than reuse it.
    if (p.cancelled && m.type !== 'progress') this.end(null);
  }

  /** Resolves or rejects the running sync, once. */
  private settle(error: unknown, result?: SyncResult): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (p.timer) clearTimeout(p.timer);
    this.worker?.unref();
    if (error) p.reject(p.cancelled && error instanceof AppError && error.code === 'INTERNAL' ? cancelled() : error);
    else p.resolve(result!);
  }

  private end(error: unknown): void {
    const worker = this.worker;
    this.settle(error);
    if (worker) {
      this.drop(worker);
      void worker.terminate();
    }
  }

  private drop(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
  }
}
