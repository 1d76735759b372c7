import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../shared/errors';
import { runPublishJob } from './publishJob';
import type { FromPublishWorker, PublishJob } from './publishWorkerProtocol';

// The publish worker (dist/main/publish-worker.cjs): one publish per thread,
// so rendering thousands of pages never runs on the loop serving the window.
const port = parentPort;
if (port) {
  const send = (m: FromPublishWorker): void => port.postMessage(m);
  try {
    const result = runPublishJob(workerData as PublishJob, (progress) => send({ type: 'progress', progress }));
    send({ type: 'done', result });
  } catch (e) {
    send(isAppError(e) ? { type: 'error', code: e.code, message: e.message } : { type: 'error', code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
  }
}
