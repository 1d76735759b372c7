import type { HealthFinding } from '../../shared/contract/health';
import type { SyncFileError } from '../../shared/contract/sync';
import type { Document } from '../../shared/document';
import { checkRepoEntries, type RepoCheckFinding, type RepoEntry } from '../../shared/health/repoChecks';
import { displayRef } from '../../shared/kinds/kinds';
import { documentPath } from '../../shared/sync/repoLayout';

/** A finding before the Health view's "new" mark. */
export type Unmarked = Omit<HealthFinding, 'isNew'>;

/** A one-sided supersede link: the ADR `docId` should name `number` in `field`. */
export interface BackLinkFix {
  docId: string;
  field: 'supersedes' | 'supersededBy';
  number: number;
}

export interface FoundHealth {
  finding: Unmarked;
  /** What the obvious fix changes; absent when a person has to decide. */
  backLink?: BackLinkFix;
}

/** What the checks read: every live document whole, the review records without a document, and what the last sync could not read. */
export interface HealthSources {
  live: readonly Document[];
  orphans: readonly { docId: string; path: string | null; records: number }[];
  unreadable: readonly SyncFileError[];
}

/**
 * Every repository-health finding of a workspace: the checks of `designdesk
 * lint` (src/shared/health/repoChecks.ts) on its documents, the files the last
 * sync could not read, and review records of documents that do not exist
 * here. Pure: the app runs it in the health worker (healthWorker.ts) on a
 * connection of its own, or in its own thread when it has no worker.
 */
export function findHealth(src: HealthSources): FoundHealth[] {
  const docs = new Map<string, Document>();
  const entries: RepoEntry[] = [];
  for (const d of src.live) {
    docs.set(d.id, d);
    entries.push({ path: documentPath(d), doc: { id: d.id, kind: d.kind, number: d.number, title: d.title, status: d.status, body: d.body, fields: d.fields, createdAt: d.createdAt, updatedAt: d.updatedAt } });
  }
  const out: FoundHealth[] = checkRepoEntries(entries).map((f) => fromCheck(f, docs));
  for (const e of src.unreadable) {
    out.push({ finding: { key: `unreadable-file:${e.path}:${e.reason}`, check: 'unreadable-file', path: e.path, reason: `could not be read by the last sync: ${e.reason}`, docId: null, label: null, fix: null } });
  }
  for (const o of src.orphans) {
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

function fromCheck(f: RepoCheckFinding, docs: ReadonlyMap<string, Document>): FoundHealth {
  const d = f.entry.doc.id ? docs.get(f.entry.doc.id) : undefined;
  const label = d ? `${displayRef(d.kind, d.number)} ${d.title}` : null;
  const finding: Unmarked = { key: `${f.check}:${f.entry.doc.id ?? f.path}:${f.reason}`, check: f.check, path: f.path, reason: f.reason, docId: d?.id ?? null, label, fix: null };
  const other = f.backLink && f.backLink.entry.doc.id ? docs.get(f.backLink.entry.doc.id) : undefined;
  if (!f.backLink || !other || other.kind !== 'adr') return { finding };
  const { field, number } = f.backLink;
  const ref = (n: number): string => displayRef(other.kind, n);
  const fix = field === 'supersedes' ? `Add ${ref(number)} to ${ref(other.number)}'s supersedes` : `Mark ${ref(other.number)} superseded by ${ref(number)}`;
  return { finding: { ...finding, fix }, backLink: { docId: other.id, field, number } };
}
