import type { HealthFinding, HealthReport } from '../../shared/contract/health';
import type { SyncFileError } from '../../shared/contract/sync';
import type { Document } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { checkRepoEntries, numberList, type RepoCheckFinding, type RepoEntry } from '../../shared/health/repoChecks';
import { displayRef } from '../../shared/kinds/kinds';
import { documentPath } from '../../shared/sync/repoLayout';
import type { DocumentStore } from '../store/documentStore';
import type { ReviewStore } from '../store/reviewStore';
import type { SettingsStore } from '../store/settingsStore';
import type { DocumentService } from './documentService';

/** Settings key: the finding keys the user has seen in the Health view. */
export const HEALTH_SEEN_KEY = 'health.seen';

type Unmarked = Omit<HealthFinding, 'isNew'>;

interface Found {
  finding: Unmarked;
  /** Applies the fix; absent when a person has to decide. */
  apply?: () => void;
}

/**
 * Repository health: the checks of `designdesk lint` (shared, in
 * src/shared/health/repoChecks.ts) run on this workspace's documents, plus the
 * files the last sync could not read and review records of documents that do
 * not exist here. Fixes go through DocumentService, so they get a version,
 * a history entry, fresh links and a place in the next sync like any edit.
 */
export class HealthService {
  constructor(
    private readonly store: DocumentStore,
    private readonly documents: DocumentService,
    private readonly reviews: ReviewStore,
    private readonly settings: SettingsStore,
    /** The files the last sync could not read (its result's `errors`); empty before the first sync. */
    private readonly unreadableFiles: () => readonly SyncFileError[],
  ) {}

  /** Every finding, each marked new when the Health view has not shown it yet. */
  check(): HealthReport {
    return this.report(this.find());
  }

  /** Applies the obvious fix of one finding and returns the findings after it. */
  fix(key: string): HealthReport {
    const found = this.find().find((f) => f.finding.key === key);
    if (!found) throw new AppError('NOT_FOUND', 'This problem is no longer there (a sync or an edit fixed it). The list is up to date now.', { key });
    if (!found.apply) throw new AppError('VALIDATION', `"${found.finding.reason}" has no automatic fix: open the document and decide.`, { key });
    found.apply();
    return this.check();
  }

  /** Marks every current finding as seen (the user opened the Health view). */
  seen(): HealthReport {
    const found = this.find();
    this.settings.set(HEALTH_SEEN_KEY, found.map((f) => f.finding.key));
    return this.report(found);
  }

  private report(found: readonly Found[]): HealthReport {
    const seen = new Set(this.settings.get<string[]>(HEALTH_SEEN_KEY) ?? []);
    const findings = found.map((f) => ({ ...f.finding, isNew: !seen.has(f.finding.key) }));
    return { findings, newCount: findings.filter((f) => f.isNew).length };
  }

  private find(): Found[] {
    const docs = new Map<string, Document>();
    const entries: RepoEntry[] = [];
    for (const d of this.store.listLive()) {
      docs.set(d.id, d);
      entries.push({ path: documentPath(d), doc: { id: d.id, kind: d.kind, number: d.number, title: d.title, status: d.status, body: d.body, fields: d.fields, createdAt: d.createdAt, updatedAt: d.updatedAt } });
    }
    const out: Found[] = checkRepoEntries(entries).map((f) => this.fromCheck(f, docs));
    for (const e of this.unreadableFiles()) {
      out.push({ finding: { key: `unreadable-file:${e.path}:${e.reason}`, check: 'unreadable-file', path: e.path, reason: `could not be read by the last sync: ${e.reason}`, docId: null, label: null, fix: null } });
    }
    for (const o of this.reviews.orphans()) {
      out.push({
        finding: {
          key: `orphan-review:${o.docId}`,
          check: 'orphan-review',
          path: o.path ?? `reviews/${o.docId}.yml`,
          reason: `${o.records} review ${o.records === 1 ? 'record' : 'records'} for a document that exists neither here nor in the team repository (${o.docId}): restore the document from the trash, or remove the review file in the repository`,
          docId: null,
          label: null,
          fix: null,
        },
      });
    }
    return out;
  }

  private fromCheck(f: RepoCheckFinding, docs: ReadonlyMap<string, Document>): Found {
    const d = f.entry.doc.id ? docs.get(f.entry.doc.id) : undefined;
    const label = d ? `${displayRef(d.kind, d.number)} ${d.title}` : null;
    const finding: Unmarked = { key: `${f.check}:${f.entry.doc.id ?? f.path}:${f.reason}`, check: f.check, path: f.path, reason: f.reason, docId: d?.id ?? null, label, fix: null };
    const other = f.backLink && f.backLink.entry.doc.id ? docs.get(f.backLink.entry.doc.id) : undefined;
    if (!f.backLink || !other || other.kind !== 'adr') return { finding };
    const { field, number } = f.backLink;
    const ref = (n: number): string => displayRef(other.kind, n);
    const fix = field === 'supersedes' ? `Add ${ref(number)} to ${ref(other.number)}'s supersedes` : `Mark ${ref(other.number)} superseded by ${ref(number)}`;
    return {
      finding: { ...finding, fix },
      apply: () => {
        const fields = field === 'supersedes' ? { ...other.fields, supersedes: [...new Set([...numberList(other.fields.supersedes), number])].sort((a, b) => a - b) } : { ...other.fields, supersededBy: number };
        this.documents.update({ id: other.id, baseRevision: other.revision, fields });
      },
    };
  }
}
