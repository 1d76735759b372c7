import type { Migration } from './index';

/** fields.author when it is a non-empty string, else the creator (as migration 002). */
const authorOf = (d: string): string =>
  `COALESCE(NULLIF(CASE WHEN json_type(${d}.fields, '$.author') = 'text' THEN json_extract(${d}.fields, '$.author') END, ''), ${d}.created_by_name)`;

/** Marks the library row of document `id` (if it has one) for re-indexing. */
const mark = (id: string): string => `
      INSERT OR IGNORE INTO search_dirty(row) SELECT row FROM library_rows WHERE id = ${id};`;

const addRow = (d: string): string => `
      INSERT INTO library_rows(id, kind, number, title, status, author, created_at, updated_at)
        SELECT ${d}.id, ${d}.kind, ${d}.number, ${d}.title, ${d}.status, ${authorOf(d)}, ${d}.created_at, ${d}.updated_at
        WHERE ${d}.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM library_rows WHERE id = ${d}.id);`;

/**
 * When the search index is written (docs/adr/0037-when-the-search-index-is-written.md).
 *
 * A save no longer re-tokenizes the document inside its own statement (70-85%
 * of an autosave, docs/performance.md): the triggers keep `library_rows`
 * current as before and record the row in `search_dirty`, in the same
 * transaction as the write, so a crash never leaves a changed document
 * unmarked. `documents_fts` row r is then brought in step with library row r
 * (dropped, and written again if the row is live) by `flushSearchIndex`:
 * before every search, after a pause in typing, after a sync or import
 * batch, and when the workspace opens.
 *
 * A library row now keeps its `row` (the index's rowid) while its document
 * is edited; before, every save deleted and re-inserted it. A row number
 * freed by a deletion may be taken again before a flush: the mark is the
 * row's, so the flush rebuilds that rowid from whatever holds it then.
 */
export const m008SearchDirty: Migration = {
  version: 8,
  name: 'search index written after the save',
  sql: `
    CREATE TABLE search_dirty (row INTEGER PRIMARY KEY);

    DROP TRIGGER documents_library_insert;
    DROP TRIGGER documents_library_update;
    DROP TRIGGER documents_library_delete;

    CREATE TRIGGER documents_library_insert AFTER INSERT ON documents BEGIN
      -- INSERT OR REPLACE does not fire the delete trigger: drop a stale row first.${mark('new.id')}
      DELETE FROM library_rows WHERE id = new.id;${addRow('new')}${mark('new.id')}
    END;

    CREATE TRIGGER documents_library_update AFTER UPDATE OF id, title, body, fields, deleted_at ON documents BEGIN${mark('old.id')}
      DELETE FROM library_rows WHERE id = old.id AND (old.id IS NOT new.id OR new.deleted_at IS NOT NULL);
      UPDATE library_rows
        SET kind = new.kind, number = new.number, title = new.title, status = new.status, author = ${authorOf('new')},
            created_at = new.created_at, updated_at = new.updated_at
        WHERE id = new.id AND new.deleted_at IS NULL;${addRow('new')}${mark('new.id')}
    END;

    CREATE TRIGGER documents_library_delete AFTER DELETE ON documents BEGIN${mark('old.id')}
      DELETE FROM library_rows WHERE id = old.id;
    END;
  `,
};
