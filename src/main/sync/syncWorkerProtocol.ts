import type { GitAuth } from 'isomorphic-git';
import type { SyncResult } from '../../shared/contract/sync';
import type { Person } from '../../shared/document';
import { AppError, type ApiError } from '../../shared/errors';
import type { CommitAuthor } from './gitRepo';
import type { Progress } from './syncEngine';

/**
 * One sync, as the main side hands it to the worker. Secrets stay in the
 * main process's secret store: the worker gets only the credentials this
 * sync needs, already resolved, and keeps them in memory for this run.
 */
export interface SyncJob {
  workspaceDir: string;
  /** better_sqlite3.node built for the running runtime (Electron), as createApp got it. */
  nativeBinding?: string;
  target: { url: string; branch: string; auth: GitAuth | null };
  author: CommitAuthor;
  /** Who makes the versions and history lines the sync writes. */
  identity: Person;
  /** The main side's clock minus the worker's, in ms (tests and the CLI may run on a clock of their own). */
  clockOffsetMs: number;
  /** The user confirmed the deletions the mass-deletion guard listed. */
  allowDeletes: boolean;
  /** The system's proxy for the remote, asked by the main side (null: none, or not known here); proxy variables still come first. */
  systemProxy: string | null;
}

/** Main -> worker. */
export type ToWorker = { type: 'run'; job: SyncJob } | { type: 'cancel' };

/** Worker -> main. `failed` carries an AppError as data, or the stack of anything else (logged by the main side). */
export type FromWorker = { type: 'progress'; progress: Progress } | { type: 'done'; result: SyncResult } | { type: 'failed'; error: ApiError } | { type: 'crashed'; detail: string };

/** Turns what a sync threw into a message for the main side. */
export function failureMessage(e: unknown): FromWorker {
  if (e instanceof AppError) return { type: 'failed', error: e.toJSON() };
  return { type: 'crashed', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
