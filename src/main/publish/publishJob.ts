import path from 'node:path';
import type { PublishResult } from '../../shared/contract/site';
import { publishSite, type PublishProgress } from './publishSite';
import type { PublishJob } from './publishWorkerProtocol';
import { readWorkspaceSite } from './siteSources';

/** One publish of a workspace, wherever it runs (the publish worker, or this thread when no worker is given). */
export function runPublishJob(job: PublishJob, onProgress: (p: PublishProgress) => void): PublishResult {
  const source = readWorkspaceSite(job.workspaceDir, job.nativeBinding);
  const r = publishSite(source, job.dir, { ...(job.title ? { title: job.title } : {}), onProgress });
  return { dir: r.dir, index: path.join(r.dir, 'index.html'), documents: r.documents, rendered: r.rendered, written: r.written.length, unchanged: r.unchanged.length, removed: r.removed.length };
}
