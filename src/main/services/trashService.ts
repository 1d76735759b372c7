import type { TrashEntry } from '../../shared/contract/trash';
import type { DocumentSummary } from '../../shared/document';
import { AppError } from '../../shared/errors';
import type { DocKind } from '../../shared/kinds/kinds';
import type { DocumentStore } from '../store/documentStore';
import type { ServiceContext } from './documentService';
import { summaryOf, type SummaryRow } from '../store/summaryOf';

interface TrashRow {
  id: string;
  kind: DocKind;
  number: number;
  title: string;
  status: string;
  deleted_at: string;
  actor_name: string | null;
  actor_email: string | null;
}

function toEntry(r: TrashRow): TrashEntry {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    title: r.title,
    status: r.status,
    deletedAt: r.deleted_at,
    deletedBy: r.actor_name === null ? null : { name: r.actor_name, email: r.actor_email ?? '' },
  };
}

const TRASH_SELECT = `
  SELECT d.id, d.kind, d.number, d.title, d.status, d.deleted_at, h.actor_name, h.actor_email
  FROM documents d
  LEFT JOIN history h ON h.id = (SELECT MAX(id) FROM history WHERE doc_id = d.id AND event = 'deleted')
  WHERE d.deleted_at IS NOT NULL`;

/**
 * Deleting is moving to the trash (deleted_at set): the document leaves every
 * list but keeps its history, versions and number until the trash is emptied.
 */
export class TrashService {
  private readonly stmts;

  constructor(
    private readonly store: DocumentStore,
    private readonly ctx: ServiceContext,
  ) {
    const db = store.db;
    this.stmts = {
      trash: db.prepare<[string, string]>('UPDATE documents SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
      untrash: db.prepare<[string]>('UPDATE documents SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL'),
      entry: db.prepare<[string], TrashRow>(`${TRASH_SELECT} AND d.id = ?`),
      list: db.prepare<[], TrashRow>(`${TRASH_SELECT} ORDER BY d.deleted_at DESC, d.id`),
      summary: db.prepare<[string], SummaryRow>(
        'SELECT id, kind, number, title, status, created_at, updated_at, fields, created_by_name FROM documents WHERE id = ? AND deleted_at IS NULL',
      ),
      empty: db.prepare('DELETE FROM documents WHERE deleted_at IS NOT NULL'),
    };
  }

  /** Moves a live document to the trash. */
  delete(id: string): TrashEntry {
    return this.store.transaction(() => {
      const doc = this.store.get(id);
      if (!doc) throw new AppError('NOT_FOUND', 'This document does not exist or is already in the trash.', { id });
      const at = this.ctx.now().toISOString();
      this.stmts.trash.run(at, id);
      this.store.addHistory({ docId: id, at, actor: this.ctx.identity(), event: 'deleted', from: doc.status });
      return toEntry(this.stmts.entry.get(id)!);
    });
  }

  /** Takes a document out of the trash, back into every list with its history and versions. */
  restore(id: string): DocumentSummary {
    return this.store.transaction(() => {
      if (this.stmts.untrash.run(id).changes === 0) {
        throw new AppError('NOT_FOUND', 'This document is not in the trash (it may have been restored already, or the trash was emptied).', { id });
      }
      this.store.addHistory({ docId: id, at: this.ctx.now().toISOString(), actor: this.ctx.identity(), event: 'undeleted' });
      return summaryOf(this.stmts.summary.get(id)!);
    });
  }

  /** Deleted documents, most recently deleted first, with who deleted them. */
  list(): TrashEntry[] {
    return this.stmts.list.all().map(toEntry);
  }

  /** Deletes every document in the trash for good, with its history, versions and links. */
  empty(): { deleted: number } {
    return this.store.transaction(() => ({ deleted: this.stmts.empty.run().changes }));
  }
}
