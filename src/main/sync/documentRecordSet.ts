import type { Person } from '../../shared/document';
import { DOC_FOLDERS, isDocumentPath } from '../../shared/sync/repoLayout';
import type { DocumentHooks } from '../services/documentService';
import type { DocumentStore } from '../store/documentStore';
import { applyDocumentPlan } from './documentApply';
import { planDocuments, type DocumentPlan } from './documentPlan';
import { readRemoteDocuments, unchangedEntry, type RemoteDocuments } from './remoteDocuments';
import type { RecordSet, RemoteSnapshot } from './syncEngine';
import type { LocalDoc, SyncBase, SyncStore } from './syncStore';

export interface DocumentRecordSetDeps {
  sync: SyncStore;
  documents: DocumentStore;
  hooks: readonly DocumentHooks[];
  identity: () => Person;
  now: () => Date;
}

/**
 * The input of a plan restricted to the documents that changed (here, or in
 * the repository since the applied head), or null when every document must
 * be looked at. The bases all match the repository at the applied head
 * (migration 007); with no conflict open, every other document is then
 * unchanged on both sides and its plan would change nothing. Changes in the
 * repository qualify only as edits of files in place: a file added, removed
 * or renamed, one without its id, with another number, or unreadable, and
 * any doubt (a base whose file is not where it says) fall back to the full
 * plan. Local rows are read after the last await, as in the full plan.
 */
async function incrementalInput(
  sync: SyncStore,
  snapshot: RemoteSnapshot,
  progress: (done: number, total: number) => void,
): Promise<{ locals: LocalDoc[]; bases: Map<string, SyncBase>; remote: RemoteDocuments } | null> {
  const applied = sync.appliedHead();
  if (snapshot.head === null || snapshot.rebound || applied === null || sync.conflictCount() > 0) return null;
  const changed = new Map<string, string>();
  if (snapshot.head !== applied) {
    const before = await snapshot.filesAt(applied);
    if (!before) return null;
    for (const [path, oid] of snapshot.files) {
      if (!isDocumentPath(path)) continue;
      const old = before.get(path);
      if (old === undefined) return null;
      if (old !== oid) changed.set(path, oid);
    }
    for (const path of before.keys()) if (isDocumentPath(path) && !snapshot.files.has(path)) return null;
  }
  const changedBases = new Map<string, SyncBase>();
  for (const path of changed.keys()) {
    const base = sync.baseAtPath(path);
    if (!base) return null;
    changedBases.set(base.docId, base);
  }
  const fresh = await readRemoteDocuments(changed, changedBases, snapshot.read, progress);
  if (fresh.errors.length > 0 || fresh.skipped.length > 0 || fresh.blockedIds.size > 0) return null;
  for (const [id, e] of fresh.byId) if (changedBases.get(id)?.path !== e.path || e.needsWriteBack || e.numberless) return null;

  const { docs, bases } = sync.touchedDocs(changedBases.keys());
  const locals = new Map(docs.map((d) => [d.id, d]));
  for (const [id, e] of fresh.byId) if (locals.get(id)?.number !== e.doc.number) return null;
  const byId = new Map(fresh.byId);
  for (const b of bases.values()) {
    if (byId.has(b.docId)) continue;
    if (snapshot.files.get(b.path) !== b.oid) return null;
    byId.set(b.docId, unchangedEntry(b));
  }
  return { locals: docs, bases, remote: { byId, errors: [], skipped: [], blockedIds: new Set() } };
}

/** The documents (rfcs/, adrs/, decisions/, postmortems/) as a record set of the sync engine. */
export function documentRecordSet(deps: DocumentRecordSetDeps): RecordSet {
  return {
    name: 'documents',
    folders: DOC_FOLDERS,
    async plan(snapshot, progress, files) {
      const now = deps.now().toISOString();
      // Only what changed, when the last sync left the bases clean (see incrementalInput); else every document.
      const touched = await incrementalInput(deps.sync, snapshot, progress);
      let plan: DocumentPlan;
      let remote: RemoteDocuments;
      if (touched) {
        remote = touched.remote;
        plan = planDocuments({ locals: touched.locals, bases: touched.bases, conflicts: new Map(), remote, remotePaths: new Set(snapshot.files.keys()), now, files, rebound: false });
      } else {
        remote = await readRemoteDocuments(snapshot.files, deps.sync.bases(), snapshot.read, progress);
        // Local rows are read after the last await, so the plan sees them as they are now.
        plan = planDocuments({
          locals: deps.sync.allDocs(),
          bases: deps.sync.bases(),
          conflicts: new Map(deps.sync.conflicts().map((c) => [c.docId, c])),
          remote,
          remotePaths: new Set(snapshot.files.keys()),
          now,
          files,
          rebound: snapshot.rebound,
        });
      }
      const clean = plan.conflicts === 0 && remote.errors.length === 0 && remote.skipped.length === 0 && remote.blockedIds.size === 0;
      return {
        changes: plan.changes,
        conflicts: plan.conflicts,
        errors: remote.errors,
        // The larger of the two libraries: deletions here shrink the one, deletions there the other.
        library: Math.max(deps.sync.liveDocCount(), [...snapshot.files.keys()].filter(isDocumentPath).length),
        skipped: remote.skipped,
        apply: (head) => {
          const { complete } = applyDocumentPlan(plan, { sync: deps.sync, documents: deps.documents, hooks: deps.hooks, actor: deps.identity(), now: deps.now().toISOString() });
          // The bases now match `head` exactly, unless something was left for the next sync.
          deps.sync.setAppliedHead(clean && complete ? head : null);
        },
      };
    },
  };
}
