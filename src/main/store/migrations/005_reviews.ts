import type { Migration } from './index';

/**
 * Review records of each document: reviewers, requests, verdicts, comments,
 * replies, resolutions and checklist ticks, one row per record. A record is
 * kept whole as JSON (`record`), the same shape it has in the team repo's
 * reviews/<document id>.yml, so syncing is a set merge by id; `type` and
 * `at` are copied out for ordering and for the dashboard.
 */
export const m005Reviews: Migration = {
  version: 5,
  name: 'review records',
  sql: `
    CREATE TABLE review_records (
      id      TEXT PRIMARY KEY,
      doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      type    TEXT NOT NULL,
      at      TEXT NOT NULL,
      record  TEXT NOT NULL CHECK (json_valid(record))
    );
    CREATE INDEX review_records_doc ON review_records(doc_id, at, id);
  `,
};
