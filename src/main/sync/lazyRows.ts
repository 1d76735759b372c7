import { documentHead } from '../store/documentStore';
import type { DocRow, LocalDoc, SyncBase } from './syncStore';

/** A document row without its body and fields (read from the covering index of migration 007). */
export type HeadRow = Omit<DocRow, 'body' | 'fields'>;

/**
 * A document row whose body and fields are read on first use. A sync looks
 * at every document but reads the text of only the few that changed: with
 * 10,000 documents, loading every body up front costs more than the rest
 * of a small sync (docs/performance.md). Reads happen in the same
 * synchronous stretch as the plan that asks, so they see the same row.
 */
export function lazyLocal(r: HeadRow, content: (id: string) => { body: string; fields: string } | undefined): LocalDoc {
  // Body and fields are read on each use and never kept, so a sync that renders every document (a first
  // publish) does not hold every body, or every parsed matrix and timeline, at once.
  return {
    ...documentHead(r),
    get body() {
      return content(r.id)?.body ?? '';
    },
    get fields() {
      const c = content(r.id);
      return c ? (JSON.parse(c.fields) as Record<string, unknown>) : {};
    },
    deletedAt: r.deleted_at,
  };
}

/** A sync base whose text (the whole file as last synced) is read on first use, for the same reason. */
export function lazyBase(r: { doc_id: string; path: string; blob_oid: string; revision: number }, textOf: (id: string) => string | undefined): SyncBase {
  let text: string | undefined;
  return {
    docId: r.doc_id,
    path: r.path,
    oid: r.blob_oid,
    get text() {
      return (text ??= textOf(r.doc_id) ?? '');
    },
    revision: r.revision,
  };
}
