import { ReviewRecordSchema, type ReviewRecord } from '../../shared/reviews/schemas';
import type { Db } from './openDatabase';

interface RecordRow {
  doc_id: string;
  record: string;
}

/** Parses a stored record; one that no longer reads as a record (a hand-edited file) is left out rather than failing the document. */
function parse(row: RecordRow): ReviewRecord | null {
  const r = ReviewRecordSchema.safeParse(JSON.parse(row.record));
  return r.success ? r.data : null;
}

/** Row-level access to review records; no rules here (see ReviewService). */
export class ReviewStore {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      list: db.prepare<[string], RecordRow>('SELECT doc_id, record FROM review_records WHERE doc_id = ? ORDER BY at, id'),
      listLive: db.prepare<[], RecordRow>(
        `SELECT r.doc_id, r.record FROM review_records r JOIN documents d ON d.id = r.doc_id
         WHERE d.deleted_at IS NULL ORDER BY r.doc_id, r.at, r.id`,
      ),
      add: db.prepare<[string, string, string, string, string]>('INSERT INTO review_records (id, doc_id, type, at, record) VALUES (?, ?, ?, ?, ?)'),
      clear: db.prepare<[string]>('DELETE FROM review_records WHERE doc_id = ?'),
      // Records kept here, and review files of the team repository as the last sync saw them (review_sync_base),
      // whose document is neither here (the trash does not count) nor a file of the repository (sync_base).
      orphans: db.prepare<[], { doc_id: string; path: string | null; n: number }>(
        `SELECT doc_id, MAX(path) AS path, MAX(n) AS n FROM (
           SELECT doc_id, NULL AS path, COUNT(*) AS n FROM review_records GROUP BY doc_id
           UNION ALL
           SELECT doc_id, path, json_array_length(record_ids) AS n FROM review_sync_base
         )
         WHERE doc_id NOT IN (SELECT id FROM documents WHERE deleted_at IS NULL) AND doc_id NOT IN (SELECT doc_id FROM sync_base)
         GROUP BY doc_id ORDER BY doc_id`,
      ),
    };
  }

  /** A document's records, oldest first. */
  list(docId: string): ReviewRecord[] {
    return this.stmts.list.all(docId).flatMap((r) => parse(r) ?? []);
  }

  /** The records of every live document, grouped by document id (for the dashboard). */
  listLive(): Map<string, ReviewRecord[]> {
    const out = new Map<string, ReviewRecord[]>();
    for (const row of this.stmts.listLive.all()) {
      const rec = parse(row);
      if (!rec) continue;
      const list = out.get(row.doc_id);
      if (list) list.push(rec);
      else out.set(row.doc_id, [rec]);
    }
    return out;
  }

  add(docId: string, record: ReviewRecord): void {
    this.stmts.add.run(record.id, docId, record.type, record.at, JSON.stringify(record));
  }

  /** Replaces a document's records with a merged set (what the sync engine writes after mergeReviewRecords). */
  replaceAll(docId: string, records: readonly ReviewRecord[]): void {
    this.db.transaction(() => {
      this.stmts.clear.run(docId);
      for (const r of records) this.add(docId, r);
    })();
  }

  /**
   * Review records of documents that exist nowhere: not here (the trash does
   * not count) and not as a file of the team repository at the last sync.
   * `path`: the review file in the repository, when there is one.
   */
  orphans(): { docId: string; path: string | null; records: number }[] {
    return this.stmts.orphans.all().map((r) => ({ docId: r.doc_id, path: r.path, records: r.n }));
  }
}
