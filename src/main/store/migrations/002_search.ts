import type { Migration } from './index';

/** fields.author when it is a non-empty string, else the creator (what the library shows as Author). */
const authorOf = (d: string): string =>
  `COALESCE(NULLIF(CASE WHEN json_type(${d}.fields, '$.author') = 'text' THEN json_extract(${d}.fields, '$.author') END, ''), ${d}.created_by_name)`;

/** Every string value anywhere in the fields: matrix options and notes, timeline events, action items... */
const extraOf = (d: string): string => `(SELECT group_concat(value, ' ') FROM json_tree(${d}.fields) WHERE type = 'text')`;

const remove = (id: string): string => `
      DELETE FROM documents_fts WHERE rowid = (SELECT row FROM library_rows WHERE id = ${id});
      DELETE FROM library_rows WHERE id = ${id};`;

const add = (d: string): string => `
      INSERT INTO library_rows(id, kind, number, title, status, author, created_at, updated_at)
        SELECT ${d}.id, ${d}.kind, ${d}.number, ${d}.title, ${d}.status, ${authorOf(d)}, ${d}.created_at, ${d}.updated_at
        WHERE ${d}.deleted_at IS NULL;
      INSERT INTO documents_fts(rowid, title, body, extra)
        SELECT l.row, ${d}.title, ${d}.body, ${extraOf(d)} FROM library_rows l WHERE l.id = ${d}.id;`;

/**
 * The library and its full-text search, both over live documents only.
 *
 * `library_rows` is a narrow copy of each live document's summary (author
 * resolved), so listing 10,000 documents or filtering search hits never
 * reads a body or parses JSON. `documents_fts` holds title, body and the
 * string values of fields (`extra`) with its rowid taken from
 * `library_rows.row` (documents has no INTEGER PRIMARY KEY, so its own rowid
 * is not stable across a table rebuild). Triggers keep both in step with
 * every write; setting deleted_at takes a document out of both.
 */
export const m002Search: Migration = {
  version: 2,
  name: 'library rows and full-text search',
  sql: `
    CREATE TABLE library_rows (
      row         INTEGER PRIMARY KEY,
      id          TEXT NOT NULL UNIQUE,
      kind        TEXT NOT NULL,
      number      INTEGER NOT NULL,
      title       TEXT NOT NULL,
      status      TEXT NOT NULL,
      author      TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE INDEX library_rows_ref ON library_rows(kind, number);
    CREATE INDEX library_rows_updated ON library_rows(updated_at);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, body, extra,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );

    CREATE TRIGGER documents_library_insert AFTER INSERT ON documents BEGIN
      -- INSERT OR REPLACE does not fire the delete trigger: drop a stale entry first.${remove('new.id')}${add('new')}
    END;

    CREATE TRIGGER documents_library_update AFTER UPDATE OF id, title, body, fields, deleted_at ON documents BEGIN${remove('old.id')}${add('new')}
    END;

    CREATE TRIGGER documents_library_touch AFTER UPDATE OF kind, number, status, created_at, updated_at, created_by_name ON documents BEGIN
      UPDATE library_rows
        SET kind = new.kind, number = new.number, status = new.status, author = ${authorOf('new')},
            created_at = new.created_at, updated_at = new.updated_at
        WHERE id = new.id;
    END;

    CREATE TRIGGER documents_library_delete AFTER DELETE ON documents BEGIN${remove('old.id')}
    END;

    INSERT INTO library_rows(id, kind, number, title, status, author, created_at, updated_at)
      SELECT d.id, d.kind, d.number, d.title, d.status, ${authorOf('d')}, d.created_at, d.updated_at
      FROM documents d WHERE d.deleted_at IS NULL ORDER BY d.rowid;
    INSERT INTO documents_fts(rowid, title, body, extra)
      SELECT l.row, d.title, d.body, ${extraOf('d')}
      FROM library_rows l JOIN documents d ON d.id = l.id;
  `,
};
