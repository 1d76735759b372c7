import type Database from 'better-sqlite3';
import type { DocumentSummary } from '../../shared/document';
import type { DocKind } from '../../shared/kinds/kinds';
import { HIT_END, HIT_START } from '../../shared/search/snippet';
import type { LibraryFilter, LibrarySort, SortDir } from '../../shared/search/librarySort';
import type { Db } from './openDatabase';
import { flushSearchIndex } from './searchFlush';

const FILTERS = `(@kind IS NULL OR l.kind = @kind)
  AND (@status IS NULL OR l.status = @status)
  AND (@author IS NULL OR l.author = @author)`;

const ORDER: Record<LibrarySort, (dir: string) => string> = {
  number: (dir) => `l.kind ${dir}, l.number ${dir}`,
  title: (dir) => `l.title COLLATE NOCASE ${dir}, l.kind ${dir}, l.number ${dir}`,
  updated: (dir) => `l.updated_at ${dir}, l.kind ${dir}, l.number ${dir}`,
};

/** A row of a MATCH: the summary plus the title and passages with hits marked (HIT_START/HIT_END). */
export interface MatchRow {
  id: string;
  kind: DocKind;
  number: number;
  title: string;
  status: string;
  updatedAt: string;
  author: string;
  rank: number;
  titleMarked: string;
  bodyMarked: string;
  extraMarked: string;
}

/** A row of a broad match (one that matched most of the library): the summary and its indexed text, unmarked. */
export type BroadRow = Omit<MatchRow, 'rank' | 'titleMarked' | 'bodyMarked' | 'extraMarked'> & { body: string; extra: string };

/** A document found by its reference, with the start of its body for a snippet. */
export type RefRow = Omit<MatchRow, 'rank' | 'titleMarked' | 'bodyMarked' | 'extraMarked'> & { head: string };

type TopRow = { row: number; rank: number };

type SummaryTuple = [id: string, kind: DocKind, number: number, title: string, status: string, updatedAt: string, createdAt: string, author: string, conflicted: number];

interface FilterParams {
  kind: string | null;
  status: string | null;
  author: string | null;
}

const params = (f: LibraryFilter): FilterParams => ({ kind: f.kind ?? null, status: f.status ?? null, author: f.author ?? null });

/**
 * bm25 with column weights (title, body, extra): a title hit outranks a hit
 * in the structured fields, which outranks a body hit. Lower is better.
 */
const BM25 = 'bm25(documents_fts, 10.0, 1.0, 4.0)';

/** Snippet length in tokens: about one line of the results list. */
const SNIPPET_TOKENS = 24;

/**
 * SQL over the library rows and full-text index of migration 002 (live documents only):
 * ranked matches with snippets, lookups by reference, and filtered, sorted
 * summaries. Every statement is prepared once.
 */
export class SearchIndex {
  private readonly lists = new Map<string, Database.Statement<[FilterParams], SummaryTuple>>();
  private readonly topStmt: Database.Statement<[{ match: string; limit: number }], TopRow>;
  private readonly topFilteredStmt: Database.Statement<[FilterParams & { match: string; limit: number }], TopRow>;
  private readonly markStmt: Database.Statement<[{ match: string; rows: string }], Omit<MatchRow, 'rank'> & { row: number }>;
  private readonly refStmt: Database.Statement<[FilterParams & { refKind: string; number: number }], RefRow>;
  private readonly countStmt: Database.Statement<[string], number>;
  private readonly liveStmt: Database.Statement<[], number>;
  private readonly broadTitleStmt: Database.Statement<[FilterParams & { titleMatch: string; limit: number }], Omit<BroadRow, 'body' | 'extra'> & { row: number }>;
  private readonly broadRestStmt: Database.Statement<[FilterParams & { match: string; titleMatch: string; limit: number }], Omit<BroadRow, 'body' | 'extra'> & { row: number }>;
  private readonly textStmt: Database.Statement<[number], { body: string; extra: string }>;

  constructor(private readonly db: Db) {
    const marks = `char(${HIT_START.charCodeAt(0)}), char(${HIT_END.charCodeAt(0)})`;
    // Ranked matches in two passes over one MATCH each (docs/performance.md, search). First the top rows by
    // bm25: SQLite keeps only the best `limit` while FTS5 scores each match (FTS5's own ORDER BY rank sorted
    // every match with a copy of its hit positions before handing the first over: half as slow again).
    // CROSS JOIN keeps documents_fts the outer loop; without filters there is nothing to join.
    this.topStmt = db.prepare(
      `SELECT rowid AS row, ${BM25} AS rank FROM documents_fts WHERE documents_fts MATCH @match ORDER BY rank LIMIT @limit`,
    );
    this.topFilteredStmt = db.prepare(
      `SELECT documents_fts.rowid AS row, ${BM25} AS rank FROM documents_fts CROSS JOIN library_rows l ON l.row = documents_fts.rowid
       WHERE documents_fts MATCH @match AND ${FILTERS} ORDER BY rank LIMIT @limit`,
    );
    // Then the same MATCH again, walked once (the unary + keeps FTS5 from seeking each row, which re-ran a
    // prefix's expansion per row: 130 ms for "cons*"), with highlight and snippets cut for the top rows only.
    this.markStmt = db.prepare(
      `SELECT documents_fts.rowid AS row, l.id, l.kind, l.number, l.title, l.status, l.updated_at AS updatedAt, l.author,
              highlight(documents_fts, 0, ${marks}) AS titleMarked,
              snippet(documents_fts, 1, ${marks}, '…', ${SNIPPET_TOKENS}) AS bodyMarked,
              snippet(documents_fts, 2, ${marks}, '…', ${SNIPPET_TOKENS}) AS extraMarked
       FROM documents_fts CROSS JOIN library_rows l ON l.row = documents_fts.rowid
       WHERE documents_fts MATCH @match AND +documents_fts.rowid IN (SELECT value FROM json_each(@rows))`,
    );
    this.countStmt = db.prepare<[string], number>('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck();
    this.liveStmt = db.prepare<[], number>('SELECT count(*) FROM library_rows').pluck();
    // Broad queries: no ranking function and no highlight(); each match set is read once into an
    // ephemeral table, and only the rows shown have their text read (the caller marks it).
    const cols = 'l.row, l.id, l.kind, l.number, l.title, l.status, l.updated_at AS updatedAt, l.author';
    // Title matches first (few), latest update first ...
    this.broadTitleStmt = db.prepare(
      `SELECT ${cols} FROM library_rows l
       WHERE l.row IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @titleMatch) AND ${FILTERS}
       ORDER BY l.updated_at DESC, l.row DESC LIMIT @limit`,
    );
    // ... then the other matches by latest update: the walk down the updated_at index stops after the limit,
    // and with most of the library matching that is soon.
    this.broadRestStmt = db.prepare(
      `SELECT ${cols} FROM library_rows l INDEXED BY library_rows_updated
       WHERE l.row IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match)
         AND l.row NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @titleMatch) AND ${FILTERS}
       ORDER BY l.updated_at DESC, l.row DESC LIMIT @limit`,
    );
    // The text of the rows shown only: reading it in the sort above would read every match's body.
    this.textStmt = db.prepare('SELECT body, extra FROM documents_fts WHERE rowid = ?');
    this.refStmt = db.prepare(
      `SELECT l.id, l.kind, l.number, l.title, l.status, l.updated_at AS updatedAt, l.author, substr(d.body, 1, 2000) AS head
       FROM library_rows l JOIN documents d ON d.id = l.id
       WHERE l.kind = @refKind AND l.number = @number AND ${FILTERS}`,
    );
  }

  /**
   * Re-indexes the documents written since the last flush (migration 008):
   * every read of the index below calls it first, so a search finds what was
   * saved a moment ago (one indexed lookup when nothing is pending).
   */
  catchUp(): number {
    return flushSearchIndex(this.db);
  }

  /** Live documents matching an FTS5 expression, best first. Throws SqliteError on an invalid expression. */
  match(match: string, filter: LibraryFilter, limit: number): MatchRow[] {
    this.catchUp();
    const p = params(filter);
    const top = p.kind === null && p.status === null && p.author === null ? this.topStmt.all({ match, limit }) : this.topFilteredStmt.all({ ...p, match, limit });
    if (top.length === 0) return [];
    const marked = new Map(this.markStmt.all({ match, rows: JSON.stringify(top.map((t) => t.row)) }).map(({ row, ...r }) => [row, r]));
    return top.flatMap(({ row, rank }) => {
      const r = marked.get(row);
      return r ? [{ ...r, rank }] : [];
    });
  }

  /** How many live documents an FTS5 expression matches, before filters. Throws SqliteError on an invalid expression. */
  countMatches(match: string): number {
    this.catchUp();
    return this.countStmt.get(match) ?? 0;
  }

  /** How many live documents the library holds. */
  liveCount(): number {
    return this.liveStmt.get() ?? 0;
  }

  /**
   * Live documents matching an FTS5 expression, those whose title matches
   * first, then the latest updated: for a query that matches so much of the
   * library that bm25 cannot tell the documents apart.
   */
  broadMatch(match: string, filter: LibraryFilter, limit: number): BroadRow[] {
    this.catchUp();
    const titleMatch = `title : (${match})`;
    const rows = this.broadTitleStmt.all({ ...params(filter), titleMatch, limit });
    if (rows.length < limit) rows.push(...this.broadRestStmt.all({ ...params(filter), match, titleMatch, limit: limit - rows.length }));
    return rows.map(({ row, ...summary }) => ({ ...summary, ...(this.textStmt.get(row) ?? { body: '', extra: '' }) }));
  }

  /** The live document with this reference, if it passes the filters. */
  byRef(kind: DocKind, number: number, filter: LibraryFilter): RefRow | undefined {
    return this.refStmt.get({ ...params(filter), refKind: kind, number });
  }

  /** Live summaries that pass the filters, in the given order. */
  list(filter: LibraryFilter, sort: LibrarySort, dir: SortDir): DocumentSummary[] {
    const key = `${sort}:${dir}`;
    let stmt = this.lists.get(key);
    if (!stmt) {
      stmt = this.db
        .prepare<[FilterParams], SummaryTuple>(
          `SELECT l.id, l.kind, l.number, l.title, l.status, l.updated_at, l.created_at, l.author,
                  EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.doc_id = l.id)
           FROM library_rows l
           WHERE ${FILTERS}
           ORDER BY ${ORDER[sort](dir === 'asc' ? 'ASC' : 'DESC')}`,
        )
        .raw(true);
      this.lists.set(key, stmt);
    }
    // Rows as arrays, turned into objects here: about a third faster than letting the driver build 10,000 objects.
    return stmt.all(params(filter)).map(([id, kind, number, title, status, updatedAt, createdAt, author, conflicted]) => ({
      id,
      kind,
      number,
      title,
      status,
      updatedAt,
      createdAt,
      author,
      ...(conflicted ? { conflicted: true } : {}),
    }));
  }
}
