import type { PublishResult } from '../../shared/contract/site';
import type { PublishProgress } from './publishSite';

/** What the publish worker is given: the workspace to read and the folder to write. */
export interface PublishJob {
  workspaceDir: string;
  dir: string;
  title?: string;
  nativeBinding?: string;
}

export type FromPublishWorker =
  | { type: 'progress'; progress: PublishProgress }
  | { type: 'done'; result: PublishResult }
  | { type: 'error'; code: string; message: string };
