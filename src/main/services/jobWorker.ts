import { Worker, type ResourceLimits } from 'node:worker_threads';

/** How one job's worker answers: `onMessage` settles the job (or lets it run on); `stopped` names a worker that failed or quit first. */
export interface JobWorkerHandlers<M, T> {
  /** Called for each message: resolve or reject to end the job; neither for progress. */
  onMessage(message: M, resolve: (value: T) => void, reject: (error: Error) => void): void;
  /** The error for an uncaught error in the worker (`error`) or its ending before it answered (`exitCode`). */
  stopped(how: { error: Error } | { exitCode: number }): Error;
  /** Give up after this long (the worker is ended) with this error; no limit when absent. */
  timeout?: { ms: number; error: () => Error };
}

/**
 * Runs one job in a new worker thread of `script` (its input as workerData)
 * and settles once: on the answer the handlers read from its messages, on
 * an uncaught error, or when it ends without answering. The thread is ended
 * as soon as the job settles. Shared by the restore and the publish, which
 * each start a worker per job; the sync keeps one long-lived worker of its
 * own (sync/syncWorkerHost.ts).
 */
export function runJobWorker<M, T>(script: string | URL, workerData: unknown, handlers: JobWorkerHandlers<M, T>, resourceLimits?: ResourceLimits): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    let settled = false;
    const timer = handlers.timeout ? setTimeout(() => settle(() => reject(handlers.timeout!.error())), handlers.timeout.ms) : null;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      f();
      void worker.terminate();
    };
    worker.on('message', (m: M) =>
      handlers.onMessage(
        m,
        (value) => settle(() => resolve(value)),
        (error) => settle(() => reject(error)),
      ),
    );
    worker.on('error', (error) => settle(() => reject(handlers.stopped({ error }))));
    worker.on('exit', (exitCode) => settle(() => reject(handlers.stopped({ exitCode }))));
  });
}
