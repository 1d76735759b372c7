import type { SyncChange } from '../../shared/contract/sync';
import type { Document } from '../../shared/document';
import { documentToMarkdown } from '../../shared/format/documentMarkdown';
import { parseDocument, type RepoDocument } from '../../shared/format/parseDocument';
import { displayRef } from '../../shared/kinds/kinds';
import { alignReviewerLists } from '../../shared/reviews/reviewerNames';
import { mergeDocument, sameContent } from '../../shared/sync/mergeDocument';
import { CLAIM_RANK, assignNumbers, rewriteRefs, type NumberClaim } from '../../shared/sync/numbering';
import { documentPath, numberInFileName, uniquePath } from '../../shared/sync/repoLayout';
import { fromRepo, toRepo } from './documentConvert';
import type { RemoteDocuments, RemoteEntry } from './remoteDocuments';
import type { StagedFiles } from './stagedFiles';
import type { ConflictRecord, LocalDoc, SyncBase } from './syncStore';

/** What happens to the local row of a document. */
export type LocalStep =
  | { type: 'none' }
  /** Its content becomes the remote's or the merge's. */
  | { type: 'set'; doc: Document }
  /** A new document from the repository. */
  | { type: 'insert'; doc: Document }
  | { type: 'trash' }
  /** Back from the trash (or re-created) with the remote's version: a teammate edited what was deleted here. */
  | { type: 'restore'; doc: Document };

/** The decision for one document, applied after the push succeeded. */
export interface DocDecision {
  id: string;
  /** The local revision when planned (null: no row); an edit made during the sync is never overwritten. */
  plannedRevision: number | null;
  local: LocalStep;
  /** A new number, applied to the row whatever else happens (renumbered, or renumbered in the repository). */
  renumber?: { from: number; to: number; alias: boolean };
  /** References to renumbered documents in the body are rewritten (documents not yet published). */
  rewriteRefs: boolean;
  /** The base after the sync (revision filled in when applied), 'delete', or 'keep'. */
  base: Omit<SyncBase, 'revision'> | 'delete' | 'keep';
  conflict: ConflictRecord | 'clear' | null;
}

export interface DocumentPlan {
  decisions: DocDecision[];
  changes: SyncChange[];
  conflicts: number;
  /** "rfc-7" -> 8: references rewritten in unpublished documents. */
  refMoves: Map<string, number>;
}

export interface PlanInput {
  locals: readonly LocalDoc[];
  bases: ReadonlyMap<string, SyncBase>;
  conflicts: ReadonlyMap<string, ConflictRecord>;
  remote: RemoteDocuments;
  /** Every path of the fetched tree, documents or not. */
  remotePaths: ReadonlySet<string>;
  now: string;
  /** Where the files this sync writes go (staged as they are rendered, see StagedFiles). */
  files: StagedFiles;
  /**
   * The repository is not known to hold the last synced commit (RemoteSnapshot.rebound): a base
   * whose file is not there says nothing about a deletion, so the document is published again.
   */
  rebound?: boolean;
}

/** Per-document working state while planning. */
interface Work {
  id: string;
  L: LocalDoc | undefined;
  B: SyncBase | undefined;
  R: RemoteEntry | undefined;
  local: LocalStep;
  /** The content the document ends with in the repository when this sync writes or keeps it there. */
  final: Document | null;
  /** The path it ends at in the repository, when it is there. */
  path: string | null;
  write: boolean;
  rank: number;
  base: DocDecision['base'];
  conflict: DocDecision['conflict'];
  changes: SyncChange[];
  unpublished: boolean;
}

function live(L: LocalDoc | undefined): L is LocalDoc {
  return !!L && L.deletedAt === null;
}

function change(direction: SyncChange['direction'], action: SyncChange['action'], d: Pick<Document, 'kind' | 'number' | 'title'>, path: string): SyncChange {
  return { direction, action, ref: displayRef(d.kind, d.number), title: d.title, path };
}

function conflictRecord(id: string, kind: ConflictRecord['kind'], path: string, mine: Document, R: RemoteEntry | undefined, B: SyncBase | undefined, now: string, detail?: { fields: string[]; body: boolean; suggestion: string }): ConflictRecord {
  const mineText = documentToMarkdown(mine);
  return {
    docId: id,
    kind,
    path,
    mineText,
    theirsText: R?.text ?? null,
    theirsOid: R?.oid ?? null,
    baseText: B?.text ?? null,
    fields: detail?.fields ?? [],
    body: detail?.body ?? false,
    suggestion: detail?.suggestion ?? mineText,
    detectedAt: now,
  };
}

/** Decides, for one document, from its local row, its base and its remote file. */
function decide(w: Work, now: string): void {
  const { L, B, R } = w;
  const repoOf = (r: RemoteEntry, prev: LocalDoc | undefined): Document => fromRepo(r.doc, w.id, r.doc.number ?? prev?.number ?? 0, prev, now);
  if (!B) {
    if (!R) {
      if (live(L)) Object.assign(w, { final: L, write: true, rank: CLAIM_RANK.local, unpublished: true });
      return;
    }
    if (!L) {
      const doc = repoOf(R, undefined);
      Object.assign(w, { local: { type: 'insert', doc }, final: doc, path: R.path, write: R.needsWriteBack, rank: CLAIM_RANK.incoming });
      w.base = { docId: w.id, path: R.path, oid: R.oid, text: R.text };
      w.changes.push(change('in', 'added', doc, R.path));
      return;
    }
    // Known here and there but never synced from here (a sync cut off after its push, or a re-connected repository).
    w.rank = CLAIM_RANK.published;
    w.path = R.path;
    if (!live(L) || sameContent(toRepo(L), R.doc)) {
      Object.assign(w, { final: live(L) ? L : null, write: R.needsWriteBack && live(L) });
      w.base = { docId: w.id, path: R.path, oid: R.oid, text: R.text };
      return;
    }
    w.conflict = conflictRecord(w.id, 'content', R.path, L, R, undefined, now, { fields: [], body: true, suggestion: documentToMarkdown(L) });
    return;
  }

  const localChanged = live(L) && L.revision > B.revision;
  if (!R) {
    if (!live(L)) w.base = 'delete';
    else if (!localChanged) {
      Object.assign(w, { local: { type: 'trash' }, base: 'delete' });
      w.changes.push(change('in', 'deleted', L, B.path));
    } else {
      Object.assign(w, { rank: CLAIM_RANK.published, conflict: conflictRecord(w.id, 'deleted-remotely', B.path, L, undefined, B, now) });
    }
    return;
  }
  const remoteChanged = R.oid !== B.oid || R.needsWriteBack;
  w.path = R.path;
  w.rank = CLAIM_RANK.published;
  if (!live(L)) {
    if (!remoteChanged) {
      w.path = null;
      w.base = 'delete';
      if (L) w.changes.push(change('out', 'deleted', L, R.path));
      else w.changes.push({ direction: 'out', action: 'deleted', ref: R.doc.number ? displayRef(R.doc.kind, R.doc.number) : R.path, title: R.doc.title, path: R.path });
      return;
    }
    const doc = repoOf(R, L);
    Object.assign(w, { local: { type: 'restore', doc }, final: doc, write: R.needsWriteBack });
    w.base = { docId: w.id, path: R.path, oid: R.oid, text: R.text };
    w.changes.push(change('in', 'updated', doc, R.path));
    return;
  }
  if (!localChanged && !remoteChanged) {
    w.final = L;
    if (R.path !== B.path) w.base = { ...B, path: R.path };
    return;
  }
  if (localChanged && !remoteChanged) {
    Object.assign(w, { final: L, write: true });
    w.changes.push(change('out', 'updated', L, R.path));
    return;
  }
  if (!localChanged) {
    const doc = repoOf(R, L);
    Object.assign(w, { local: { type: 'set', doc }, final: doc, write: R.needsWriteBack });
    w.base = { docId: w.id, path: R.path, oid: R.oid, text: R.text };
    w.changes.push(change('in', 'updated', doc, R.path));
    return;
  }
  const baseParsed = parseDocument(B.path, B.text);
  const baseDoc: RepoDocument = baseParsed.ok ? baseParsed.doc : { ...R.doc, title: '', status: '', body: '', fields: {} };
  // An RFC's reviewer names mirror its review records, which merge as sets: so do the names.
  const m = mergeDocument(baseDoc, ...alignReviewerLists(baseDoc, toRepo(L), R.doc));
  let merged: Document | null = null;
  try {
    merged = fromRepo(m.merged, w.id, m.merged.number ?? L.number, L, now);
  } catch {
    merged = null; // merged fields that break the kind's schema: keep both instead
  }
  if (m.clean && merged) {
    Object.assign(w, { local: { type: 'set', doc: merged }, final: merged, write: true });
    w.changes.push(change('in', 'updated', merged, R.path), change('out', 'updated', merged, R.path));
    return;
  }
  const suggestion = documentToMarkdown({ ...L, title: m.merged.title, status: m.merged.status, body: m.merged.body, fields: m.merged.fields });
  w.conflict = conflictRecord(w.id, 'content', R.path, L, R, B, now, { fields: m.conflictingFields, body: m.bodyConflict || !merged, suggestion });
}

/**
 * Plans a sync of the documents: for each one, from its local row, its sync
 * base and its file in the fetched tree, what changes here and what is
 * written to the repository. Numbers that collide are given out again
 * (unpublished documents yield). Pure apart from the clock it is given.
 */
export function planDocuments(input: PlanInput): DocumentPlan {
  const { locals, bases, remote, now } = input;
  const localById = new Map(locals.map((l) => [l.id, l]));
  const ids = new Set<string>([...localById.keys(), ...bases.keys(), ...remote.byId.keys()]);
  const works: Work[] = [];
  for (const id of ids) {
    const R = remote.byId.get(id);
    const B = input.rebound && !R ? undefined : bases.get(id);
    const w: Work = { id, L: localById.get(id), B, R, local: { type: 'none' }, final: null, path: null, write: false, rank: CLAIM_RANK.trashed, base: 'keep', conflict: null, changes: [], unpublished: false };
    if (remote.blockedIds.has(id)) w.rank = CLAIM_RANK.published;
    else decide(w, now);
    // A file that lost (or never had) its number gets it written back.
    if (w.R?.numberless && w.final && w.path) w.write = true;
    if (w.conflict === null && input.conflicts.has(id) && !remote.blockedIds.has(id)) w.conflict = 'clear';
    works.push(w);
  }

  // Numbers: every local row and every file claims one; the firmest claim keeps it.
  const numberOf = (w: Work): number | null => (w.final ? (w.R?.numberless && !w.L ? null : w.final.number) : (w.L?.number ?? null));
  const claims: NumberClaim[] = works
    .filter((w) => w.L || w.final)
    .map((w) => ({ id: w.id, kind: (w.final ?? w.L)!.kind, number: numberOf(w), rank: w.final || live(w.L) ? w.rank : CLAIM_RANK.trashed, tieBreak: w.R?.path ?? `${w.L?.createdAt ?? ''}${w.id}` }));
  const moves = assignNumbers(claims);
  const refMoves = new Map<string, number>();
  const decisions: DocDecision[] = [];
  const renumbers = new Map<string, DocDecision['renumber']>();
  for (const w of works) {
    const to = moves.get(w.id);
    const current = w.L?.number ?? w.final?.number;
    if (to === undefined) continue;
    if (w.final) w.final = { ...w.final, number: to };
    if (w.local.type === 'insert' || w.local.type === 'set' || w.local.type === 'restore') w.local = { ...w.local, doc: { ...w.local.doc, number: to } };
    if (w.final && w.R) w.write = true;
    if (current === undefined || current === to || !w.L) continue;
    renumbers.set(w.id, { from: current, to, alias: live(w.L) });
    if (w.unpublished) {
      refMoves.set(`${w.L.kind}-${current}`, to);
      w.changes.push({ direction: 'out', action: 'renumbered', ref: displayRef(w.L.kind, to), title: `${w.L.title} (was ${displayRef(w.L.kind, current)})`, path: '' });
    }
  }

  // Paths and files to write.
  const files = input.files;
  const taken = new Set(input.remotePaths);
  for (const w of works) if (w.B && !w.path && w.R && w.base === 'delete') files.remove(w.R.path);
  for (const w of works) {
    if (!w.final) continue;
    let doc = w.final;
    if (w.unpublished && refMoves.size) {
      const body = rewriteRefs(doc.body, refMoves);
      if (body !== doc.body) doc = { ...doc, body };
    }
    w.final = doc;
    if (!w.write) continue;
    let path = w.path;
    const renumbered = renumbers.get(w.id) ?? (moves.has(w.id) && w.R ? { from: w.R.doc.number ?? 0, to: moves.get(w.id)!, alias: false } : undefined);
    if (!path || (renumbered && w.R && numberInFileName(w.R.path) === renumbered.from)) {
      if (path) files.remove(path);
      taken.delete(path ?? '');
      path = uniquePath(documentPath(doc), taken);
      if (w.unpublished) w.changes.unshift(change('out', 'added', doc, path));
    }
    taken.add(path);
    w.path = path;
    // Staged now and not kept: the base's text is read back from the batch when the sync applies.
    const oid = files.write(path, documentToMarkdown(doc));
    w.base = stagedBase(w.id, path, oid, files);
  }

  for (const w of works) {
    decisions.push({
      id: w.id,
      plannedRevision: live(w.L) ? w.L.revision : null,
      local: w.local,
      ...(renumbers.has(w.id) ? { renumber: renumbers.get(w.id)! } : {}),
      rewriteRefs: w.unpublished && refMoves.size > 0,
      base: w.base,
      conflict: w.conflict,
    });
  }
  // Changes name each document by its number after this sync.
  const changes = works.flatMap((w) =>
    w.changes.map((c) => ({ ...c, path: c.path || (w.path ?? ''), ref: w.final && c.action !== 'renumbered' ? displayRef(w.final.kind, w.final.number) : c.ref })),
  );
  return { decisions, changes, conflicts: works.filter((w) => w.conflict !== null && w.conflict !== 'clear').length, refMoves };
}

/** The base of a file this sync writes: its text is read from the staged blob when asked for. */
function stagedBase(docId: string, path: string, oid: string, files: StagedFiles): Omit<SyncBase, 'revision'> {
  return {
    docId,
    path,
    oid,
    get text() {
      return files.text(oid);
    },
  };
}
