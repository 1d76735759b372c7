import Database from 'better-sqlite3';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { SearchCatchUp, type CatchUpTimers } from '../../src/main/services/searchCatchUp';
import { DocumentService } from '../../src/main/services/documentService';
import { DocumentStore } from '../../src/main/store/documentStore';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { DB_FILE, openDatabase, type Db } from '../../src/main/store/openDatabase';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { callApp } from '../support/apiCall';

// When the search index is written (migration 008, docs/adr/0037-when-the-search-index-is-written.md):
// a save marks its row in search_dirty, and the index catches up before every search, after a pause in
// saving, after an import or sync batch, and when the workspace opens.

let dir: string;
let app: App;
let clock = Date.parse('2026-11-20T12:00:00Z');

const open = (): App =>
  createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    now: () => new Date((clock += 60_000)),
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    dispatch: { checkOutput: true },
  });

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

const pending = (db: Db = app.db): number => db.prepare('SELECT count(*) FROM search_dirty').pluck().get() as number;
/** What the index holds for a document, read straight from its content table (no search, so no flush). */
const indexed = (id: string, db: Db = app.db): string | undefined =>
  db.prepare('SELECT f.body FROM documents_fts f JOIN library_rows l ON l.row = f.rowid WHERE l.id = ?').pluck().get(id) as string | undefined;
/** The index rebuilt from the documents, next to what it holds; and FTS5's own check that its entries match its content. */
function indexMatchesDocuments(db: Db): void {
  const has = db.prepare('SELECT rowid AS row, title, body FROM documents_fts ORDER BY rowid').all();
  const want = db.prepare('SELECT l.row, d.title, d.body FROM library_rows l JOIN documents d ON d.id = l.id ORDER BY l.row').all();
  expect(has).toEqual(want);
  db.exec("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')");
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-deferred-'));
  app = open();
});

afterEach(() => {
  if (app.db.open) app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the search index after a save', () => {
  it('is written after the save, and a search right after it finds the words just typed', async () => {
    const doc = await call('docs:create', { kind: 'rfc', title: 'Rate limiter' });
    await call('search:query', { q: 'limiter' });
    await call('docs:update', { id: doc.id, baseRevision: doc.revision, body: 'Token bucket per zephyrtenant.\n' });
    // The save committed its document and its mark, not the index entry.
    expect(pending()).toBe(1);
    expect(indexed(doc.id)).not.toContain('zephyrtenant');
    expect((await call('search:query', { q: 'zephyrten' })).map((h) => h.id)).toEqual([doc.id]);
    expect(pending()).toBe(0);
    expect(indexed(doc.id)).toContain('zephyrtenant');
  });

  it('catches up in one batch once saving pauses', () => {
    const db = app.db;
    const timers = new Map<number, () => void>();
    let next = 0;
    const fake: CatchUpTimers = {
      setTimeout: (fn) => (timers.set(++next, fn), next),
      clearTimeout: (h) => void timers.delete(h as number),
    };
    const catchUp = new SearchCatchUp(db, 1000, fake);
    const docs = new DocumentService(new DocumentStore(db), { now: () => new Date((clock += 1000)), identity: () => ({ name: 'Ada', email: 'ada@example.com' }) }, [catchUp]);
    let doc = docs.create('rfc', 'Typing');
    expect(catchUp.flush()).toBe(1);
    for (const word of ['alpha', 'alphabet', 'alphabetic']) doc = docs.update({ id: doc.id, baseRevision: doc.revision, body: `${word}\n` });
    // Three saves, one timer waiting, nothing indexed yet.
    expect([timers.size, pending(db), indexed(doc.id, db)]).toEqual([1, 1, expect.not.stringContaining('alpha')]);
    const [fire] = [...timers.values()];
    timers.clear();
    fire!();
    expect([pending(db), indexed(doc.id, db)]).toEqual([0, 'alphabetic\n']);
  });

  it('does not wait for another connection that is writing: it tries again after the next pause', () => {
    const timers = new Map<number, () => void>();
    let next = 0;
    const fake: CatchUpTimers = {
      setTimeout: (fn) => (timers.set(++next, fn), next),
      clearTimeout: (h) => void timers.delete(h as number),
    };
    const catchUp = new SearchCatchUp(app.db, 1000, fake);
    const docs = new DocumentService(new DocumentStore(app.db), { now: () => new Date((clock += 1000)), identity: () => ({ name: 'Ada', email: 'ada@example.com' }) }, [catchUp]);
    const doc = docs.create('rfc', 'Busy');
    const other = new Database(path.join(dir, DB_FILE));
    other.exec('BEGIN IMMEDIATE');
    const fire = (): void => {
      const [fn] = [...timers.values()];
      timers.clear();
      fn!();
    };
    // Were it to wait for the lock, this would hang the test until its timeout.
    app.db.pragma('busy_timeout = 600000');
    fire();
    // Refused at once: the mark kept, a new timer waiting, the connection's timeout as it was.
    expect([pending(), timers.size, app.db.pragma('busy_timeout', { simple: true })]).toEqual([1, 1, 600000]);
    other.exec('COMMIT');
    other.close();
    fire();
    expect([pending(), timers.size, indexed(doc.id)]).toEqual([0, 0, doc.body]);
  });

  it('indexes what a killed process left marked when the workspace opens, before any search', async () => {
    const doc = await call('docs:create', { kind: 'rfc', title: 'Crash' });
    await call('docs:update', { id: doc.id, baseRevision: doc.revision, body: 'Written just before the crash: quokka.\n' });
    expect(pending()).toBe(1);
    // Closing the connection without the app's close (which flushes) leaves the mark, as a SIGKILL would.
    app.db.close();
    const raw = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM search_dirty').pluck().get()).toBe(1);
    raw.close();
    app = open();
    expect([pending(), indexed(doc.id)]).toEqual([0, 'Written just before the crash: quokka.\n']);
    expect((await call('search:query', { q: 'quokka' })).map((h) => h.id)).toEqual([doc.id]);
  });

  it('leaves nothing pending after an import', () => {
    const r = app.importer.importPath(path.resolve('tests/fixtures/import/madr'));
    expect(r.entries.filter((e) => e.action !== 'skipped').length).toBeGreaterThan(0);
    expect(pending()).toBe(0);
    indexMatchesDocuments(app.db);
  });

  it('matches its documents after any mix of creates, saves, deletes, restores, purges and flushes (property)', async () => {
    type Step = { op: 'create' | 'save' | 'rename' | 'delete' | 'restore' | 'purge' | 'flush'; at: number; word: string };
    const step = fc.record({
      op: fc.constantFrom<Step['op']>('create', 'save', 'save', 'rename', 'delete', 'restore', 'purge', 'flush'),
      at: fc.nat(20),
      word: fc.constantFrom('alpha', 'beta', 'gamma', 'délai', 'zeta'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        app.close();
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        app = open();
        const ids: string[] = [];
        for (const s of steps) {
          const id = ids[s.at % Math.max(1, ids.length)];
          const live = id ? app.db.prepare('SELECT deleted_at IS NULL FROM documents WHERE id = ?').pluck().get(id) : undefined;
          if (s.op === 'create' || !id) ids.push((await call('docs:create', { kind: 'rfc', title: `${s.word} doc` })).id);
          else if (s.op === 'save' && live === 1) {
            const doc = await call('docs:get', { id });
            await call('docs:update', { id, baseRevision: doc.revision, body: `${doc.body}${s.word}\n` });
          } else if (s.op === 'rename' && live === 1) {
            const doc = await call('docs:get', { id });
            await call('docs:update', { id, baseRevision: doc.revision, title: `${s.word} ${doc.number}` });
          } else if (s.op === 'delete' && live === 1) await call('docs:delete', { id });
          else if (s.op === 'restore' && live === 0) await call('docs:restore', { id });
          else if (s.op === 'purge') await call('trash:empty', {});
          else if (s.op === 'flush') await call('search:query', { q: s.word });
        }
        await call('search:query', { q: 'alpha' });
        expect(pending()).toBe(0);
        indexMatchesDocuments(app.db);
      }),
      { numRuns: 25 },
    );
  });
});

describe('migration 008', () => {
  it('keeps the index of a workspace written before it, and a library row keeps its number while edited', async () => {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    const db = new Database(path.join(dir, DB_FILE));
    for (const m of MIGRATIONS.filter((m) => m.version <= 7)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    const insert = db.prepare(
      `INSERT INTO documents (id, kind, number, title, status, body, fields, created_at, updated_at, created_by_name, created_by_email)
       VALUES (?, 'rfc', ?, ?, 'draft', ?, '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Ada', 'ada@example.com')`,
    );
    insert.run('01JAAAAAAAAAAAAAAAAAAAAAAA', 1, 'Legacy gateway', 'Runs on nginx.');
    insert.run('01JBBBBBBBBBBBBBBBBBBBBBBB', 2, 'Edge cache', 'Runs on varnish.');
    db.close();
    app = openDatabaseApp();
    expect(pending()).toBe(0);
    indexMatchesDocuments(app.db);
    const rowOf = (id: string): unknown => app.db.prepare('SELECT row FROM library_rows WHERE id = ?').pluck().get(id);
    const before = rowOf('01JAAAAAAAAAAAAAAAAAAAAAAA');
    const doc = await call('docs:get', { id: '01JAAAAAAAAAAAAAAAAAAAAAAA' });
    await call('docs:update', { id: doc.id, baseRevision: doc.revision, title: 'Gateway', body: 'Runs on envoy.\n' });
    expect(rowOf(doc.id)).toBe(before);
    expect((await call('search:query', { q: 'envoy' })).map((h) => h.title)).toEqual(['Gateway']);
    expect(await call('search:query', { q: 'nginx' })).toEqual([]);
    indexMatchesDocuments(app.db);
  });
});

/** The app over the migrated file (openDatabase runs migration 008 on it). */
function openDatabaseApp(): App {
  openDatabase(path.join(dir, DB_FILE)).close();
  return open();
}
