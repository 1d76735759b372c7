import type { HealthReport } from '../../shared/contract/health';
import type { SyncFileError } from '../../shared/contract/sync';
import { AppError } from '../../shared/errors';
import { numberList } from '../../shared/health/repoChecks';
import type { DocumentStore } from '../store/documentStore';
import type { ReviewStore } from '../store/reviewStore';
import type { SettingsStore } from '../store/settingsStore';
import type { DocumentService } from './documentService';
import { findHealth, type FoundHealth } from './healthFind';
import type { FromHealthWorker, HealthJob } from './healthWorker';
import { runJobWorker } from './jobWorker';

/** Settings key: the finding keys the user has seen in the Health view. */
export const HEALTH_SEEN_KEY = 'health.seen';

/** Where the health worker's code is: dist/main/health-worker.cjs beside the bundled entry points. */
export interface HealthWorkerOptions {
  script: string | URL;
  /** The workspace database the worker opens read-only. */
  dbFile: string;
  nativeBinding?: string;
  /** How long a check may take (HEALTH_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** A health check of 10,000 documents takes under a second: two minutes means it is stuck. */
export const HEALTH_TIMEOUT_MS = 120_000;

/**
 * Repository health: the checks of `designdesk lint` (shared, in
 * src/shared/health/repoChecks.ts) run on this workspace's documents, plus the
 * files the last sync could not read and review records of documents that do
 * not exist here (healthFind.ts). The checks read every document, so with a
 * worker (the desktop app, the web host) they run there. Fixes go through
 * DocumentService, so they get a version, a history entry, fresh links and a
 * place in the next sync like any edit.
 */
export class HealthService {
  constructor(
    private readonly store: DocumentStore,
    private readonly documents: DocumentService,
    private readonly reviews: ReviewStore,
    private readonly settings: SettingsStore,
    /** The files the last sync could not read (its result's `errors`); empty before the first sync. */
    private readonly unreadableFiles: () => readonly SyncFileError[],
    private readonly worker?: HealthWorkerOptions,
  ) {}

  /** Every finding, each marked new when the Health view has not shown it yet. */
  async check(): Promise<HealthReport> {
    return this.report(await this.findOffThread());
  }

  /** Applies the obvious fix of one finding and returns the findings after it. */
  async fix(key: string): Promise<HealthReport> {
    const found = (await this.findOffThread()).find((f) => f.finding.key === key);
    if (!found) throw new AppError('NOT_FOUND', 'This problem is no longer there (a sync or an edit fixed it). The list is up to date now.', { key });
    if (!found.backLink) throw new AppError('VALIDATION', `"${found.finding.reason}" has no automatic fix: open the document and decide.`, { key });
    const { docId, field, number } = found.backLink;
    const other = this.store.get(docId);
    if (!other) throw new AppError('NOT_FOUND', 'The document this fix would change is gone (a sync or an edit removed it). The list is up to date now.', { key });
    const fields = field === 'supersedes' ? { ...other.fields, supersedes: [...new Set([...numberList(other.fields.supersedes), number])].sort((a, b) => a - b) } : { ...other.fields, supersededBy: number };
    this.documents.update({ id: other.id, baseRevision: other.revision, fields });
    return this.check();
  }

  /** Marks every current finding as seen (the user opened the Health view). */
  async seen(): Promise<HealthReport> {
    const found = await this.findOffThread();
    this.settings.set(HEALTH_SEEN_KEY, found.map((f) => f.finding.key));
    return this.report(found);
  }

  private report(found: readonly FoundHealth[]): HealthReport {
    const seen = new Set(this.settings.get<string[]>(HEALTH_SEEN_KEY) ?? []);
    const findings = found.map((f) => ({ ...f.finding, isNew: !seen.has(f.finding.key) }));
    return { findings, newCount: findings.filter((f) => f.isNew).length };
  }

  /** The findings: in the worker when there is one (it reads what this thread committed), else here. */
  private findOffThread(): Promise<FoundHealth[]> {
    const unreadable = [...this.unreadableFiles()];
    const w = this.worker;
    if (!w) return Promise.resolve(findHealth({ live: this.store.listLive(), orphans: this.reviews.orphans(), unreadable }));
    const job: HealthJob = { dbFile: w.dbFile, unreadable, ...(w.nativeBinding ? { nativeBinding: w.nativeBinding } : {}) };
    return runJobWorker<FromHealthWorker, FoundHealth[]>(w.script, job, {
      onMessage: (m, resolve, reject) => (m.type === 'found' ? resolve(m.found) : reject(new AppError('INTERNAL', `The health check failed: ${m.message}`))),
      stopped: (how) => new AppError('INTERNAL', 'error' in how ? `The health check stopped: ${how.error.message}` : `The health worker ended (exit code ${how.exitCode}) before it answered.`),
      // Seconds even for a large library: far past that, something is stuck, and the check says so.
      timeout: { ms: w.timeoutMs ?? HEALTH_TIMEOUT_MS, error: () => new AppError('INTERNAL', `The health check took more than ${Math.round((w.timeoutMs ?? HEALTH_TIMEOUT_MS) / 1000)} s and was stopped; the next sync checks again.`) },
    });
  }
}
