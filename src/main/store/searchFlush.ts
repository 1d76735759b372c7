import type Database from 'better-sqlite3';
import type { Db } from './openDatabase';

/** Every string value anywhere in the fields, as migration 002 indexes them. */
const EXTRA = `(SELECT group_concat(value, ' ') FROM json_tree(d.fields) WHERE type = 'text')`;

interface FlushStatements {
  any: Database.Statement<[], number>;
  rows: Database.Statement<[], number>;
  drop: Database.Statement<[number]>;
  write: Database.Statement<[number]>;
  clear: Database.Statement<[]>;
}

const prepared = new WeakMap<Db, FlushStatements>();

function statements(db: Db): FlushStatements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      any: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM search_dirty)').pluck(),
      rows: db.prepare<[], number>('SELECT row FROM search_dirty').pluck(),
      drop: db.prepare<[number]>('DELETE FROM documents_fts WHERE rowid = ?'),
      write: db.prepare<[number]>(
        `INSERT INTO documents_fts(rowid, title, body, extra)
         SELECT l.row, d.title, d.body, ${EXTRA} FROM library_rows l JOIN documents d ON d.id = l.id WHERE l.row = ?`,
      ),
      clear: db.prepare<[]>('DELETE FROM search_dirty'),
    };
    prepared.set(db, s);
  }
  return s;
}

/**
 * Brings the full-text index in step with every library row a write marked
 * in `search_dirty` (migration 008), in one transaction (a savepoint inside a
 * caller's): each marked rowid is dropped from the index and written again
 * from its library row and document if that row is still live. Returns how
 * many rows were re-indexed; costs one indexed lookup when nothing is marked.
 * Call it before reading the index, and after a batch of writes.
 */
export function flushSearchIndex(db: Db): number {
  if (db.readonly) return 0;
  const s = statements(db);
  if (!s.any.get()) return 0;
  return db.transaction(() => {
    const rows = s.rows.all();
    for (const row of rows) {
      s.drop.run(row);
      s.write.run(row);
    }
    s.clear.run();
    return rows.length;
  })();
}
