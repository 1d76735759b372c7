import type { Version, VersionReason, VersionSummary } from '../../shared/contract/versions';
import type { Document, Person } from '../../shared/document';
import { AppError } from '../../shared/errors';
import type { DocumentStore } from '../store/documentStore';
import type { DocumentHooks, DocumentService, ServiceContext } from './documentService';

/** Saves closer together than this, by the same person, belong to one editing session. */
export const SESSION_GAP_MS = 10 * 60 * 1000;

interface VersionRow {
  id: number;
  doc_id: string;
  revision: number;
  at: string;
  actor_name: string;
  actor_email: string;
  reason: VersionReason;
  status: string;
  title: string;
  body?: string;
  fields?: string;
}

function toSummary(r: VersionRow): VersionSummary {
  return {
    id: r.id,
    docId: r.doc_id,
    revision: r.revision,
    at: r.at,
    actor: { name: r.actor_name, email: r.actor_email },
    reason: r.reason,
    status: r.status,
    title: r.title,
  };
}

const SUMMARY_COLUMNS = 'id, doc_id, revision, at, actor_name, actor_email, reason, status, title';

/**
 * Takes snapshots as documents are written: when an editing session starts
 * (the text as it was before the session's first save), and on every status
 * move. Runs as a DocumentService hook, inside the write's transaction.
 */
export class VersionRecorder implements DocumentHooks {
  private readonly stmts;

  constructor(
    store: DocumentStore,
    private readonly ctx: ServiceContext,
  ) {
    const db = store.db;
    this.stmts = {
      insert: db.prepare(
        `INSERT INTO versions (doc_id, revision, at, actor_name, actor_email, reason, status, title, body, fields)
         VALUES (@docId, @revision, @at, @actorName, @actorEmail, @reason, @status, @title, @body, @fields)`,
      ),
      newest: db.prepare<[string], VersionRow>(`SELECT ${SUMMARY_COLUMNS} FROM versions WHERE doc_id = ? ORDER BY id DESC LIMIT 1`),
      newestText: db.prepare<[string], { body: string; fields: string }>('SELECT body, fields FROM versions WHERE doc_id = ? ORDER BY id DESC LIMIT 1'),
    };
  }

  onSaved(before: Document, after: Document): void {
    if (sameContent(before, after)) return;
    const me = this.ctx.identity();
    const now = this.ctx.now();
    const newest = this.stmts.newest.get(before.id);
    const fresh = newest && now.getTime() - Date.parse(newest.at) < SESSION_GAP_MS && newest.actor_name === me.name && newest.actor_email === me.email;
    if (!fresh) this.record(before, 'session');
  }

  onMoved(_before: Document, after: Document): void {
    this.record(after, 'status');
  }

  /** Keeps a snapshot of `doc` unless the newest version already holds the same text (a reviewed text about to change). */
  keep(doc: Document): void {
    const newest = this.stmts.newestText.get(doc.id);
    if (newest && newest.body === doc.body && newest.fields === JSON.stringify(doc.fields)) return;
    this.record(doc, 'session');
  }

  /** Keeps a snapshot of the document's title, body and fields as they are now. */
  record(doc: Document, reason: VersionReason): void {
    const actor: Person = this.ctx.identity();
    this.stmts.insert.run({
      docId: doc.id,
      revision: doc.revision,
      at: this.ctx.now().toISOString(),
      actorName: actor.name,
      actorEmail: actor.email,
      reason,
      status: doc.status,
      title: doc.title,
      body: doc.body,
      fields: JSON.stringify(doc.fields),
    });
  }
}

function sameContent(a: Document, b: Document): boolean {
  return a.title === b.title && a.body === b.body && JSON.stringify(a.fields) === JSON.stringify(b.fields);
}

/** Listing a document's versions, reading one, and restoring one as a new revision. */
export class VersionService {
  private readonly stmts;

  constructor(
    private readonly store: DocumentStore,
    private readonly recorder: VersionRecorder,
    private readonly documents: DocumentService,
    private readonly ctx: ServiceContext,
  ) {
    this.stmts = {
      list: store.db.prepare<[string], VersionRow>(`SELECT ${SUMMARY_COLUMNS} FROM versions WHERE doc_id = ? ORDER BY id DESC`),
      get: store.db.prepare<[number, string], Required<VersionRow>>('SELECT * FROM versions WHERE id = ? AND doc_id = ?'),
    };
  }

  /** A live document's versions, newest first, without their bodies. */
  list(docId: string): VersionSummary[] {
    this.documents.get(docId);
    return this.stmts.list.all(docId).map(toSummary);
  }

  /** One version with its title, body and fields. */
  get(docId: string, versionId: number): Version {
    this.documents.get(docId);
    const r = this.stmts.get.get(versionId, docId);
    if (!r) throw new AppError('NOT_FOUND', 'This version does not exist (the trash may have been emptied).', { docId, versionId });
    return { ...toSummary(r), body: r.body, fields: JSON.parse(r.fields) as Record<string, unknown> };
  }

  /**
   * Brings back a version's title, body and fields as a new revision (the
   * status stays: it follows the lifecycle). The current text is kept first as
   * a 'before-restore' version, so a restore can itself be undone.
   */
  restore(docId: string, versionId: number, baseRevision?: number): Document {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      if (baseRevision !== undefined && doc.revision !== baseRevision) {
        throw new AppError('CONFLICT', 'This document changed since you opened it. Reload, then restore again.', {
          revision: doc.revision,
          baseRevision,
        });
      }
      const v = this.get(docId, versionId);
      this.recorder.record(doc, 'before-restore');
      const next = this.documents.update({ id: docId, baseRevision: doc.revision, title: v.title, body: v.body, fields: v.fields, source: 'restore' });
      this.store.addHistory({
        docId,
        at: next.updatedAt,
        actor: this.ctx.identity(),
        event: 'restored',
        from: String(doc.revision),
        to: String(next.revision),
        data: { versionId: v.id, versionAt: v.at, versionRevision: v.revision },
      });
      this.recorder.record(next, 'restore');
      return next;
    });
  }
}
