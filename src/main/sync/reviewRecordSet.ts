import type { SyncChange, SyncFileError } from '../../shared/contract/sync';
import { displayRef } from '../../shared/kinds/kinds';
import { mergeReviewRecords } from '../../shared/reviews/merge';
import { docIdOfReviewPath, parseReviewFile, reviewFileHeader, reviewFilePath, reviewFileText, REVIEWS_FOLDER } from '../../shared/reviews/reviewFile';
import type { ReviewRecord } from '../../shared/reviews/schemas';
import { stableJson } from '../../shared/sync/mergeDocument';
import type { DocumentStore } from '../store/documentStore';
import type { ReviewStore } from '../store/reviewStore';
import { GitRepo } from './gitRepo';
import { historyOfIncoming } from '../services/reviewHistory';
import type { ReviewBase, ReviewSyncStore } from './reviewSyncStore';
import type { RecordSet, RemoteSnapshot } from './syncEngine';

export interface ReviewRecordSetDeps {
  store: ReviewSyncStore;
  reviews: ReviewStore;
  /** For the history lines of records that arrive. */
  documents: DocumentStore;
  now: () => Date;
}

/** What happens to one document's review records, applied after the push. */
interface ReviewDecision {
  docId: string;
  /** The ids of the local records the plan saw; a record made while the sync ran is kept on top. */
  plannedIds: ReadonlySet<string>;
  merged: ReviewRecord[];
  /** Records that were not here (or were different here): taken in, with a line of history each. */
  incoming: ReviewRecord[];
  base: ReviewBase | 'delete';
}

const same = (a: ReviewRecord, b: ReviewRecord): boolean => stableJson(a) === stableJson(b);

function sameSet(a: readonly ReviewRecord[], b: readonly ReviewRecord[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((r) => [r.id, r]));
  return a.every((r) => {
    const o = byId.get(r.id);
    return o !== undefined && same(r, o);
  });
}

function sameIds(records: readonly ReviewRecord[], ids: readonly string[]): boolean {
  const set = new Set(ids);
  return records.length === set.size && records.every((r) => set.has(r.id));
}

/**
 * The review records (reviews/<document id>.yml) as a record set of the
 * sync engine: per document, a set merge by id of the records of the last
 * sync, the local ones and the repository's (mergeReviewRecords), so two
 * people's reviews never conflict. A file that cannot be read is reported
 * by path and its document's records are left alone on both sides. A file
 * of a document this workspace does not have is kept as it is (lint reports
 * it); its records are taken in when the document arrives.
 */
export function reviewRecordSet(deps: ReviewRecordSetDeps): RecordSet {
  return {
    name: 'reviews',
    folders: [REVIEWS_FOLDER],
    async plan(snapshot, progress, files) {
      const bases = deps.store.bases();
      const remotePaths = new Map<string, string>();
      for (const p of snapshot.files.keys()) {
        const id = docIdOfReviewPath(p);
        if (id) remotePaths.set(id, p);
      }
      const ids = [...new Set([...deps.store.reviewedDocIds(), ...bases.keys(), ...remotePaths.keys()])].sort();
      const changes: SyncChange[] = [];
      const errors: SyncFileError[] = [];
      const decisions: ReviewDecision[] = [];
      const claimed = new Map<string, string>();
      const readRemote = (docId: string, path: string): Promise<RemoteFile | null> => readFile(snapshot, path, docId, deps.store, claimed, errors);

      let done = 0;
      for (const docId of ids) {
        progress(++done, ids.length);
        const path = remotePaths.get(docId) ?? null;
        // A repository the workspace was moved to: a missing file deletes no record (RemoteSnapshot.rebound).
        const B = snapshot.rebound && !path ? undefined : bases.get(docId);
        const oid = path ? snapshot.files.get(path)! : null;
        const doc = deps.store.doc(docId);

        if (!doc) {
          // Not here (yet): the file stays as it is; its records come in if the document arrives in this sync.
          if (!path || !oid) continue;
          const remote = B && B.oid === oid ? { records: parseOrEmpty(B.text), text: B.text } : await readRemote(docId, path);
          if (remote) decisions.push({ docId, plannedIds: new Set(), merged: remote.records, incoming: remote.records, base: { docId, path, oid, text: remote.text, recordIds: remote.records.map((r) => r.id) } });
          continue;
        }

        const local = deps.reviews.list(docId);
        const ref = displayRef(doc.kind, doc.number);
        if (B && oid === B.oid && sameIds(local, B.recordIds) && B.text.startsWith(reviewFileHeader(ref, doc.title))) continue;

        const baseRecords = B ? parseOrEmpty(B.text) : [];
        let remote: RemoteFile | null = null;
        if (path && oid) {
          remote = B && B.oid === oid ? { records: baseRecords, text: B.text } : await readRemote(docId, path);
          if (!remote) continue;
        }
        const theirs = remote?.records ?? [];
        const merged = mergeReviewRecords(baseRecords, local, theirs);
        const localById = new Map(local.map((r) => [r.id, r]));
        const incoming = merged.filter((r) => !localById.has(r.id) || !same(r, localById.get(r.id)!));
        const title = `${doc.title} (review)`;
        if (incoming.length) changes.push({ direction: 'in', action: local.length ? 'updated' : 'added', ref, title, path: path ?? reviewFilePath(docId) });

        let base: ReviewDecision['base'];
        const recordsChanged = !remote || !sameSet(merged, theirs);
        // The header is brought up to date (a new title or number) only over a file nobody else changed: two laptops
        // that see the document under different titles for a moment never rewrite it back and forth.
        const headerStale = !!B && oid === B.oid && !B.text.startsWith(reviewFileHeader(ref, doc.title));
        if (merged.length === 0 && !remote) base = 'delete';
        else if (remote && path && oid && !recordsChanged && !headerStale) base = { docId, path, oid, text: remote.text, recordIds: merged.map((r) => r.id) };
        else {
          const target = path ?? reviewFilePath(docId);
          const text = reviewFileText(ref, doc.title, merged);
          const textOid = GitRepo.blobOid(text);
          if (textOid !== oid) files.write(target, text);
          // A header brought up to date goes with the document's own change.
          if (recordsChanged && textOid !== oid) changes.push({ direction: 'out', action: path ? 'updated' : 'added', ref, title, path: target });
          base = { docId, path: target, oid: textOid, text, recordIds: merged.map((r) => r.id) };
        }
        decisions.push({ docId, plannedIds: new Set(local.map((r) => r.id)), merged, incoming, base });
      }

      return {
        changes,
        conflicts: 0,
        errors,
        apply: () => applyReviews(decisions, deps),
      };
    },
  };
}

interface RemoteFile {
  records: ReviewRecord[];
  text: string;
}

/** Reads and checks a changed review file; null (and an error by path) when it cannot be taken in. */
async function readFile(
  snapshot: RemoteSnapshot,
  path: string,
  docId: string,
  store: ReviewSyncStore,
  claimed: Map<string, string>,
  errors: SyncFileError[],
): Promise<RemoteFile | null> {
  const text = await snapshot.read(snapshot.files.get(path)!);
  const parsed = parseReviewFile(text);
  if (!parsed.ok) {
    errors.push({ path, reason: parsed.reason });
    return null;
  }
  for (const r of parsed.records) {
    const owner = claimed.get(r.id) ?? store.ownerOf(r.id);
    if (owner && owner !== docId) {
      errors.push({ path, reason: `record ${r.id} is already a record of document ${owner} (copied from another review file?)` });
      return null;
    }
  }
  for (const r of parsed.records) claimed.set(r.id, docId);
  return { records: parsed.records, text };
}

function parseOrEmpty(text: string): ReviewRecord[] {
  const r = parseReviewFile(text);
  return r.ok ? r.records : [];
}

/**
 * Applies the review plan once the commit is in the repository (inside the
 * sync's transaction, after the documents, so a document that arrived has
 * its row). Records made while the sync ran are kept; the base becomes what
 * the repository now holds, so they count as not pushed yet.
 */
function applyReviews(decisions: readonly ReviewDecision[], deps: ReviewRecordSetDeps): void {
  const at = deps.now().toISOString();
  for (const d of decisions) {
    if (!deps.store.doc(d.docId)) continue;
    const current = deps.reviews.list(d.docId);
    const madeMeanwhile = current.filter((r) => !d.plannedIds.has(r.id));
    const final = [...d.merged.filter((r) => !madeMeanwhile.some((m) => m.id === r.id)), ...madeMeanwhile];
    if (!sameSet(final, current)) deps.reviews.replaceAll(d.docId, final);
    const currentIds = new Set(current.map((r) => r.id));
    for (const h of historyOfIncoming(d.docId, d.incoming.filter((r) => !currentIds.has(r.id)), final)) deps.documents.addHistory(h);
    if (d.base === 'delete') deps.store.deleteBase(d.docId);
    else deps.store.setBase(d.base, at);
  }
}
