import fs from 'node:fs';
import path from 'node:path';
import type { Person } from '../shared/document';
import { createDispatch, type Dispatch, type DispatchOptions } from './api/dispatch';
import { createHandlers, type Platform } from './api/handlers';
import { defaultIdentity } from './services/identity';
import { ExportService } from './importExport/exportService';
import { ImportService } from './importExport/importService';
import { ActionItemService } from './services/actionItemService';
import { PostmortemOverviewService } from './services/postmortemOverviewService';
import { AdrService } from './services/adrService';
import { DashboardService } from './services/dashboardService';
import { DocumentService } from './services/documentService';
import { readTeamTemplates } from './services/teamTemplateStore';
import { LinkService } from './services/linkService';
import { OnboardingService } from './services/onboardingService';
import { ReviewLog } from './services/reviewLog';
import { ApprovalGuard } from './services/approvalGuard';
import { ReviewPolicyGate } from './services/reviewPolicyGate';
import { ReviewService } from './services/reviewService';
import { SuggestionService } from './services/suggestionService';
import { SearchCatchUp } from './services/searchCatchUp';
import { SearchService } from './services/searchService';
import { TrashService } from './services/trashService';
import { HealthService } from './services/healthService';
import { VersionRecorder, VersionService } from './services/versionService';
import { DocumentStore } from './store/documentStore';
import { openDatabase, type Db } from './store/openDatabase';
import { ReviewStore } from './store/reviewStore';
import { SearchIndex } from './store/searchIndex';
import { SettingsStore } from './store/settingsStore';
import { startAutoBackup, type AutoBackupOptions } from './store/backup';
import { BackupService, type RestoreWorkerOptions } from './services/backupService';
import { AppError } from '../shared/errors';
import { FileSecretStore, type SecretStore } from './sync/secretStore';
import { PublishService, type PublishWorkerOptions } from './publish/publishService';
import { extraRecordSets } from './sync/syncParts';
import { SyncService } from './sync/syncService';
import type { SyncWorkerOptions } from './sync/syncWorkerHost';
import { DB_FILE } from './store/openDatabase';
import { acquireWorkspaceLock, type LockOwner } from './workspaceLock';

export interface AppOptions {
  workspaceDir: string;
  bridge: 'electron' | 'web';
  version: string;
  nativeBinding?: string;
  now?: () => Date;
  /** Identity used until the user sets one; defaults to git config. */
  fallbackIdentity?: () => Person;
  dispatch?: DispatchOptions;
  /** Desktop-only abilities (print to PDF), given by the Electron shell. */
  platform?: Platform;
  /** Offer the first-run guide on a new, empty workspace (the desktop app and `npm run web`; tests and the CLI start in the library). */
  offerFirstRun?: boolean;
  /** Where the remote's secret is kept; defaults to a file beside the database (the desktop passes safeStorage). */
  secrets?: SecretStore;
  /** Take the workspace's one-writer lock (docs/adr/0007): the desktop app, the web host and writing CLI commands do. */
  lock?: LockOwner;
  /** Automatic online backups into <workspace>/backups: on start, then hourly, the last 10 kept (docs/reliability.md). */
  backups?: boolean | AutoBackupOptions;
  /** Run syncs in this worker thread (the hosts give dist/main/sync-worker.cjs); in the calling thread when absent. */
  syncWorker?: SyncWorkerOptions;
  /** Check and copy a backup restored from Settings in this worker thread (the hosts give dist/main/restore-worker.cjs); in the calling thread when absent. */
  restoreWorker?: RestoreWorkerOptions;
  /** Run "Publish site..." in this worker thread (the hosts give dist/main/publish-worker.cjs); in the calling thread when absent. */
  publishWorker?: PublishWorkerOptions;
  /** Run the repository health checks in this worker thread (the hosts give dist/main/health-worker.cjs); in the calling thread when absent. */
  healthWorker?: { script: string | URL };
  /**
   * The system's proxy for a URL (the desktop shell asks Electron's
   * session.resolveProxy): a proxy URL, or null to go direct. Used when no
   * HTTPS_PROXY / HTTP_PROXY / NO_PROXY variable decides.
   */
  systemProxy?: (url: string) => Promise<string | null>;
}

export interface App {
  db: Db;
  documents: DocumentService;
  importer: ImportService;
  exporter: ExportService;
  settings: SettingsStore;
  sync: SyncService;
  dispatch: Dispatch;
  close(): void;
}

/** The services of one open database; recomposed when a restore reopens it. */
interface Parts {
  db: Db;
  documents: DocumentService;
  importer: ImportService;
  exporter: ExportService;
  settings: SettingsStore;
  sync: SyncService;
  publisher: PublishService;
  /** The search index's catch-up after saves (migration 008). */
  catchUp: SearchCatchUp;
  dispatch: Dispatch;
}

function compose(db: Db, options: AppOptions, backups: BackupService): Parts {
  const settings = new SettingsStore(db);
  let fallback: Person | undefined;
  const identity = (): Person => settings.get<Person>('identity') ?? (fallback ??= (options.fallbackIdentity ?? defaultIdentity)());
  const ctx = { now: options.now ?? (() => new Date()), identity };
  const store = new DocumentStore(db);
  // Documents a save marked but a crash or kill kept from the search index (migration 008) go in now.
  const catchUp = new SearchCatchUp(db);
  catchUp.flush();
  const recorder = new VersionRecorder(store, ctx);
  const links = new LinkService(store);
  const reviewStore = new ReviewStore(db);
  const reviewLog = new ReviewLog(store, reviewStore, ctx);
  const approvals = new ApprovalGuard(store, reviewStore, settings, ctx, (doc) => recorder.keep(doc));
  const documents = new DocumentService(store, ctx, [recorder, links, new ReviewPolicyGate(reviewLog, settings, ctx.now), approvals, catchUp], () => readTeamTemplates(settings));
  const versions = new VersionService(store, recorder, documents, ctx);
  const trash = new TrashService(store, ctx);
  const adrs = new AdrService(store, ctx, [recorder, links, catchUp]);
  const actionItems = new ActionItemService(db, ctx.now);
  const search = new SearchService(new SearchIndex(db));
  const reviews = new ReviewService(documents, store, reviewLog, settings, ctx, versions);
  const suggestions = new SuggestionService(documents, store, reviewLog, reviews, ctx);
  const dashboard = new DashboardService(store, reviewStore, actionItems, settings, ctx);
  const sync = new SyncService({ workspaceDir: options.workspaceDir, documents: store, settings, secrets: options.secrets ?? new FileSecretStore(path.join(options.workspaceDir, 'secrets.json')), hooks: [recorder, links, approvals], identity, now: ctx.now, recordSets: extraRecordSets(db, store, reviewStore, settings, ctx.now), worker: options.syncWorker && { ...options.syncWorker, nativeBinding: options.nativeBinding }, systemProxy: options.systemProxy });
  const onboarding = new OnboardingService(store, settings, trash, options.offerFirstRun ?? false);
  const publisher = new PublishService({ workspaceDir: options.workspaceDir, ...(options.publishWorker ? { worker: options.publishWorker } : {}), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const postmortems = new PostmortemOverviewService(db, settings, ctx.now);
  const health = new HealthService(store, documents, reviewStore, settings, () => sync.status().lastResult?.errors ?? [], options.healthWorker ? { script: options.healthWorker.script, dbFile: path.join(options.workspaceDir, DB_FILE), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) } : undefined);
  const handlers = createHandlers({ documents, versions, links, search, trash, actionItems, adrs, reviews, suggestions, dashboard, onboarding, postmortems, settings, sync, publisher, health, backups, identity, platform: options.platform ?? {}, info: { version: options.version, workspace: options.workspaceDir, bridge: options.bridge } });
  return { db, documents, importer: new ImportService(store, ctx, [links], recorder), exporter: new ExportService(store), settings, sync, publisher, catchUp, dispatch: createDispatch(handlers, options.dispatch) };
}

/**
 * The one place that composes the services of a workspace. A restore from
 * Settings closes the database and opens it again (BackupService): the
 * services are then composed anew, and `dispatch` holds calls meanwhile.
 */
export function createApp(options: AppOptions): App {
  fs.mkdirSync(options.workspaceDir, { recursive: true });
  const lock = options.lock ? acquireWorkspaceLock(options.workspaceDir, options.lock) : null;
  const dbFile = path.join(options.workspaceDir, DB_FILE);
  const open = (): Db => openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  const autoOptions = options.backups === true ? {} : options.backups || null;
  // The hourly backups go through the backup service: in its worker when the host gives one.
  const startBackups = (skipFirst: boolean) => (autoOptions ? startAutoBackup(() => backups.take(), { ...autoOptions, skipFirst }) : null);
  /** While set, every call waits for it (a restore holds the workspace still). */
  let gate: Promise<unknown> | null = null;
  const busy = (): string | null =>
    parts.sync.status().running ? 'A sync is running: wait for it to finish (or cancel it), then restore.' : parts.publisher.status().running ? 'A publish is running: wait for it to finish, then restore.' : null;
  const backups = new BackupService({
    workspaceDir: options.workspaceDir,
    db: () => parts.db,
    now: options.now ?? (() => new Date()),
    ...(autoOptions && autoOptions.keep ? { keep: autoOptions.keep } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.restoreWorker ? { worker: options.restoreWorker } : {}),
    busy,
    exclusive: async (work) => {
      const held = work();
      gate = held.catch(() => undefined).finally(() => (gate = null));
      return held;
    },
    whileClosed: async (swap) => {
      auto?.stop();
      await auto?.running();
      const reason = busy();
      if (reason) {
        auto = startBackups(true);
        throw new AppError('CONFLICT', reason);
      }
      parts.sync.close();
      parts.catchUp.cancel(); // the marks stay in that database; whichever opens it flushes them
      parts.db.close();
      try {
        return await swap();
      } finally {
        parts = compose(open(), options, backups);
        auto = startBackups(true);
      }
    },
  });
  let parts: Parts;
  try {
    parts = compose(open(), options, backups);
  } catch (e) {
    lock?.release();
    throw e;
  }
  let auto = startBackups(false);
  return {
    get db() {
      return parts.db;
    },
    get documents() {
      return parts.documents;
    },
    get importer() {
      return parts.importer;
    },
    get exporter() {
      return parts.exporter;
    },
    get settings() {
      return parts.settings;
    },
    get sync() {
      return parts.sync;
    },
    dispatch: async (channel, input) => {
      while (gate) await gate;
      return parts.dispatch(channel, input);
    },
    close: () => {
      auto?.stop();
      parts.sync.close();
      try {
        parts.catchUp.flush();
      } catch {
        // Busy or read-only: the marks stay and the next open flushes them.
      }
      if (parts.db.open) parts.db.close();
      lock?.release();
    },
  };
}
