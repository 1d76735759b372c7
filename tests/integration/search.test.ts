import Database from 'better-sqlite3';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { m001Init } from '../../src/main/store/migrations/001_init';
import { DB_FILE } from '../../src/main/store/openDatabase';
import { SearchIndex } from '../../src/main/store/searchIndex';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { SearchHit } from '../../src/shared/contract/search';
import type { Document } from '../../src/shared/document';
import type { DocKind } from '../../src/shared/kinds/kinds';
import { toFtsQuery } from '../../src/shared/search/ftsQuery';
import { callApp } from '../support/apiCall';

let dir: string;
let app: App;
let clock = Date.parse('2026-11-20T12:00:00Z');

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

async function make(kind: DocKind, title: string, edit: { body?: string; fields?: Record<string, unknown> } = {}): Promise<Document> {
  const doc = await call('docs:create', { kind, title });
  if (!edit.body && !edit.fields) return doc;
  return call('docs:update', { id: doc.id, baseRevision: doc.revision, body: edit.body, fields: edit.fields && { ...doc.fields, ...edit.fields } });
}

const search = (q: string, more: Omit<Input<'search:query'>, 'q'> = {}): Promise<SearchHit[]> => call('search:query', { q, ...more });
const titles = (hits: SearchHit[]): string[] => hits.map((h) => h.title);
const marked = (segments: { text: string; hit: boolean }[]): string => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

function open(): App {
  return createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    now: () => new Date((clock += 60_000)),
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    dispatch: { checkOutput: true },
  });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-search-'));
  app = open();
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search:query', () => {
  it('ranks a title hit above a body hit and marks the hits', async () => {
    await make('rfc', 'Event bus rewrite', { body: '## Summary\n\nWe move the order pipeline onto Kafka topics, one per aggregate.\n' });
    await make('rfc', 'Kafka retention policy');
    const hits = await search('kafka');
    expect(titles(hits)).toEqual(['Kafka retention policy', 'Event bus rewrite']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.titleSegments).toEqual([
      { text: 'Kafka', hit: true },
      { text: ' retention policy', hit: false },
    ]);
    expect(marked(hits[1]!.snippet)).toContain('onto [Kafka] topics');
    expect(hits[1]!.snippet.map((s) => s.text).join('')).not.toContain('##');
  });

  it('matches the last word as a prefix while typing, and folds diacritics', async () => {
    await make('adr', 'Use Kubernetes for batch jobs');
    await make('rfc', 'Café menu service');
    expect(titles(await search('kube'))).toEqual(['Use Kubernetes for batch jobs']);
    expect(titles(await search('batch ku'))).toEqual(['Use Kubernetes for batch jobs']);
    expect(await search('kube ')).toEqual([]);
    expect(titles(await search('cafe'))).toEqual(['Café menu service']);
  });

  it('keeps a quoted phrase a phrase, and honours OR and -exclusions', async () => {
    await make('rfc', 'Cache warm-up', { body: 'The read cache is warmed on deploy.\n' });
    await make('rfc', 'Deploy pipeline', { body: 'Every deploy warms nothing; the cache is read lazily.\n' });
    expect(titles(await search('"cache is warmed"'))).toEqual(['Cache warm-up']);
    expect(titles(await search('cache warm'))).toHaveLength(2);
    expect(titles(await search('cache -lazily'))).toEqual(['Cache warm-up']);
    expect(titles(await search('lazily OR warmed')).sort()).toEqual(['Cache warm-up', 'Deploy pipeline']);
  });

  it('combines the query with kind, status and author filters', async () => {
    const rfc = await make('rfc', 'Postgres upgrade plan');
    await make('adr', 'Choose Postgres over MySQL');
    await make('rfc', 'Postgres connection pooling', { fields: { author: 'Grace' } });
    await call('docs:move', { id: rfc.id, to: 'in-review' });
    expect(titles(await search('postgres'))).toHaveLength(3);
    expect(titles(await search('postgres', { kind: 'adr' }))).toEqual(['Choose Postgres over MySQL']);
    expect(titles(await search('postgres', { kind: 'rfc', status: 'in-review' }))).toEqual(['Postgres upgrade plan']);
    expect(titles(await search('postgres', { author: 'Grace' }))).toEqual(['Postgres connection pooling']);
    expect(await search('postgres', { kind: 'matrix' })).toEqual([]);
    expect(await search('postgres', { limit: 1 })).toHaveLength(1);
  });

  it('finds words in structured fields: a matrix option, a rating note, a timeline event, an action item', async () => {
    await make('matrix', 'Pick a primary database', {
      fields: {
        criteria: [{ id: 'c1', name: 'Operability', weight: 3 }],
        options: [
          { id: 'o1', name: 'CockroachDB' },
          { id: 'o2', name: 'Postgres' },
        ],
        ratings: { c1: { o1: { rating: 'partial', note: 'needs a Zookeeper-free setup' } } },
      },
    });
    await make('postmortem', 'Checkout outage', {
      fields: {
        timeline: [{ id: 't1', time: '14:02', event: 'Pager fired for checkout latency' }],
        actionItems: [{ id: 'a1', action: 'Add a canary for the tax service', owner: 'Grace', due: '2026-12-01', status: 'open' }],
      },
    });
    const db = await search('cockroach');
    expect(titles(db)).toEqual(['Pick a primary database']);
    expect(marked(db[0]!.snippet)).toContain('[CockroachDB]');
    expect(titles(await search('zookeeper'))).toEqual(['Pick a primary database']);
    const pm = await search('pager');
    expect(titles(pm)).toEqual(['Checkout outage']);
    expect(marked(pm[0]!.snippet)).toContain('[Pager] fired for checkout latency');
    expect(titles(await search('canary tax'))).toEqual(['Checkout outage']);
  });

  it('keeps the index in step with edits, deletes and restores', async () => {
    const doc = await make('rfc', 'Rate limiter', { body: 'Token bucket per tenant.\n' });
    expect(titles(await search('bucket'))).toEqual(['Rate limiter']);
    await call('docs:update', { id: doc.id, baseRevision: 1, title: 'Request throttling', body: 'Sliding window per tenant.\n' });
    expect(await search('bucket')).toEqual([]);
    expect(await search('limiter')).toEqual([]);
    expect(titles(await search('sliding'))).toEqual(['Request throttling']);
    expect(titles(await search('throttl'))).toEqual(['Request throttling']);

    await call('docs:delete', { id: doc.id });
    expect(await search('sliding')).toEqual([]);
    expect(await search('RFC-1')).toEqual([]);
    expect(await call('docs:list', {})).toEqual([]);
    await call('docs:restore', { id: doc.id });
    expect(titles(await search('sliding'))).toEqual(['Request throttling']);

    const gone = await make('rfc', 'Sliding scale pricing');
    await call('docs:delete', { id: gone.id });
    await call('trash:empty', {});
    expect(titles(await search('sliding'))).toEqual(['Request throttling']);
    const count = (table: string): unknown => app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('documents_fts'), count('library_rows')]).toEqual([1, 1]);
  });

  it('never fails on malformed input: plain terms or no results', async () => {
    await make('rfc', 'Rules AND exceptions', { body: 'NOT everything is an OR. A "quoted" word (here) and a star * too.\n' });
    const nasty = ['"unbalanced', 'AND', 'OR', 'NOT', '-', '*', '(((', ')', '"', '""', 'NEAR(', 'NEAR(a b', 'a OR', 'OR b', 'NOT NOT', '-"', 'title:', '^rules', '"a" "b', 'rules"', ':', '{}', 'a:b:c', "'", '\\', '\u0000x', 'a OR b c', 'c a OR b', 'NEAR"OR"rules"AND', 'x OR y NOT z w', '-a -b'];
    for (const q of nasty) {
      const r = await app.dispatch('search:query', { q });
      expect(r.ok, `query ${JSON.stringify(q)}`).toBe(true);
    }
    expect(titles(await search('"rules excep'))).toEqual(['Rules AND exceptions']);
    expect(titles(await search('AND'))).toEqual(['Rules AND exceptions']);
    expect(titles(await search('NOT'))).toEqual(['Rules AND exceptions']);
    expect(await search('(((')).toEqual([]);
  });

  it('never makes FTS5 throw, whatever is typed (property, against the real index)', async () => {
    await make('rfc', 'Alpha beta', { body: 'gamma delta "epsilon" (zeta) -eta *theta* NEAR iota\n' });
    const match = app.db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?');
    const piece = fc.constantFrom('"', '-', '*', '(', ')', 'AND', 'OR', 'NOT', 'NEAR', ':', '^', '+', 'alpha', 'gam', 'é', '\u0301', '日本', '');
    const spaced = fc.tuple(piece, fc.constantFrom('', ' ', '  ')).map(([p, sep]) => p + sep);
    const typed = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(spaced, { maxLength: 14 }).map((a) => a.join('')));
    fc.assert(
      fc.property(typed, fc.boolean(), fc.boolean(), (s, prefix, plain) => {
        const q = toFtsQuery(s, { prefix, plain });
        if (q !== '') match.all(q);
      }),
      { numRuns: 10_000 },
    );
  });

  it('puts the document a query names by reference first', async () => {
    for (let i = 1; i <= 3; i++) await make('rfc', `Service mesh part ${i}`, { body: `See RFC-${(i % 3) + 1} and ADR-2.\n` });
    await make('adr', 'Adopt a mesh');
    await make('adr', 'Sidecar proxies', { body: 'Follows RFC-2.\n' });
    for (const q of ['RFC-2', 'rfc 2', 'rfc2', 'RFC #2']) {
      const hits = await search(q);
      expect(hits[0], q).toMatchObject({ kind: 'rfc', number: 2, title: 'Service mesh part 2', exact: true });
      expect(hits.filter((h) => h.exact)).toHaveLength(1);
    }
    const bare = await search('2');
    expect(bare.slice(0, 2).map((h) => `${h.kind}-${h.number}`).sort()).toEqual(['adr-2', 'rfc-2']);
    expect(bare.slice(0, 2).every((h) => h.exact)).toBe(true);
    expect((await search('RFC-2', { kind: 'adr' })).some((h) => h.kind === 'rfc')).toBe(false);
    expect(await search('RFC-99')).toEqual([]);
  });
});

describe('docs:list', () => {
  it('lists live summaries, latest update first by default, with the author from the fields', async () => {
    const a = await make('rfc', 'Beta');
    const b = await make('adr', 'alpha', { fields: { author: 'Grace' } });
    const c = await make('rfc', 'Gamma');
    const all = await call('docs:list', {});
    expect(all.map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect(all.find((s) => s.id === b.id)).toMatchObject({ author: 'Grace', kind: 'adr', number: 1, status: 'proposed' });
    expect(all.find((s) => s.id === a.id)!.author).toBe('Ada');
  });

  it('filters by kind, status and author and sorts by number, title or update', async () => {
    await make('rfc', 'Beta');
    await make('adr', 'alpha', { fields: { author: 'Grace' } });
    const gamma = await make('rfc', 'Gamma');
    await make('rfc', 'delta');
    await call('docs:move', { id: gamma.id, to: 'in-review' });
    const refs = (rows: { kind: string; number: number }[]): string[] => rows.map((r) => `${r.kind}-${r.number}`);
    expect(refs(await call('docs:list', { sort: 'number' }))).toEqual(['adr-1', 'rfc-1', 'rfc-2', 'rfc-3']);
    expect(refs(await call('docs:list', { sort: 'number', dir: 'desc' }))).toEqual(['rfc-3', 'rfc-2', 'rfc-1', 'adr-1']);
    expect((await call('docs:list', { sort: 'title' })).map((s) => s.title)).toEqual(['alpha', 'Beta', 'delta', 'Gamma']);
    expect((await call('docs:list', { sort: 'updated' }))[0]!.title).toBe('Gamma');
    expect((await call('docs:list', { kind: 'rfc' })).map((s) => s.title).sort()).toEqual(['Beta', 'Gamma', 'delta']);
    expect((await call('docs:list', { status: 'in-review' })).map((s) => s.title)).toEqual(['Gamma']);
    expect((await call('docs:list', { author: 'Grace' })).map((s) => s.title)).toEqual(['alpha']);
    expect(await call('docs:list', { kind: 'adr', author: 'Ada' })).toEqual([]);
  });
});

describe('migration 002', () => {
  it('indexes documents that existed before it ran, leaving deleted ones out', async () => {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    const db = new Database(path.join(dir, DB_FILE));
    db.exec(m001Init.sql);
    const insert = db.prepare(
      `INSERT INTO documents (id, kind, number, title, status, body, fields, created_at, updated_at, created_by_name, created_by_email, deleted_at)
       VALUES (?, 'rfc', ?, ?, 'draft', ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Ada', 'ada@example.com', ?)`,
    );
    insert.run('01JAAAAAAAAAAAAAAAAAAAAAAA', 1, 'Legacy gateway', 'Runs on nginx.', JSON.stringify({ author: 'Linus' }), null);
    insert.run('01JBBBBBBBBBBBBBBBBBBBBBBB', 2, 'Deleted gateway', 'Runs on nginx too.', '{}', '2026-02-01T00:00:00Z');
    db.pragma('user_version = 1');
    db.close();
    app = open();
    expect(titles(await search('nginx'))).toEqual(['Legacy gateway']);
    expect(await call('docs:list', {})).toMatchObject([{ title: 'Legacy gateway', author: 'Linus' }]);
  });
});

describe('broad queries (more than half of a large library)', () => {
  /** 1,200 documents: all but 60 say "platform" in the body; three say it in the title. Returns ids by title. */
  function largeLibrary(): Map<string, string> {
    const ids = new Map<string, string>();
    app.db.transaction(() => {
      for (let i = 0; i < 1200; i++) {
        const title = i === 100 ? 'Platform team charter' : i === 700 ? 'Platform on-call' : i === 1150 ? 'The platform budget' : `Note ${i} on ${i % 2 ? 'queues' : 'caches'}`;
        const doc = app.documents.create('rfc', title);
        const body = i % 20 === 0 ? `Nothing shared here, only ${i % 3 ? 'rollouts' : 'tenancy'}.` : `## Summary\n\nThe platform keeps item ${i} of the queue; consistency matters for tenant ${i % 7}.`;
        app.documents.update({ id: doc.id, baseRevision: doc.revision, body });
        ids.set(title, doc.id);
      }
    })();
    return ids;
  }

  it('ranks title matches first, then the latest updated, with the hits marked', async () => {
    largeLibrary();
    const hits = await search('platform', { limit: 10 });
    expect(titles(hits).slice(0, 3)).toEqual(['The platform budget', 'Platform on-call', 'Platform team charter']);
    // Then the latest updated of the rest: documents 1199, 1198, ... (each saved a minute after the one before), skipping every 20th.
    expect(titles(hits).slice(3)).toEqual(['Note 1199 on queues', 'Note 1198 on caches', 'Note 1197 on queues', 'Note 1196 on caches', 'Note 1195 on queues', 'Note 1194 on caches', 'Note 1193 on queues']);
    expect(marked(hits[0]!.titleSegments)).toBe('The [platform] budget');
    expect(marked(hits[3]!.snippet)).toBe('The [platform] keeps item 1199 of the queue; consistency matters for tenant 2.');
    // A prefix as it is typed, and filters, take the same road.
    expect(titles(await search('plat', { limit: 2 }))).toEqual(['The platform budget', 'Platform on-call']);
    expect(await search('platform', { limit: 5, status: 'accepted' })).toEqual([]);
  });

  it('leaves selective queries exactly as bm25 ranks them: order, scores, marks and snippets, with and without filters', async () => {
    largeLibrary();
    // Some variety for the filters and the column weights: statuses, a word in the fields, repeated words.
    app.db.transaction(() => {
      for (let i = 0; i < 120; i++) {
        const doc = app.documents.create(i % 2 ? 'adr' : 'rfc', `Rollouts review ${i}`);
        const body = `## Context\n\n${'rollouts tenancy '.repeat(1 + (i % 5))}and the queue for ${i % 3 ? 'charter' : 'budget'}.`;
        app.documents.update({ id: doc.id, baseRevision: doc.revision, body, fields: { ...doc.fields, author: i % 4 ? 'Grace' : 'Linus' } });
      }
    })();
    // The statement that ranked selective queries before (FTS5 sorting every match by its rank, one pass),
    // kept here as the reference.
    const marks = 'char(2), char(3)';
    const reference = app.db.prepare(
      `SELECT l.id, l.kind, l.number, l.title, l.status, l.updated_at AS updatedAt, l.author, documents_fts.rank AS rank,
              highlight(documents_fts, 0, ${marks}) AS titleMarked,
              snippet(documents_fts, 1, ${marks}, '…', 24) AS bodyMarked,
              snippet(documents_fts, 2, ${marks}, '…', 24) AS extraMarked
       FROM documents_fts CROSS JOIN library_rows l ON l.row = documents_fts.rowid
       WHERE documents_fts MATCH @match AND documents_fts.rank MATCH 'bm25(10.0, 1.0, 4.0)'
         AND (@kind IS NULL OR l.kind = @kind) AND (@status IS NULL OR l.status = @status) AND (@author IS NULL OR l.author = @author)
       ORDER BY documents_fts.rank
       LIMIT @limit`,
    );
    const index = new SearchIndex(app.db);
    index.catchUp(); // the reference reads the index as it stands: bring it up to date with the writes above first
    const filters = [{}, { kind: 'adr' as const }, { author: 'Grace' }, { kind: 'rfc' as const, status: 'draft', author: 'Linus' }];
    for (const q of ['rollouts', 'tenancy', 'charter', 'on-call', 'budget platform', '"team charter"', 'queues', 'review', 'rollo', 'tenancy -charter']) {
      const match = toFtsQuery(q, { prefix: true });
      for (const filter of filters) {
        for (const limit of [5, 50]) {
          const expected = reference.all({ kind: null, status: null, author: null, ...filter, match, limit });
          if (Object.keys(filter).length === 0) expect(expected.length, q).toBeGreaterThan(0);
          expect(index.match(match, filter, limit), `${q} ${JSON.stringify(filter)} ${limit}`).toEqual(expected);
        }
      }
      const expected = reference.all({ kind: null, status: null, author: null, match, limit: 50 }) as { id: string }[];
      expect((await search(q, { limit: 50 })).map((h) => h.id), q).toEqual(expected.map((r) => r.id));
    }
  });
});
