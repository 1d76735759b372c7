import type { Migration } from './index';

/**
 * Sync with the team repository.
 *
 * `sync_base`: per document, the file as it was at the last sync (path, blob
 * id, text) and the local revision it matched; the base of every three-way
 * merge. No foreign key: when the trash is emptied the base stays, so the
 * next sync still knows to delete the file from the repository.
 * `sync_conflicts`: documents whose two versions collided, both kept.
 * `doc_aliases`: numbers a document had before a sync renumbered it.
 */
export const m004Sync: Migration = {
  version: 4,
  name: 'sync base, conflicts, aliases',
  sql: `
    CREATE TABLE sync_base (
      doc_id     TEXT PRIMARY KEY,
      path       TEXT NOT NULL,
      blob_oid   TEXT NOT NULL,
      text       TEXT NOT NULL,
      revision   INTEGER NOT NULL,
      synced_at  TEXT NOT NULL
    );
    CREATE INDEX sync_base_path ON sync_base(path);

    CREATE TABLE sync_conflicts (
      doc_id       TEXT PRIMARY KEY,
      kind         TEXT NOT NULL CHECK (kind IN ('content','deleted-remotely')),
      path         TEXT NOT NULL,
      mine_text    TEXT NOT NULL,
      theirs_text  TEXT,
      theirs_oid   TEXT,
      base_text    TEXT,
      fields       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),
      body         INTEGER NOT NULL DEFAULT 0,
      suggestion   TEXT NOT NULL,
      detected_at  TEXT NOT NULL
    );

    CREATE TABLE doc_aliases (
      kind    TEXT NOT NULL,
      number  INTEGER NOT NULL,
      doc_id  TEXT NOT NULL,
      at      TEXT NOT NULL,
      PRIMARY KEY (kind, number, doc_id)
    ) WITHOUT ROWID;
    CREATE INDEX doc_aliases_doc ON doc_aliases(doc_id);
  `,
};
