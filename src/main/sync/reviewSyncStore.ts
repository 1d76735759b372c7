import type { DocKind } from '../../shared/kinds/kinds';
import type { Db } from '../store/openDatabase';

/** A review file as it was at the last sync: the base of the next set merge. */
export interface ReviewBase {
  docId: string;
  path: string;
  oid: string;
  text: string;
  /** The ids of the records the file held; a local record not among them is a change not pushed yet. */
  recordIds: string[];
}

/** What a review file's header names: the document's ref and title. */
export interface ReviewedDoc {
  kind: DocKind;
  number: number;
  title: string;
}

interface BaseRow {
  doc_id: string;
  path: string;
  blob_oid: string;
  text: string;
  record_ids: string;
}

/** Row-level access to `review_sync_base` (migration 006) and the lookups the review record set needs. */
export class ReviewSyncStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      bases: db.prepare<[], BaseRow>('SELECT doc_id, path, blob_oid, text, record_ids FROM review_sync_base'),
      setBase: db.prepare(
        `INSERT INTO review_sync_base (doc_id, path, blob_oid, text, record_ids, synced_at) VALUES (@docId, @path, @oid, @text, @recordIds, @at)
         ON CONFLICT(doc_id) DO UPDATE SET path = excluded.path, blob_oid = excluded.blob_oid, text = excluded.text,
           record_ids = excluded.record_ids, synced_at = excluded.synced_at`,
      ),
      deleteBase: db.prepare<[string]>('DELETE FROM review_sync_base WHERE doc_id = ?'),
      reviewedDocIds: db.prepare<[], { doc_id: string }>('SELECT DISTINCT doc_id FROM review_records ORDER BY doc_id'),
      doc: db.prepare<[string], { kind: DocKind; number: number; title: string }>('SELECT kind, number, title FROM documents WHERE id = ?'),
      ownerOf: db.prepare<[string], { doc_id: string }>('SELECT doc_id FROM review_records WHERE id = ?'),
    };
  }

  bases(): Map<string, ReviewBase> {
    return new Map(
      this.s.bases.all().map((r) => [r.doc_id, { docId: r.doc_id, path: r.path, oid: r.blob_oid, text: r.text, recordIds: JSON.parse(r.record_ids) as string[] }]),
    );
  }

  setBase(b: ReviewBase, at: string): void {
    this.s.setBase.run({ docId: b.docId, path: b.path, oid: b.oid, text: b.text, recordIds: JSON.stringify(b.recordIds), at });
  }

  deleteBase(docId: string): void {
    this.s.deleteBase.run(docId);
  }

  /** Documents that have review records here (in the trash or not). */
  reviewedDocIds(): string[] {
    return this.s.reviewedDocIds.all().map((r) => r.doc_id);
  }

  /** A document row, live or in the trash; undefined when there is none here. */
  doc(id: string): ReviewedDoc | undefined {
    return this.s.doc.get(id);
  }

  /** The document a record id belongs to here, if any (an id is unique across all documents). */
  ownerOf(recordId: string): string | undefined {
    return this.s.ownerOf.get(recordId)?.doc_id;
  }
}
