import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { DB_FILE } from '../../src/main/store/openDatabase';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/errors';
import { RFC_SECTIONS } from '../../src/shared/kinds/rfc';
import { splitSections } from '../../src/shared/markdown/sections';

const ADA = { name: 'Ada Lovelace', email: 'ada@example.test' };
let dir: string;
let app: App;
let clock: Date;

function open(): App {
  return createApp({ workspaceDir: dir, bridge: 'web', version: 'test', now: () => clock, fallbackIdentity: () => ADA, dispatch: { checkOutput: true } });
}

function tick(): string {
  clock = new Date(clock.getTime() + 60_000);
  return clock.toISOString();
}

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value as Output<C>;
}

async function refusal(channel: string, input: unknown): Promise<ApiError> {
  const r = await app.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} should have been refused`);
  return r.error;
}

/** Every row of every ordinary table: proves "nothing changed" without knowing the schema. */
function snapshot(db = app.db): Record<string, string[]> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .all();
  // Some tables are WITHOUT ROWID: order rows by their content instead.
  const rows = (name: string): string[] => db.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r)).sort();
  return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]));
}

const count = (table: string): number => (app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-store-'));
  clock = new Date('2026-03-02T09:00:00.000Z');
  app = open();
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('RFCs in a real SQLite workspace', () => {
  it('creates an RFC from the template with every section, numbered 1 then 2 (per kind)', async () => {
    const one = await call('docs:create', { kind: 'rfc' });
    expect(one).toMatchObject({ kind: 'rfc', number: 1, status: 'draft', revision: 0, title: 'Untitled RFC', createdBy: ADA, createdAt: clock.toISOString() });
    expect(one.fields).toMatchObject({ author: ADA.name, reviewers: [] });
    const sections = splitSections(one.body).filter((s) => s.depth > 0);
    expect(sections.map((s) => [s.heading, s.depth])).toEqual(RFC_SECTIONS.map((s) => [s.heading, s.depth]));

    const two = await call('docs:create', { kind: 'rfc', title: 'Use SQLite' });
    expect(two).toMatchObject({ number: 2, title: 'Use SQLite' });
    expect(two.id).not.toBe(one.id);
    expect((await call('docs:create', { kind: 'adr' })).number).toBe(1);

    const list = await call('docs:list', { kind: 'rfc' });
    expect(list.map((d) => [d.number, d.title, d.status, d.author]).sort()).toEqual([
      [1, 'Untitled RFC', 'draft', ADA.name],
      [2, 'Use SQLite', 'draft', ADA.name],
    ]);
    expect(await call('docs:get', { id: one.id })).toEqual(one);
  });

  it('saves an edit against its base revision and refuses a stale one with CONFLICT, changing nothing', async () => {
    const doc = await call('docs:create', { kind: 'rfc' });
    const at = tick();
    const body = doc.body.replace('## Summary\n\n', '## Summary\n\nStore documents in SQLite.\n\n');
    const saved = await call('docs:update', { id: doc.id, baseRevision: 0, title: 'Use SQLite', body });
    expect(saved).toMatchObject({ revision: 1, title: 'Use SQLite', body, updatedAt: at, createdAt: doc.createdAt });
    expect(await call('docs:get', { id: doc.id })).toEqual(saved);

    const before = snapshot();
    tick();
    const err = await refusal('docs:update', { id: doc.id, baseRevision: 0, title: 'Overwrite', body: 'lost' });
    expect(err).toMatchObject({ code: 'CONFLICT', data: { revision: 1, baseRevision: 0 } });
    expect(snapshot()).toEqual(before);

    const next = await call('docs:update', { id: doc.id, baseRevision: 1, body: `${body}more` });
    expect(next).toMatchObject({ revision: 2, title: 'Use SQLite' });
    const renames = (await call('docs:history', { id: doc.id })).filter((h) => h.event === 'renamed');
    expect(renames).toEqual([expect.objectContaining({ actor: ADA, at, from: 'Untitled RFC', to: 'Use SQLite' })]);
  });

  it('moves along the lifecycle and keeps who, when, from and to of every move', async () => {
    const doc = await call('docs:create', { kind: 'rfc' });
    const path_ = ['in-review', 'draft', 'in-review', 'approved', 'implemented', 'deprecated'];
    const times: string[] = [];
    let revision = doc.revision;
    for (const to of path_) {
      times.push(tick());
      const moved = await call('docs:move', { id: doc.id, to });
      expect(moved.status).toBe(to);
      expect(moved.revision).toBe(++revision);
    }
    const history = await call('docs:history', { id: doc.id });
    expect(history[0]).toMatchObject({ event: 'created', actor: ADA, at: doc.createdAt, to: 'draft' });
    expect(history.filter((h) => h.event === 'status').map((h) => ({ actor: h.actor, at: h.at, from: h.from, to: h.to }))).toEqual(
      path_.map((to, i) => ({ actor: ADA, at: times[i], from: i === 0 ? 'draft' : path_[i - 1], to })),
    );
  });

  it('refuses an illegal move with ILLEGAL_TRANSITION and an unknown status with VALIDATION, changing nothing', async () => {
    const doc = await call('docs:create', { kind: 'rfc' });
    await call('docs:move', { id: doc.id, to: 'in-review' });
    const before = snapshot();
    tick();
    const illegal = await refusal('docs:move', { id: doc.id, to: 'implemented' });
    expect(illegal.code).toBe('ILLEGAL_TRANSITION');
    expect(illegal.message).toContain('cannot move from In Review to Implemented');
    expect((await refusal('docs:move', { id: doc.id, to: 'in-review' })).code).toBe('ILLEGAL_TRANSITION');
    expect((await refusal('docs:move', { id: doc.id, to: 'shipped' })).code).toBe('VALIDATION');
    expect((await refusal('docs:move', { id: '01J9Z8Q6W3V4X5Y6Z7A8B9C0DE', to: 'approved' })).code).toBe('NOT_FOUND');
    expect(snapshot()).toEqual(before);
    expect((await call('docs:get', { id: doc.id })).status).toBe('in-review');
  });

  it('refuses bad input through dispatch with VALIDATION, and no row is written', async () => {
    const doc = await call('docs:create', { kind: 'rfc' });
    const before = snapshot();
    const counts = { documents: count('documents'), history: count('history') };
    const bad: [string, unknown][] = [
      ['docs:create', { kind: 'memo' }],
      ['docs:create', { kind: 'rfc', title: '   ' }],
      ['docs:create', { kind: 'rfc', id: doc.id }],
      ['docs:create', null],
      ['docs:update', { id: doc.id, baseRevision: -1, body: 'x' }],
      ['docs:update', { id: doc.id, baseRevision: 0, body: 'x'.repeat(1_000_001) }],
      // Passes the contract, refused by the RFC fields schema inside the service's transaction.
      ['docs:update', { id: doc.id, baseRevision: 0, fields: { reviewers: 'everyone' } }],
      ['docs:move', { id: doc.id }],
      ['docs:get', { id: "' OR 1=1 --" }],
      ['identity:set', { name: '', email: '' }],
    ];
    for (const [channel, input] of bad) {
      expect((await refusal(channel, input)).code, `${channel} ${JSON.stringify(input).slice(0, 60)}`).toBe('VALIDATION');
    }
    expect({ documents: count('documents'), history: count('history') }).toEqual(counts);
    expect(snapshot()).toEqual(before);
  });
});

describe('the workspace file', () => {
  it('is WAL, enforces foreign keys and is at the latest schema version', () => {
    expect(app.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(app.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(app.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const orphan = app.db.prepare(
      "INSERT INTO history (doc_id, at, actor_name, actor_email, event) VALUES ('01J9Z8Q6W3V4X5Y6Z7A8B9C0DE', 'now', 'x', 'x', 'created')",
    );
    expect(() => orphan.run()).toThrow(/FOREIGN KEY/);
  });

  it('keeps everything after close and reopen, without re-running migrations', async () => {
    const doc = await call('docs:create', { kind: 'rfc', title: 'Persist me' });
    tick();
    await call('docs:update', { id: doc.id, baseRevision: 0, body: `${doc.body}Appendix text\n` });
    tick();
    await call('docs:move', { id: doc.id, to: 'in-review' });
    // A search brings the full-text index up to date (migration 008 writes it after the save), as closing does.
    expect((await call('search:query', { q: 'appendix' })).map((h) => h.id)).toEqual([doc.id]);
    const before = { doc: await call('docs:get', { id: doc.id }), history: await call('docs:history', { id: doc.id }), list: await call('docs:list', {}), rows: snapshot() };
    app.close();

    // Read the file with a separate, plain connection: the data is on disk, in WAL mode.
    const raw = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT title, status, revision FROM documents').all()).toEqual([{ title: 'Persist me', status: 'in-review', revision: 2 }]);
    raw.close();

    app = open();
    expect(await call('docs:get', { id: doc.id })).toEqual(before.doc);
    expect(await call('docs:history', { id: doc.id })).toEqual(before.history);
    expect(await call('docs:list', {})).toEqual(before.list);
    expect(snapshot()).toEqual(before.rows);
    expect(app.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect((await call('docs:create', { kind: 'rfc' })).number).toBe(2);
  });

  it('refuses to open a workspace written by a newer schema', () => {
    app.db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    app.close();
    expect(() => open()).toThrow(/newer DesignDesk \(schema \d+, this build knows \d+\)/);
    const raw = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 5);
    raw.close();
  });
});
