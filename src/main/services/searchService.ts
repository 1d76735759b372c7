import type { SearchHit } from '../../shared/contract/search';
import type { DocumentSummary } from '../../shared/document';
import { DOC_KINDS } from '../../shared/kinds/kinds';
import { parseRefQuery, toFtsQuery, type FtsQueryOptions } from '../../shared/search/ftsQuery';
import { DEFAULT_DIR, type LibraryFilter, type LibrarySort, type SortDir } from '../../shared/search/librarySort';
import { markAll, markSnippet, markTerms, type MarkTerm } from '../../shared/search/marks';
import { HIT_START, hasHit, leadSegments, toSegments } from '../../shared/search/snippet';
import type { BroadRow, MatchRow, RefRow, SearchIndex } from '../store/searchIndex';

/** Snippet length in tokens, as the index's own snippets (SearchIndex). */
const SNIPPET_TOKENS = 24;

/**
 * A query is broad when it matches more than this share of the library:
 * bm25 then ranks thousands of near-equal scores, the slowest searches
 * there are (short prefixes), for an order nobody can read meaning into.
 */
export const BROAD_SHARE = 0.5;

/** Below this many matches bm25 is quick and its order still means something: a broad query also needs as many. */
export const BROAD_MIN_MATCHES = 1000;

export interface SearchQuery extends LibraryFilter {
  q: string;
  limit: number;
}

export interface ListQuery extends LibraryFilter {
  sort?: LibrarySort | undefined;
  dir?: SortDir | undefined;
}

/** An FTS5 expression the parser refused. Anything else (a locked or corrupt file) is a real error. */
function isQueryError(e: unknown): boolean {
  return e instanceof Error && (e as { code?: unknown }).code === 'SQLITE_ERROR' && /fts5|syntax/i.test(e.message);
}

function fromMatch(r: MatchRow): SearchHit {
  const body = toSegments(r.bodyMarked);
  // The passage that matched; when only the title did, the start of the body (never field values out of context).
  const extra = hasHit(body) ? [] : toSegments(r.extraMarked);
  const snippet = hasHit(body) ? body : hasHit(extra) ? extra : body;
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    title: r.title,
    status: r.status,
    author: r.author,
    updatedAt: r.updatedAt,
    titleSegments: toSegments(r.titleMarked),
    snippet,
    score: -r.rank,
    exact: false,
  };
}

/** A broad match's row, marked here (title first, then latest update; its score keeps that order). */
function fromBroad(r: BroadRow, index: number, terms: readonly MarkTerm[]): MatchRow {
  const { body, extra, ...summary } = r;
  const bodyMarked = markSnippet(body, terms, SNIPPET_TOKENS);
  return {
    ...summary,
    rank: index,
    titleMarked: markAll(r.title, terms),
    bodyMarked,
    // Shown only when the body has no hit (fromMatch): not cut otherwise.
    extraMarked: bodyMarked.includes(HIT_START) ? '' : markSnippet(extra, terms, SNIPPET_TOKENS),
  };
}

function fromRef(r: RefRow, score: number): SearchHit {
  const { head, ...summary } = r;
  return { ...summary, titleSegments: [{ text: r.title, hit: false }], snippet: leadSegments(head), score, exact: true };
}

/**
 * The library's search and listing. Search is ranked full text (title, then
 * structured fields, then body) with highlighted snippets and prefix
 * matching as the user types; a query that names a document ("RFC-12",
 * "rfc 12", "12") puts that document first. Whatever the user types, a
 * search never fails because of its syntax: a malformed query falls back to
 * plain terms, and to no results if even that is refused. A query that
 * matches more than half of the library (BROAD_SHARE, and at least
 * BROAD_MIN_MATCHES documents) is ranked by whether
 * the title matches, then by the latest update, instead of by bm25.
 */
export class SearchService {
  constructor(private readonly index: SearchIndex) {}

  /** Ranked results for what the user typed, at most `limit`, filters applied to every result. */
  search(query: SearchQuery): SearchHit[] {
    const filter: LibraryFilter = { kind: query.kind, status: query.status, author: query.author };
    const text = this.match(query.q, filter, query.limit).map(fromMatch);
    const ref = parseRefQuery(query.q);
    if (!ref) return text;
    const top = Math.max(0, ...text.map((h) => h.score)) + 1;
    const exact: SearchHit[] = [];
    for (const kind of ref.kind ? [ref.kind] : DOC_KINDS) {
      const hit = text.find((h) => h.kind === kind && h.number === ref.number);
      if (hit) exact.push({ ...hit, score: top, exact: true });
      else {
        const row = this.index.byRef(kind, ref.number, filter);
        if (row) exact.push(fromRef(row, top));
      }
    }
    const ids = new Set(exact.map((h) => h.id));
    return [...exact, ...text.filter((h) => !ids.has(h.id))].slice(0, query.limit);
  }

  /** Live summaries, filtered and sorted; without arguments: everything, latest update first. */
  list(query: ListQuery = {}): DocumentSummary[] {
    const sort = query.sort ?? 'updated';
    return this.index.list({ kind: query.kind, status: query.status, author: query.author }, sort, query.dir ?? DEFAULT_DIR[sort]);
  }

  private match(q: string, filter: LibraryFilter, limit: number): MatchRow[] {
    const attempts: FtsQueryOptions[] = [{ prefix: true }, { prefix: true, plain: true }];
    for (const options of attempts) {
      const match = toFtsQuery(q, options);
      if (match === '') return [];
      try {
        const count = this.index.countMatches(match);
        if (count >= BROAD_MIN_MATCHES && count > BROAD_SHARE * this.index.liveCount()) {
          const terms = markTerms(match);
          return this.index.broadMatch(match, filter, limit).map((r, i) => fromBroad(r, i, terms));
        }
        return this.index.match(match, filter, limit);
      } catch (e) {
        if (!isQueryError(e)) throw e;
      }
    }
    return [];
  }
}
