// The sync's own thread (docs/adr/0017-sync-in-a-worker-thread.md): started by
// syncWorkerHost.ts, it opens its own connection to the workspace database
// and its own GitRepo, runs one sync per `run` message and reports progress.
// Whatever a server or a teammate's file does to it (a stall, a loop, a
// memory bomb) happens here, not on the thread that serves the window.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { openDatabase, type Db } from '../store/openDatabase';
import { DB_FILE } from '../store/openDatabase';
import { SettingsStore } from '../store/settingsStore';
import { flushSearchIndex } from '../store/searchFlush';
import { GitRepo } from './gitRepo';
import { setProxyResolver } from './httpProxy';
import { SyncAnchorStore } from './syncAnchor';
import { runSync } from './syncEngine';
import { syncRecordSets } from './syncParts';
import { REPO_DIR } from './syncService';
import { SyncStore } from './syncStore';
import { failureMessage, type FromWorker, type SyncJob, type ToWorker } from './syncWorkerProtocol';

const port = parentPort;
if (!port) throw new Error('syncWorker runs as a worker thread (started by syncWorkerHost).');

/** Kept between syncs: the connection, and the repository with its cache of trees read. */
let open: { dir: string; db: Db; repo: GitRepo } | null = null;
let running: AbortController | null = null;

function send(message: FromWorker): void {
  port!.postMessage(message);
}

function workspace(job: SyncJob): { db: Db; repo: GitRepo } {
  if (open?.dir !== job.workspaceDir) {
    open?.db.close();
    const db = openDatabase(path.join(job.workspaceDir, DB_FILE), { nativeBinding: job.nativeBinding });
    open = { dir: job.workspaceDir, db, repo: new GitRepo(path.join(job.workspaceDir, REPO_DIR)) };
  }
  return open;
}

async function run(job: SyncJob): Promise<void> {
  const abort = new AbortController();
  running = abort;
  try {
    const { db, repo } = workspace(job);
    const now = (): Date => new Date(Date.now() + job.clockOffsetMs);
    setProxyResolver(job.systemProxy ? () => job.systemProxy : null);
    const anchor = new SyncAnchorStore(new SettingsStore(db), new SyncStore(db));
    const auth = job.target.auth;
    const target = { url: job.target.url, branch: job.target.branch, onAuth: auth ? () => auth : undefined };
    const result = await runSync(
      {
        repo,
        recordSets: syncRecordSets(db, () => job.identity, now),
        transaction: (fn) => {
          db.transaction(() => {
            fn();
            // The documents the sync wrote go into the search index in the same commit (migration 008).
            flushSearchIndex(db);
          })();
          // The sync's one large write is copied from the log into the database here, on this thread: else the
          // serving thread's once-a-second checkpoint (openDatabase) would do it and stall the window.
          db.pragma('wal_checkpoint(PASSIVE)');
        },
        now,
        signal: abort.signal,
        anchor: anchor.get(),
        saveAnchor: (head) => anchor.synced(head),
        allowDeletes: job.allowDeletes,
      },
      target,
      job.author,
      (progress) => send({ type: 'progress', progress }),
    );
    send({ type: 'done', result });
  } catch (e) {
    send(failureMessage(e));
  } finally {
    running = null;
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') running?.abort();
  else if (message.type === 'run') void run(message.job);
});
