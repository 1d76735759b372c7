import type { Document, Person } from '../../shared/document';
import { documentToMarkdown } from '../../shared/format/documentMarkdown';
import { displayRef } from '../../shared/kinds/kinds';
import { rewriteRefs } from '../../shared/sync/numbering';
import type { DocumentHooks, SaveSource } from '../services/documentService';
import type { DocumentStore } from '../store/documentStore';
import type { DocDecision, DocumentPlan } from './documentPlan';
import type { LocalDoc, SyncStore } from './syncStore';

export interface ApplyDeps {
  sync: SyncStore;
  documents: DocumentStore;
  /** The document hooks (versions, links) every local write runs, as DocumentService writes do. */
  hooks: readonly DocumentHooks[];
  actor: Person;
  now: string;
}

/** Numbers parked out of the way while documents swap numbers (UNIQUE(kind, number)). */
const PARKING = 1_000_000_000;

function targetNumber(d: DocDecision, cur: LocalDoc | undefined): number | null {
  if (d.renumber) return d.renumber.to;
  if (d.local.type === 'set' || d.local.type === 'restore' || d.local.type === 'insert') return d.local.doc.number;
  return cur?.number ?? null;
}

/**
 * Applies a document plan to the database once its commit is in the team
 * repository (the caller wraps it in one transaction). A document edited
 * while the sync ran is never overwritten: its content step is skipped and
 * its old base kept, so the next sync merges the edit with what was pushed.
 */
export function applyDocumentPlan(plan: DocumentPlan, deps: ApplyDeps): { complete: boolean } {
  const { sync, documents, now, actor } = deps;
  // Documents the sync leaves as they are need no read at all; the others are read without their text until a step needs it.
  const decisions = plan.decisions.filter((d) => !untouched(d));
  const current = new Map(decisions.map((d) => [d.id, sync.docLazy(d.id)]));
  const parked = new Set<string>();
  // False once a document edited while the sync ran kept its old base: the bases then no longer all match the repository.
  let complete = true;
  decisions.forEach((d, i) => {
    const cur = current.get(d.id);
    const to = targetNumber(d, cur);
    if (cur && to !== null && to !== cur.number) {
      sync.setNumber(d.id, PARKING + i);
      parked.add(d.id);
    }
  });
  const history = (docId: string, event: string, from: string | null, to: string | null, data?: unknown): void =>
    documents.addHistory({ docId, at: now, actor, event, from, to, data: { source: 'sync', ...(data as object | undefined) } });

  for (const d of decisions) {
    const cur = current.get(d.id);
    const to = targetNumber(d, cur);
    const edited = !!cur && cur.deletedAt === null && d.plannedRevision !== null && cur.revision !== d.plannedRevision;
    let baseRevision = d.plannedRevision ?? cur?.revision ?? 0;
    let skipBase = false;

    const save = (before: LocalDoc, after: Document, source: SaveSource = 'sync'): void => {
      // A lazy row reads its text from the database: keep the text as it was before the write for the hooks.
      const was: LocalDoc = { ...before };
      sync.write(after);
      for (const h of deps.hooks) h.onSaved?.(was, after, source);
    };

    switch (d.local.type) {
      case 'none': {
        if (!cur || cur.deletedAt !== null) break;
        // The body is read only when references in it may change.
        const body = d.rewriteRefs ? rewriteRefs(cur.body, plan.refMoves) : null;
        const number = to ?? cur.number;
        if (number === cur.number && (body === null || body === cur.body)) break;
        const next: Document = { ...withoutDeleted(cur), number, body: body ?? cur.body, revision: cur.revision + 1 };
        save(cur, next, 'renumber');
        baseRevision = edited ? d.plannedRevision! : next.revision;
        break;
      }
      case 'set': {
        if (!cur || edited) {
          skipBase = true;
          complete = false;
          break;
        }
        const next: Document = { ...d.local.doc, revision: cur.revision + 1, createdBy: cur.createdBy };
        save(cur, next);
        history(d.id, 'synced', String(cur.revision), String(next.revision));
        baseRevision = next.revision;
        break;
      }
      case 'insert':
      case 'restore': {
        if (cur) {
          if (edited) {
            skipBase = true;
            complete = false;
            break;
          }
          if (cur.deletedAt !== null) sync.untrash(d.id);
          const next: Document = { ...d.local.doc, revision: cur.revision + 1, createdBy: cur.createdBy };
          save(cur, next);
          history(d.id, cur.deletedAt !== null ? 'undeleted' : 'synced', null, null, { reason: 'edited in the team repository' });
          baseRevision = next.revision;
        } else {
          const doc: Document = { ...d.local.doc, revision: 0 };
          documents.insert(doc);
          history(d.id, 'created', null, doc.status);
          for (const h of deps.hooks) h.onCreated?.(doc);
          baseRevision = 0;
        }
        break;
      }
      case 'trash': {
        if (!cur || edited) {
          skipBase = true;
          complete = false;
          break;
        }
        if (sync.trash(d.id, now)) history(d.id, 'deleted', cur.status, null, { reason: 'deleted in the team repository' });
        break;
      }
    }

    // Whatever step ran (or was skipped), a parked number lands on its target.
    if (parked.has(d.id) && to !== null && sync.doc(d.id)?.number !== to) sync.setNumber(d.id, to);
    if (d.renumber && cur) {
      history(d.id, 'renumbered', displayRef(cur.kind, d.renumber.from), displayRef(cur.kind, d.renumber.to));
      if (d.renumber.alias) sync.addAlias(cur.kind, d.renumber.from, d.id, now);
    }
    if (skipBase) continue;
    if (d.base === 'delete') sync.deleteBase(d.id);
    else if (d.base !== 'keep') sync.setBase({ ...d.base, revision: baseRevision }, now);
    if (d.conflict === 'clear') sync.deleteConflict(d.id);
    else if (d.conflict) {
      const mine = sync.doc(d.id);
      const isNew = !sync.conflict(d.id);
      sync.upsertConflict({ ...d.conflict, mineText: mine ? documentToMarkdown(withoutDeleted(mine)) : d.conflict.mineText });
      if (isNew) history(d.id, 'sync-conflict', null, null, { conflict: d.conflict.kind, fields: d.conflict.fields, body: d.conflict.body });
    }
  }
  return { complete };
}

/** A decision that changes nothing here: no content step, no number, no reference rewrite, base and conflict kept. */
function untouched(d: DocDecision): boolean {
  return d.local.type === 'none' && !d.renumber && !d.rewriteRefs && d.base === 'keep' && d.conflict === null;
}

function withoutDeleted(doc: LocalDoc): Document {
  const { deletedAt: _deletedAt, ...rest } = doc;
  return rest;
}
