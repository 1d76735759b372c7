import type { Migration } from './index';

/**
 * Document versions (snapshots taken per editing session, status change and
 * restore) and the references each document's body makes to others. Links
 * point at a display reference (kind + number), not an id, so a link to a
 * document that does not exist yet is kept and resolves once it is created.
 */
export const m003VersionsLinks: Migration = {
  version: 3,
  name: 'versions, links',
  sql: `
    CREATE TABLE versions (
      id          INTEGER PRIMARY KEY,
      doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      revision    INTEGER NOT NULL,
      at          TEXT NOT NULL,
      actor_name  TEXT NOT NULL,
      actor_email TEXT NOT NULL,
      reason      TEXT NOT NULL CHECK (reason IN ('session','status','restore','before-restore')),
      status      TEXT NOT NULL,
      title       TEXT NOT NULL,
      body        TEXT NOT NULL,
      fields      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields))
    );
    CREATE INDEX versions_doc ON versions(doc_id, id);

    CREATE TABLE links (
      from_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      to_kind    TEXT NOT NULL,
      to_number  INTEGER NOT NULL,
      PRIMARY KEY (from_id, to_kind, to_number)
    ) WITHOUT ROWID;
    CREATE INDEX links_target ON links(to_kind, to_number);
  `,
};
