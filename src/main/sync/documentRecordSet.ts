import type { Person } from '../../shared/document';
import { DOC_FOLDERS } from '../../shared/sync/repoLayout';
import type { DocumentHooks } from '../services/documentService';
import type { DocumentStore } from '../store/documentStore';
import { applyDocumentPlan } from './documentApply';
import { planDocuments } from './documentPlan';
import { readRemoteDocuments } from './remoteDocuments';
import type { RecordSet } from './syncEngine';
import type { SyncStore } from './syncStore';

export interface DocumentRecordSetDeps {
  sync: SyncStore;
  documents: DocumentStore;
  hooks: readonly DocumentHooks[];
  identity: () => Person;
  now: () => Date;
}

/** The documents (rfcs/, adrs/, decisions/, postmortems/) as a record set of the sync engine. */
export function documentRecordSet(deps: DocumentRecordSetDeps): RecordSet {
  return {
    name: 'documents',
    folders: DOC_FOLDERS,
    async plan(snapshot, progress) {
      const bases = deps.sync.bases();
      const remote = await readRemoteDocuments(snapshot.files, bases, snapshot.read, progress);
      // Local rows are read after the last await, so the plan sees them as they are now.
      const now = deps.now().toISOString();
      const plan = planDocuments({
        locals: deps.sync.allDocs(),
        bases: deps.sync.bases(),
        conflicts: new Map(deps.sync.conflicts().map((c) => [c.docId, c])),
        remote,
        remotePaths: new Set(snapshot.files.keys()),
        now,
      });
      return {
        writes: plan.writes,
        changes: plan.changes,
        conflicts: plan.conflicts,
        errors: remote.errors,
        apply: () => applyDocumentPlan(plan, { sync: deps.sync, documents: deps.documents, hooks: deps.hooks, actor: deps.identity(), now: deps.now().toISOString() }),
      };
    },
  };
}
