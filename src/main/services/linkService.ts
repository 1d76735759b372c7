import type { Document, DocumentSummary } from '../../shared/document';
import type { ResolvedRef } from '../../shared/contract/links';
import { AppError } from '../../shared/errors';
import type { DocKind } from '../../shared/kinds/kinds';
import { parseDisplayRef } from '../../shared/kinds/kinds';
import { extractRefs } from '../../shared/links/refs';
import type { DocumentStore } from '../store/documentStore';
import type { DocumentHooks } from './documentService';
import { summaryOf, type SummaryRow } from '../store/summaryOf';

/**
 * References between documents. Each save recomputes the references its body
 * makes (RFC-12, ADR-3, ...); they are stored by kind and number, so a link to
 * a document that does not exist yet starts to resolve once it is created.
 */
export class LinkService implements DocumentHooks {
  private readonly stmts;

  constructor(private readonly store: DocumentStore) {
    const db = store.db;
    this.stmts = {
      clear: db.prepare<[string]>('DELETE FROM links WHERE from_id = ?'),
      add: db.prepare<[string, DocKind, number]>('INSERT OR IGNORE INTO links (from_id, to_kind, to_number) VALUES (?, ?, ?)'),
      backlinks: db.prepare<[DocKind, number, string], SummaryRow>(
        `SELECT d.id, d.kind, d.number, d.title, d.status, d.created_at, d.updated_at, d.fields, d.created_by_name
         FROM links l JOIN documents d ON d.id = l.from_id
         WHERE l.to_kind = ? AND l.to_number = ? AND d.deleted_at IS NULL AND d.id <> ?
         ORDER BY d.kind, d.number`,
      ),
      live: db.prepare<[DocKind, number], { id: string; title: string }>('SELECT id, title FROM documents WHERE kind = ? AND number = ? AND deleted_at IS NULL'),
    };
  }

  onCreated(doc: Document): void {
    this.recompute(doc);
  }

  onSaved(_before: Document, after: Document): void {
    this.recompute(after);
  }

  /** Replaces the stored outgoing links of a document with the references in its body. */
  recompute(doc: Pick<Document, 'id' | 'body'>): void {
    this.stmts.clear.run(doc.id);
    for (const r of extractRefs(doc.body)) this.stmts.add.run(doc.id, r.kind, r.number);
  }

  /** The live documents whose body refers to this one ("Linked from"), by kind and number. */
  backlinks(id: string): DocumentSummary[] {
    const doc = this.store.get(id);
    if (!doc) throw new AppError('NOT_FOUND', 'This document does not exist (it may have been deleted).', { id });
    return this.stmts.backlinks.all(doc.kind, doc.number, doc.id).map(summaryOf);
  }

  /** For each reference ("RFC-12"), the live document it names, or null when there is none. */
  resolveRefs(refs: readonly string[]): ResolvedRef[] {
    return refs.map((ref) => {
      const parsed = parseDisplayRef(ref);
      const hit = parsed ? this.stmts.live.get(parsed.kind, parsed.number) : undefined;
      return { ref, id: hit?.id ?? null, title: hit?.title ?? null };
    });
  }
}
