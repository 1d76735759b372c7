import path from 'node:path';
import type { RemoteInput, RemoteView, SyncConflict, SyncCounts, SyncPhase, SyncResult, SyncStatus } from '../../shared/contract/sync';
import type { Person } from '../../shared/document';
import { AppError, isAppError } from '../../shared/errors';
import type { DocumentHooks } from '../services/documentService';
import type { DocumentStore } from '../store/documentStore';
import type { SettingsStore } from '../store/settingsStore';
import { flushSearchIndex } from '../store/searchFlush';
import { ConflictResolver } from './conflictResolver';
import { documentRecordSet } from './documentRecordSet';
import { describeGitError } from './gitErrors';
import { GitRepo } from './gitRepo';
import { setProxyResolver } from './httpProxy';
import { RemoteSettings } from './remoteSettings';
import type { SecretStore } from './secretStore';
import { cancelled } from './gitErrors';
import { SyncAnchorStore } from './syncAnchor';
import { runSync, type Progress, type RecordSet } from './syncEngine';
import { SyncStore } from './syncStore';
import { SyncWorkerHost, type SyncWorkerOptions } from './syncWorkerHost';
import type { SyncJob } from './syncWorkerProtocol';

/** The bare repository's folder inside the workspace. */
export const REPO_DIR = 'repo.git';

export interface SyncServiceDeps {
  workspaceDir: string;
  documents: DocumentStore;
  settings: SettingsStore;
  secrets: SecretStore;
  /** The document hooks (versions, links) that run on every write a sync makes. */
  hooks: readonly DocumentHooks[];
  identity: () => Person;
  now: () => Date;
  /** Other record sets merged by id beside the documents (review records, later). */
  recordSets?: readonly RecordSet[];
  /**
   * Where a sync runs: a worker thread with its own database connection
   * (the desktop app, the web host and the CLI give the bundled worker).
   * Without it a sync runs in this thread (tools and tests of the engine).
   */
  worker?: SyncWorkerOptions & { nativeBinding?: string };
  /** The system's proxy for the remote's URL (see AppOptions.systemProxy); asked on this side, used where the sync runs. */
  systemProxy?: ((url: string) => Promise<string | null>) | undefined;
}

const LAST = 'sync.last';
const BOUND = 'sync.boundTo';

interface LastSync {
  at: string | null;
  result: SyncResult | null;
  error: SyncStatus['lastError'];
}

const ZERO: SyncCounts = { done: 0, total: 0, in: 0, out: 0, conflicts: 0, errors: 0 };

/**
 * Sync with the team repository: its settings, the run itself (one at a
 * time, progress readable while it runs), auto-sync, and conflicts.
 */
export class SyncService {
  readonly store: SyncStore;
  readonly remote: RemoteSettings;
  private readonly repo: GitRepo;
  private readonly resolver: ConflictResolver;
  private readonly recordSets: readonly RecordSet[];
  private readonly anchor: SyncAnchorStore;
  private running: Promise<SyncResult> | null = null;
  private phase: SyncPhase = 'idle';
  private counts: SyncCounts = ZERO;
  private message: string | undefined;
  private timer: NodeJS.Timeout | null = null;
  private readonly host: SyncWorkerHost | null;
  /** Cancels an in-thread sync (without a worker). */
  private abort: AbortController | null = null;
  /** Set by cancel(): a sync still getting its credentials stops before it starts. */
  private cancelRequested = false;

  constructor(private readonly deps: SyncServiceDeps) {
    this.host = deps.worker ? new SyncWorkerHost(deps.worker) : null;
    this.store = new SyncStore(deps.documents.db);
    this.remote = new RemoteSettings(deps.settings, deps.secrets);
    this.repo = new GitRepo(path.join(deps.workspaceDir, REPO_DIR));
    const shared = { sync: this.store, documents: deps.documents, hooks: deps.hooks, identity: deps.identity, now: deps.now };
    this.resolver = new ConflictResolver(shared);
    this.anchor = new SyncAnchorStore(deps.settings, this.store);
    this.recordSets = [documentRecordSet(shared), ...(deps.recordSets ?? [])];
    this.schedule(this.remote.get()?.autoSyncMinutes ?? 0);
  }

  getRemote(): Promise<RemoteView | null> {
    return this.remote.view();
  }

  /**
   * Saves the remote. Pointing at another repository or branch keeps the
   * merge bases (a moved repository or a renamed branch holds the same
   * documents): the next sync takes the new branch as it is, merging by
   * base text (SyncAnchor.rebound).
   */
  async setRemote(input: RemoteInput): Promise<RemoteView> {
    // A sync that hangs on the old remote must not keep its settings locked: it is cancelled.
    if (this.running) await this.cancel();
    const view = await this.remote.save(input);
    const bound = this.deps.settings.get<string>(BOUND);
    if (bound && bound !== `${input.url}#${input.branch}`) {
      this.anchor.rebind();
      // The next plan reads every document (the incremental one trusts the old branch's history).
      this.store.setAppliedHead(null);
      this.deps.settings.set(BOUND, null);
    }
    return view;
  }

  /** Tries to reach the repository with the given settings; a clear error when it cannot. */
  async testRemote(input: RemoteInput): Promise<{ message: string; empty: boolean; branches: string[] }> {
    const target = await this.remote.targetOf(input);
    let branches: string[];
    try {
      branches = await this.repo.listBranches(target);
    } catch (e) {
      throw describeGitError(e, input.url, input.branch);
    }
    const host = new URL(input.url).host;
    if (branches.length === 0) return { message: `Connected to ${host}. The repository is empty: the first sync sets it up.`, empty: true, branches };
    if (!branches.includes(input.branch)) {
      throw new AppError('NOT_FOUND', `Connected to ${host}, but the branch "${input.branch}" does not exist (branches: ${branches.slice(0, 8).join(', ')}).`, { reason: 'branch', branches });
    }
    return { message: `Connected to ${host}: branch "${input.branch}" found.`, empty: false, branches };
  }

  /** Forgets the remote and its secret; documents and sync bases stay (reconnecting the same repository resumes). */
  async disconnect(): Promise<{ disconnected: boolean }> {
    if (this.running) throw new AppError('CONFLICT', 'A sync is running; disconnect when it is done.');
    this.schedule(0);
    // Connecting again is the user's word that the branch, as it is then, is the team's (see SyncAnchor).
    this.anchor.rebind();
    return { disconnected: await this.remote.clear() };
  }

  setAutoSync(minutes: number): { autoSyncMinutes: number } {
    this.remote.setAutoSync(minutes);
    this.schedule(minutes);
    return { autoSyncMinutes: minutes };
  }

  private schedule(minutes: number): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (minutes <= 0) return;
    this.timer = setInterval(() => {
      if (!this.running && this.remote.get()) this.run().catch(() => undefined);
    }, minutes * 60_000);
    this.timer.unref();
  }

  /** Runs a sync, or joins the one already running. `allowDeletes`: the user confirmed the deletions the guard listed. */
  run(options: { allowDeletes?: boolean } = {}): Promise<SyncResult> {
    if (!this.running) this.cancelRequested = false;
    this.running ??= this.runOnce(options.allowDeletes ?? false).finally(() => {
      this.running = null;
      this.phase = 'idle';
    });
    return this.running;
  }

  /**
   * Stops the running sync at any point and resolves once it has stopped
   * (within SYNC_CANCEL_GRACE_MS: past it the worker is ended). Nothing is
   * half-applied: the database changes in one transaction after the push.
   */
  async cancel(): Promise<{ cancelled: boolean }> {
    const running = this.running;
    if (!running) return { cancelled: false };
    this.phase = 'cancelling';
    this.cancelRequested = true;
    this.abort?.abort(cancelled());
    this.host?.cancel();
    await running.catch(() => undefined);
    return { cancelled: true };
  }

  private async runOnce(allowDeletes: boolean): Promise<SyncResult> {
    const last = this.last();
    try {
      const target = await this.remote.target();
      this.counts = ZERO;
      this.message = undefined;
      const author = { name: target.remote.authorName, email: target.remote.authorEmail, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
      const progress = (p: Progress): void => {
        if (this.phase === 'cancelling') return;
        this.phase = p.phase;
        this.counts = p.counts;
        this.message = p.message;
      };
      // Asked here (the desktop shell's session lives on this thread), used for every request of this sync.
      const systemProxy = this.deps.systemProxy ? await this.deps.systemProxy(target.url).catch(() => null) : null;
      let result: SyncResult;
      if (this.host) {
        const auth = (await target.onAuth?.(target.url, { headers: {} })) || null;
        if (this.cancelRequested) throw cancelled();
        const job: SyncJob = {
          workspaceDir: this.deps.workspaceDir,
          nativeBinding: this.deps.worker?.nativeBinding,
          target: { url: target.url, branch: target.branch, auth },
          author,
          identity: this.deps.identity(),
          clockOffsetMs: this.deps.now().getTime() - Date.now(),
          allowDeletes,
          systemProxy,
        };
        result = await this.host.run(job, progress);
      } else {
        const db = this.deps.documents.db;
        if (this.cancelRequested) throw cancelled();
        setProxyResolver(systemProxy ? () => systemProxy : null);
        this.abort = new AbortController();
        result = await runSync(
          {
            repo: this.repo,
            recordSets: this.recordSets,
            transaction: (fn) =>
              db.transaction(() => {
                fn();
                flushSearchIndex(db);
              })(),
            now: this.deps.now,
            signal: this.abort.signal,
            anchor: this.anchor.get(),
            saveAnchor: (head) => this.anchor.synced(head),
            allowDeletes,
          },
          target,
          author,
          progress,
        ).finally(() => {
          this.abort = null;
        });
      }
      this.deps.settings.set(LAST, { at: result.at, result, error: null } satisfies LastSync);
      this.deps.settings.set(BOUND, `${target.url}#${target.branch}`);
      return result;
    } catch (e) {
      const error = isAppError(e) ? e : new AppError('INTERNAL', 'The sync failed inside DesignDesk; nothing was changed. The details are in the log.');
      this.deps.settings.set(LAST, { ...last, error: { code: error.code, message: error.message, at: this.deps.now().toISOString() } } satisfies LastSync);
      throw e;
    }
  }

  private last(): LastSync {
    return this.deps.settings.get<LastSync>(LAST) ?? { at: null, result: null, error: null };
  }

  status(): SyncStatus {
    const last = this.last();
    const remote = this.remote.get();
    return {
      configured: remote !== null,
      running: this.running !== null,
      phase: this.running ? this.phase : 'idle',
      ...(this.running && this.message ? { serverMessage: this.message } : {}),
      counts: this.running ? this.counts : (last.result ? { ...ZERO, in: last.result.in, out: last.result.out, conflicts: last.result.conflicts, errors: last.result.errors.length } : ZERO),
      localChanges: this.store.localChangeCount(),
      conflicts: this.store.conflictCount(),
      lastSyncAt: last.at,
      lastResult: last.result,
      lastError: last.error,
      autoSyncMinutes: remote?.autoSyncMinutes ?? 0,
    };
  }

  conflicts(): SyncConflict[] {
    return this.resolver.list();
  }

  resolve(id: string, take: 'mine' | 'theirs' | 'merged', text?: string): { id: string; trashed: boolean } {
    return this.resolver.resolve(id, take, text);
  }

  /** Stops auto-sync and ends the sync worker (the app is closing). */
  close(): void {
    this.schedule(0);
    this.host?.close();
  }
}
