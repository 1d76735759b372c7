import type { Document, DocumentSummary, HistoryEntry, Person } from '../../shared/document';
import type { DocKind } from '../../shared/kinds/kinds';
import type { Db } from './openDatabase';
import { summaryOf } from './summaryOf';

/** A row of `documents` as SQLite returns it (deleted_at only where a query selects it). */
export interface DocRow {
  id: string;
  kind: DocKind;
  number: number;
  title: string;
  status: string;
  body: string;
  fields: string;
  created_at: string;
  updated_at: string;
  revision: number;
  created_by_name: string;
  created_by_email: string;
  deleted_at?: string | null;
}

/** Everything of a document but its body and fields, from its row. */
export function documentHead(r: Omit<DocRow, 'body' | 'fields'>): Omit<Document, 'body' | 'fields'> {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    title: r.title,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
    createdBy: { name: r.created_by_name, email: r.created_by_email },
  };
}

/** A document as the named parameters of the statements that write its row (each takes the ones it names). */
export function documentParams(doc: Document): Record<string, string | number> {
  return {
    id: doc.id,
    kind: doc.kind,
    number: doc.number,
    title: doc.title,
    status: doc.status,
    body: doc.body,
    fields: JSON.stringify(doc.fields),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    revision: doc.revision,
    createdByName: doc.createdBy.name,
    createdByEmail: doc.createdBy.email,
  };
}

export function toDocument(r: DocRow): Document {
  return { ...documentHead(r), body: r.body, fields: JSON.parse(r.fields) as Record<string, unknown> };
}

export interface NewHistory {
  docId: string;
  at: string;
  actor: Person;
  event: string;
  from?: string | null;
  to?: string | null;
  data?: unknown;
}

/** Row-level access to documents and their history; no business rules here. */
export class DocumentStore {
  private readonly stmts;

  constructor(readonly db: Db) {
    this.stmts = {
      get: db.prepare<[string], DocRow>('SELECT * FROM documents WHERE id = ? AND deleted_at IS NULL'),
      live: db.prepare<[], DocRow>('SELECT * FROM documents WHERE deleted_at IS NULL ORDER BY kind, number'),
      byNumber: db.prepare<[DocKind, number], DocRow>('SELECT * FROM documents WHERE kind = ? AND number = ?'),
      nextNumber: db.prepare<[DocKind], { n: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM documents WHERE kind = ?'),
      insert: db.prepare(
        `INSERT INTO documents (id, kind, number, title, status, body, fields, created_at, updated_at, revision, created_by_name, created_by_email)
         VALUES (@id, @kind, @number, @title, @status, @body, @fields, @createdAt, @updatedAt, @revision, @createdByName, @createdByEmail)`,
      ),
      update: db.prepare(
        `UPDATE documents SET title = @title, status = @status, body = @body, fields = @fields, updated_at = @updatedAt, revision = @revision
         WHERE id = @id`,
      ),
      list: db.prepare<[], DocRow & { conflicted: number }>(
        `SELECT id, kind, number, title, status, '' AS body, fields, created_at, updated_at, revision, created_by_name, created_by_email,
                EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.doc_id = documents.id) AS conflicted
         FROM documents WHERE deleted_at IS NULL ORDER BY updated_at DESC`,
      ),
      listKind: db.prepare<[DocKind], DocRow & { conflicted: number }>(
        `SELECT id, kind, number, title, status, '' AS body, fields, created_at, updated_at, revision, created_by_name, created_by_email,
                EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.doc_id = documents.id) AS conflicted
         FROM documents WHERE kind = ? AND deleted_at IS NULL ORDER BY updated_at DESC`,
      ),
      addHistory: db.prepare(
        `INSERT INTO history (doc_id, at, actor_name, actor_email, event, from_value, to_value, data)
         VALUES (@docId, @at, @actorName, @actorEmail, @event, @from, @to, @data)`,
      ),
      history: db.prepare<[string], { id: number; doc_id: string; at: string; actor_name: string; actor_email: string; event: string; from_value: string | null; to_value: string | null; data: string | null }>(
        'SELECT * FROM history WHERE doc_id = ? ORDER BY id',
      ),
    };
  }

  get(id: string): Document | undefined {
    const r = this.stmts.get.get(id);
    return r ? toDocument(r) : undefined;
  }

  getByNumber(kind: DocKind, number: number): Document | undefined {
    const r = this.stmts.byNumber.get(kind, number);
    return r ? toDocument(r) : undefined;
  }

  nextNumber(kind: DocKind): number {
    return this.stmts.nextNumber.get(kind)!.n;
  }

  insert(doc: Document): void {
    this.stmts.insert.run(documentParams(doc));
  }

  update(doc: Document): void {
    this.stmts.update.run(documentParams(doc));
  }

  list(kind?: DocKind): DocumentSummary[] {
    const rows = kind ? this.stmts.listKind.all(kind) : this.stmts.list.all();
    return rows.map((r) => ({ ...summaryOf(r), ...(r.conflicted ? { conflicted: true } : {}) }));
  }

  /** Every live document whole, bodies included, in one query (the repository health checks read them all). */
  listLive(): Document[] {
    return this.stmts.live.all().map(toDocument);
  }

  addHistory(h: NewHistory): void {
    this.stmts.addHistory.run({
      docId: h.docId,
      at: h.at,
      actorName: h.actor.name,
      actorEmail: h.actor.email,
      event: h.event,
      from: h.from ?? null,
      to: h.to ?? null,
      data: h.data === undefined ? null : JSON.stringify(h.data),
    });
  }

  history(docId: string): HistoryEntry[] {
    return this.stmts.history.all(docId).map((r) => ({
      id: r.id,
      docId: r.doc_id,
      at: r.at,
      actor: { name: r.actor_name, email: r.actor_email },
      event: r.event,
      from: r.from_value,
      to: r.to_value,
      ...(r.data === null ? {} : { data: JSON.parse(r.data) as unknown }),
    }));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
