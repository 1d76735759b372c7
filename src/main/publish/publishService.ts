import type { PublishProgressView, PublishResult } from '../../shared/contract/site';
import { AppError, ERROR_CODES, type ErrorCode } from '../../shared/errors';
import { runJobWorker } from '../services/jobWorker';
import { runPublishJob } from './publishJob';
import type { FromPublishWorker, PublishJob } from './publishWorkerProtocol';

/** Where the publish worker's code is: dist/main/publish-worker.cjs beside the bundled entry points. */
export interface PublishWorkerOptions {
  script: string | URL;
  /** V8 heap ceiling of the worker (MB). */
  maxHeapMb?: number;
}

const IDLE: PublishProgressView = { running: false, phase: 'idle', done: 0, total: 0 };

/**
 * "Publish site..." in the app: builds the workspace's static site in a
 * worker thread (one per publish) and keeps its progress for site:status.
 * Without a worker (tests, the CLI) it runs in this thread.
 */
export class PublishService {
  private progress: PublishProgressView = IDLE;

  constructor(private readonly o: { workspaceDir: string; worker?: PublishWorkerOptions; nativeBinding?: string }) {}

  status(): PublishProgressView {
    return this.progress;
  }

  async publish(dir: string, title?: string): Promise<PublishResult> {
    if (this.progress.running) throw new AppError('CONFLICT', 'A publish is already running: wait for it to finish.');
    const job: PublishJob = { workspaceDir: this.o.workspaceDir, dir, ...(title ? { title } : {}), ...(this.o.nativeBinding ? { nativeBinding: this.o.nativeBinding } : {}) };
    this.progress = { running: true, phase: 'reading', done: 0, total: 0 };
    try {
      return this.o.worker ? await this.inWorker(job, this.o.worker) : runPublishJob(job, (p) => void (this.progress = { running: true, ...p }));
    } finally {
      this.progress = { ...this.progress, running: false, phase: 'done' };
    }
  }

  private inWorker(job: PublishJob, w: PublishWorkerOptions): Promise<PublishResult> {
    return runJobWorker<FromPublishWorker, PublishResult>(
      w.script,
      job,
      {
        onMessage: (m, resolve, reject) => {
          if (m.type === 'progress') this.progress = { running: true, ...m.progress };
          else if (m.type === 'done') resolve(m.result);
          else reject(new AppError((ERROR_CODES as readonly string[]).includes(m.code) ? (m.code as ErrorCode) : 'INTERNAL', m.message));
        },
        stopped: (how) =>
          new AppError('INTERNAL', 'error' in how ? `The publish stopped: ${how.error.message}` : `The publish worker ended (exit code ${how.exitCode}) before the site was written.`),
      },
      { maxOldGenerationSizeMb: w.maxHeapMb ?? 2048 },
    );
  }
}
