import type { Migration } from './index';

export const m001Init: Migration = {
  version: 1,
  name: 'documents, history, settings',
  sql: `
    CREATE TABLE documents (
      id          TEXT PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('rfc','adr','matrix','postmortem')),
      number      INTEGER NOT NULL CHECK (number > 0),
      title       TEXT NOT NULL,
      status      TEXT NOT NULL,
      body        TEXT NOT NULL DEFAULT '',
      fields      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields)),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      revision    INTEGER NOT NULL DEFAULT 0,
      created_by_name  TEXT NOT NULL,
      created_by_email TEXT NOT NULL,
      deleted_at  TEXT,
      UNIQUE (kind, number)
    );
    CREATE INDEX documents_kind_updated ON documents(kind, updated_at DESC);

    CREATE TABLE history (
      id          INTEGER PRIMARY KEY,
      doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      at          TEXT NOT NULL,
      actor_name  TEXT NOT NULL,
      actor_email TEXT NOT NULL,
      event       TEXT NOT NULL,
      from_value  TEXT,
      to_value    TEXT,
      data        TEXT CHECK (data IS NULL OR json_valid(data))
    );
    CREATE INDEX history_doc ON history(doc_id, id);

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    );
  `,
};
