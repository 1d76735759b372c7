import type { Migration } from './index';

/**
 * Review records in the team repository (reviews/<document id>.yml).
 *
 * `review_sync_base`: per document, its review file as it was at the last
 * sync (path, blob id, text) and the ids of the records it held: the base of
 * the next set merge, and what tells a record made here since then (a local
 * change not pushed yet). No foreign key, as for `sync_base`: the file of a
 * document deleted here stays in the repository and keeps its base.
 */
export const m006ReviewSync: Migration = {
  version: 6,
  name: 'review sync base',
  sql: `
    CREATE TABLE review_sync_base (
      doc_id      TEXT PRIMARY KEY,
      path        TEXT NOT NULL,
      blob_oid    TEXT NOT NULL,
      text        TEXT NOT NULL,
      record_ids  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(record_ids)),
      synced_at   TEXT NOT NULL
    );
  `,
};
