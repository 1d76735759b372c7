import type { Document } from '../../shared/document';
import type { DocKind } from '../../shared/kinds/kinds';
import { documentParams, toDocument, type DocRow as StoreDocRow } from '../store/documentStore';
import type { Db } from '../store/openDatabase';
import { lazyBase, lazyLocal, type HeadRow } from './lazyRows';

/** The file as it was at the last sync: the base of the next three-way merge. */
export interface SyncBase {
  docId: string;
  path: string;
  oid: string;
  text: string;
  /** The local revision the file matched; a higher revision means a local change. */
  revision: number;
}

/** A document row, live or in the trash. */
export interface LocalDoc extends Document {
  deletedAt: string | null;
}

export interface ConflictRecord {
  docId: string;
  kind: 'content' | 'deleted-remotely';
  path: string;
  mineText: string;
  theirsText: string | null;
  theirsOid: string | null;
  baseText: string | null;
  fields: string[];
  body: boolean;
  suggestion: string;
  detectedAt: string;
}

/** A document row with its trash mark (every query here selects deleted_at). */
export type DocRow = StoreDocRow & { deleted_at: string | null };

function toLocal(r: DocRow): LocalDoc {
  return { ...toDocument(r), deletedAt: r.deleted_at };
}

interface ConflictRow {
  doc_id: string;
  kind: ConflictRecord['kind'];
  path: string;
  mine_text: string;
  theirs_text: string | null;
  theirs_oid: string | null;
  base_text: string | null;
  fields: string;
  body: number;
  suggestion: string;
  detected_at: string;
}

/** Row-level access to the sync tables (migration 004) and the document writes a sync makes. */
export class SyncStore {
  private readonly s;

  constructor(readonly db: Db) {
    this.s = {
      bases: db.prepare<[], { doc_id: string; path: string; blob_oid: string; revision: number }>('SELECT doc_id, path, blob_oid, revision FROM sync_base'),
      baseText: db.prepare<[string], { text: string }>('SELECT text FROM sync_base WHERE doc_id = ?'),
      baseHead: db.prepare<[string], { doc_id: string; path: string; blob_oid: string; revision: number }>(
        'SELECT doc_id, path, blob_oid, revision FROM sync_base INDEXED BY sync_base_head WHERE doc_id = ?',
      ),
      baseAtPath: db.prepare<[string], { doc_id: string; path: string; blob_oid: string; revision: number }>(
        'SELECT doc_id, path, blob_oid, revision FROM sync_base WHERE path = ?',
      ),
      // Rows changed here since their last sync (the same rule as localChanges, by id): new, edited, in the trash with a
      // file still in the repository, or gone from the table with one.
      touched: db.prepare<[], { id: string }>(
        `SELECT d.id FROM documents d LEFT JOIN sync_base b INDEXED BY sync_base_head ON b.doc_id = d.id
         WHERE (d.deleted_at IS NULL AND (b.doc_id IS NULL OR d.revision > b.revision)) OR (d.deleted_at IS NOT NULL AND b.doc_id IS NOT NULL)
         UNION
         SELECT b.doc_id FROM sync_base b LEFT JOIN documents d ON d.id = b.doc_id WHERE d.id IS NULL`,
      ),
      appliedHead: db.prepare<[], { commit_oid: string }>('SELECT commit_oid FROM sync_head WHERE id = 1'),
      setAppliedHead: db.prepare<[string]>('INSERT INTO sync_head (id, commit_oid) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET commit_oid = excluded.commit_oid'),
      clearAppliedHead: db.prepare('DELETE FROM sync_head'),
      setBase: db.prepare(
        `INSERT INTO sync_base (doc_id, path, blob_oid, text, revision, synced_at) VALUES (@docId, @path, @oid, @text, @revision, @at)
         ON CONFLICT(doc_id) DO UPDATE SET path = excluded.path, blob_oid = excluded.blob_oid, text = excluded.text, revision = excluded.revision, synced_at = excluded.synced_at`,
      ),
      deleteBase: db.prepare<[string]>('DELETE FROM sync_base WHERE doc_id = ?'),
      heads: db.prepare<[], HeadRow>(
        'SELECT id, kind, number, title, status, created_at, updated_at, revision, created_by_name, created_by_email, deleted_at FROM documents',
      ),
      head: db.prepare<[string], HeadRow>(
        'SELECT id, kind, number, title, status, created_at, updated_at, revision, created_by_name, created_by_email, deleted_at FROM documents INDEXED BY documents_sync_head WHERE id = ?',
      ),
      content: db.prepare<[string], { body: string; fields: string }>('SELECT body, fields FROM documents WHERE id = ?'),
      doc: db.prepare<[string], DocRow>('SELECT * FROM documents WHERE id = ?'),
      write: db.prepare(
        `UPDATE documents SET number = @number, title = @title, status = @status, body = @body, fields = @fields,
           created_at = @createdAt, updated_at = @updatedAt, revision = @revision WHERE id = @id`,
      ),
      setNumber: db.prepare<[number, string]>('UPDATE documents SET number = ? WHERE id = ?'),
      trash: db.prepare<[string, string]>('UPDATE documents SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
      untrash: db.prepare<[string]>('UPDATE documents SET deleted_at = NULL WHERE id = ?'),
      conflicts: db.prepare<[], ConflictRow>('SELECT * FROM sync_conflicts ORDER BY detected_at, doc_id'),
      conflict: db.prepare<[string], ConflictRow>('SELECT * FROM sync_conflicts WHERE doc_id = ?'),
      upsertConflict: db.prepare(
        `INSERT INTO sync_conflicts (doc_id, kind, path, mine_text, theirs_text, theirs_oid, base_text, fields, body, suggestion, detected_at)
         VALUES (@docId, @kind, @path, @mineText, @theirsText, @theirsOid, @baseText, @fields, @body, @suggestion, @detectedAt)
         ON CONFLICT(doc_id) DO UPDATE SET kind = excluded.kind, path = excluded.path, mine_text = excluded.mine_text,
           theirs_text = excluded.theirs_text, theirs_oid = excluded.theirs_oid, base_text = excluded.base_text,
           fields = excluded.fields, body = excluded.body, suggestion = excluded.suggestion`,
      ),
      deleteConflict: db.prepare<[string]>('DELETE FROM sync_conflicts WHERE doc_id = ?'),
      addAlias: db.prepare<[DocKind, number, string, string]>('INSERT OR IGNORE INTO doc_aliases (kind, number, doc_id, at) VALUES (?, ?, ?, ?)'),
      aliases: db.prepare<[string], { kind: DocKind; number: number }>('SELECT kind, number FROM doc_aliases WHERE doc_id = ? ORDER BY at, number'),
      // A document counts once, whether its text, its review records (migration 006) or both changed.
      // The INDEXED BY hints keep SQLite on the narrow indexes of migration 007: revision and deleted_at sit after
      // the text in their rows, so reading them from the table walks every text's overflow pages (17 ms instead
      // of 6 for 10,000 documents).
      localChanges: db.prepare<[], { n: number }>(
        `SELECT COUNT(*) AS n FROM (
           SELECT d.id FROM documents d LEFT JOIN sync_base b INDEXED BY sync_base_head ON b.doc_id = d.id
             WHERE d.deleted_at IS NULL AND (b.doc_id IS NULL OR d.revision > b.revision)
           UNION SELECT b.doc_id FROM sync_base b LEFT JOIN documents d INDEXED BY documents_sync_head ON d.id = b.doc_id
             WHERE d.id IS NULL OR d.deleted_at IS NOT NULL
           UNION SELECT r.doc_id FROM review_records r LEFT JOIN review_sync_base rb ON rb.doc_id = r.doc_id
             WHERE rb.doc_id IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(rb.record_ids) j WHERE j.value = r.id))`,
      ),
      conflictCount: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sync_conflicts'),
    };
  }

  /** Every sync base; each text is read when first asked for. */
  bases(): Map<string, SyncBase> {
    const textOf = (id: string): string | undefined => this.s.baseText.get(id)?.text;
    return new Map(this.s.bases.all().map((r) => [r.doc_id, lazyBase(r, textOf)]));
  }

  /** Writes a base; the applied head no longer vouches for the bases (the sync that applies sets it again). */
  setBase(b: SyncBase, at: string): void {
    this.s.setBase.run({ docId: b.docId, path: b.path, oid: b.oid, text: b.text, revision: b.revision, at });
    this.s.clearAppliedHead.run();
  }

  deleteBase(docId: string): void {
    this.s.deleteBase.run(docId);
    this.s.clearAppliedHead.run();
  }

  /**
   * The commit every base matches (see migration 007), or null: then a sync
   * must look at every document.
   */
  appliedHead(): string | null {
    return this.s.appliedHead.get()?.commit_oid ?? null;
  }

  setAppliedHead(commit: string | null): void {
    if (commit) this.s.setAppliedHead.run(commit);
    else this.s.clearAppliedHead.run();
  }

  /**
   * The documents changed here since their last sync (see `touched`), and
   * those given by id, with their bases; rows read lazily like allDocs().
   */
  touchedDocs(also: Iterable<string> = []): { docs: LocalDoc[]; bases: Map<string, SyncBase> } {
    const textOf = (id: string): string | undefined => this.s.baseText.get(id)?.text;
    const docs: LocalDoc[] = [];
    const bases = new Map<string, SyncBase>();
    for (const id of new Set([...this.s.touched.all().map((r) => r.id), ...also])) {
      const doc = this.docLazy(id);
      if (doc) docs.push(doc);
      const base = this.s.baseHead.get(id);
      if (base) bases.set(id, lazyBase(base, textOf));
    }
    return { docs, bases };
  }

  /** The base of the file last synced at `path`, its text read lazily. */
  baseAtPath(path: string): SyncBase | undefined {
    const r = this.s.baseAtPath.get(path);
    return r ? lazyBase(r, (id) => this.s.baseText.get(id)?.text) : undefined;
  }

  /** Every document row, in the trash or not; bodies and fields are read when first asked for. */
  allDocs(): LocalDoc[] {
    const content = (id: string): { body: string; fields: string } | undefined => this.s.content.get(id);
    return this.s.heads.all().map((r) => lazyLocal(r, content));
  }

  /** A document row like doc(), its body and fields read when first asked for. */
  docLazy(id: string): LocalDoc | undefined {
    const r = this.s.head.get(id);
    return r ? lazyLocal(r, (i) => this.s.content.get(i)) : undefined;
  }

  doc(id: string): LocalDoc | undefined {
    const r = this.s.doc.get(id);
    return r ? toLocal(r) : undefined;
  }

  /** Writes a document's content and number (a sync may renumber); the caller sets the revision. */
  write(doc: Document): void {
    this.s.write.run(documentParams(doc));
  }

  setNumber(id: string, number: number): void {
    this.s.setNumber.run(number, id);
  }

  trash(id: string, at: string): boolean {
    return this.s.trash.run(at, id).changes > 0;
  }

  untrash(id: string): void {
    this.s.untrash.run(id);
  }

  conflicts(): ConflictRecord[] {
    return this.s.conflicts.all().map(toConflict);
  }

  conflict(docId: string): ConflictRecord | undefined {
    const r = this.s.conflict.get(docId);
    return r ? toConflict(r) : undefined;
  }

  upsertConflict(c: ConflictRecord): void {
    this.s.upsertConflict.run({ ...c, fields: JSON.stringify(c.fields), body: c.body ? 1 : 0 });
  }

  deleteConflict(docId: string): void {
    this.s.deleteConflict.run(docId);
  }

  addAlias(kind: DocKind, number: number, docId: string, at: string): void {
    this.s.addAlias.run(kind, number, docId, at);
  }

  aliases(docId: string): { kind: DocKind; number: number }[] {
    return this.s.aliases.all(docId);
  }

  /** Documents created, edited or deleted here, or with review records made here, since their last sync. */
  localChangeCount(): number {
    return this.s.localChanges.get()!.n;
  }

  conflictCount(): number {
    return this.s.conflictCount.get()!.n;
  }

  /** Whether any document was ever synced from here (a workspace with bases has a team branch to protect). */
  hasBases(): boolean {
    return this.db.prepare('SELECT 1 FROM sync_base LIMIT 1').get() !== undefined;
  }

  /** Documents in the library here (not in the trash): the size the mass-deletion guard compares with. */
  liveDocCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM documents WHERE deleted_at IS NULL').get() as { n: number }).n;
  }
}

function toConflict(r: ConflictRow): ConflictRecord {
  return {
    docId: r.doc_id,
    kind: r.kind,
    path: r.path,
    mineText: r.mine_text,
    theirsText: r.theirs_text,
    theirsOid: r.theirs_oid,
    baseText: r.base_text,
    fields: JSON.parse(r.fields) as string[],
    body: r.body !== 0,
    suggestion: r.suggestion,
    detectedAt: r.detected_at,
  };
}
