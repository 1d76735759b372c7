import type { SyncConflict } from '../../shared/contract/sync';
import { BodySchema, TitleSchema, type Document, type Person } from '../../shared/document';
import { AppError, describeZodError } from '../../shared/errors';
import { documentToMarkdown } from '../../shared/format/documentMarkdown';
import { parseDocument, type RepoDocument } from '../../shared/format/parseDocument';
import { displayRef, KINDS } from '../../shared/kinds/kinds';
import { isKnownStatus, LIFECYCLES } from '../../shared/kinds/lifecycle';
import type { DocumentHooks } from '../services/documentService';
import type { DocumentStore } from '../store/documentStore';
import { fromRepo } from './documentConvert';
import type { LocalDoc, SyncStore } from './syncStore';

export interface ResolverDeps {
  sync: SyncStore;
  documents: DocumentStore;
  hooks: readonly DocumentHooks[];
  identity: () => Person;
  now: () => Date;
}

function withoutDeleted(doc: LocalDoc): Document {
  const { deletedAt: _deletedAt, ...rest } = doc;
  return rest;
}

/**
 * What the API would refuse in a hand merge: a title or a body past its
 * limits, or a status that is neither one of the kind's nor the one either
 * side already has (a status kept verbatim from an import stays allowed).
 */
function mergedProblem(next: Document, sideStatuses: readonly string[]): string | null {
  const title = TitleSchema.safeParse(next.title);
  if (!title.success) return `title: ${describeZodError(title.error)}`;
  const body = BodySchema.safeParse(next.body);
  if (!body.success) return describeZodError(body.error);
  if (!isKnownStatus(next.kind, next.status) && !sideStatuses.includes(next.status)) {
    return `status "${next.status}" is not a status of ${KINDS[next.kind].plural} (${LIFECYCLES[next.kind].statuses.join(', ')})`;
  }
  return null;
}

/**
 * Lists and resolves sync conflicts. Resolving takes this device's version,
 * the team repository's, or a hand-merged text; the base becomes the
 * repository's version, so the next sync pushes the outcome as an ordinary
 * local change (or nothing, for "theirs").
 */
export class ConflictResolver {
  constructor(private readonly deps: ResolverDeps) {}

  /** Open conflicts with both versions, mine as the document is now. */
  list(): SyncConflict[] {
    const out: SyncConflict[] = [];
    for (const c of this.deps.sync.conflicts()) {
      const doc = this.deps.sync.doc(c.docId);
      if (!doc) continue;
      out.push({
        id: c.docId,
        kind: doc.kind,
        ref: displayRef(doc.kind, doc.number),
        title: doc.title,
        conflict: c.kind,
        path: c.path,
        fields: c.fields,
        body: c.body,
        mine: documentToMarkdown(withoutDeleted(doc)),
        theirs: c.theirsText,
        base: c.baseText,
        suggestion: c.suggestion,
        detectedAt: c.detectedAt,
      });
    }
    return out;
  }

  private parseMerged(path: string, text: string, doc: LocalDoc, theirsText: string | null, now: string): Document {
    const r = parseDocument(path, text);
    if (!r.ok) throw new AppError('VALIDATION', `The merged text cannot be read: ${r.reason}.`, { reason: r.reason });
    if (/^(<{7}|={7}|>{7})( |$)/m.test(r.doc.body)) throw new AppError('VALIDATION', 'The merged text still has conflict markers (<<<<<<<, =======, >>>>>>>): keep one side of each.');
    if (r.doc.kind !== doc.kind) throw new AppError('VALIDATION', 'The merged text is a different kind of document.');
    let next: Document;
    try {
      next = fromRepo(r.doc satisfies RepoDocument, doc.id, doc.number, doc, now);
    } catch (e) {
      throw new AppError('VALIDATION', `The merged front matter is not valid: ${(e as Error).message}`);
    }
    const theirs = theirsText === null ? null : parseDocument(path, theirsText);
    const problem = mergedProblem(next, [doc.status, ...(theirs?.ok ? [theirs.doc.status] : [])]);
    if (problem) throw new AppError('VALIDATION', `The merged text is not a valid document: ${problem}.`);
    return next;
  }

  /** Resolves one conflict; returns whether the document went to the trash (deleted in the repository, "theirs" taken). */
  resolve(id: string, take: 'mine' | 'theirs' | 'merged', text?: string): { id: string; trashed: boolean } {
    const { sync, documents } = this.deps;
    const c = sync.conflict(id);
    if (!c) throw new AppError('NOT_FOUND', 'This conflict is already resolved.', { id });
    const doc = sync.doc(id);
    if (!doc || doc.deletedAt !== null) throw new AppError('NOT_FOUND', 'This document no longer exists here.', { id });
    const now = this.deps.now().toISOString();
    const actor = this.deps.identity();
    let trashed = false;

    sync.db.transaction(() => {
      const save = (next: Document): Document => {
        const after = { ...next, id, revision: doc.revision + 1, updatedAt: now, createdBy: doc.createdBy };
        sync.write(after);
        for (const h of this.deps.hooks) h.onSaved?.(doc, after, 'merge');
        return after;
      };
      const theirsBase = c.theirsText !== null && c.theirsOid !== null ? { docId: id, path: c.path, oid: c.theirsOid, text: c.theirsText } : null;
      if (take === 'theirs' && !theirsBase) {
        sync.trash(id, now);
        sync.deleteBase(id);
        trashed = true;
      } else if (take === 'theirs') {
        const r = parseDocument(c.path, c.theirsText!);
        if (!r.ok) throw new AppError('VALIDATION', `The repository's version cannot be read: ${r.reason}.`);
        const after = save(fromRepo(r.doc, id, r.doc.number ?? doc.number, doc, now));
        sync.setBase({ ...theirsBase!, revision: after.revision }, now);
      } else {
        // Mine or a merge: a new local revision over the repository's version as the base, pushed by the next sync.
        const next = take === 'merged' ? this.parseMerged(c.path, text ?? '', doc, c.theirsText, now) : withoutDeleted(doc);
        save(next);
        if (theirsBase) sync.setBase({ ...theirsBase, revision: doc.revision }, now);
        else sync.deleteBase(id);
      }
      sync.deleteConflict(id);
      documents.addHistory({ docId: id, at: now, actor, event: trashed ? 'deleted' : 'sync-resolved', from: c.kind, to: take, data: { source: 'sync' } });
    })();
    return { id, trashed };
  }
}
