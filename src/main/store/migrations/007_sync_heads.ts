import type { Migration } from './index';

/**
 * What lets a sync look only at what changed (docs/performance.md).
 *
 * Covering indexes for what a sync reads about every document: the
 * document rows without their text, and the sync bases without theirs.
 * A document's body sits in the middle of its row, so reading any column
 * after it (revision, deleted_at, ...) walks the body's overflow pages: with
 * 10,000 documents that read about 70 MB to look at a few small columns.
 * Answered from these indexes it reads about 2 MB.
 *
 * `sync_head`: the commit the sync bases were last brought in line with, by
 * a sync that left nothing behind (no conflict, no unreadable file, no
 * document edited while it ran). While the team repository is still at
 * that commit, a sync only plans the documents changed here. Any other
 * write of a base clears it.
 */
export const m007SyncHeads: Migration = {
  version: 7,
  name: 'sync head indexes and applied head',
  sql: `
    CREATE INDEX documents_sync_head ON documents(
      id, kind, number, title, status, created_at, updated_at, revision, created_by_name, created_by_email, deleted_at
    );
    CREATE INDEX sync_base_head ON sync_base(doc_id, path, blob_oid, revision);

    CREATE TABLE sync_head (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      commit_oid  TEXT NOT NULL
    );
  `,
};
