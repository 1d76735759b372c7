// What one autosave spends its time on (docs/performance.md, "Autosave: what a
// save does"): the whole docs:update next to the same DocumentService with
// fewer hooks, the raw UPDATE of the body and of the time alone, a bare UPDATE of
// a 20 KB row, and the search-index catch-up a save now leaves for after it
// (docs/adr/0037-when-the-search-index-is-written.md). Not part of `npm run bench`; run it alone:
//   node --import tsx bench/autosaveProfile.ts [documents]
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../src/main/store/documentStore';
import { flushSearchIndex } from '../src/main/store/searchFlush';
import { DocumentService } from '../src/main/services/documentService';
import { LinkService } from '../src/main/services/linkService';
import { VersionRecorder } from '../src/main/services/versionService';
import { bodyOfSize } from './corpus';
import { BENCH_IDENTITY, call, fillWorkspace, openBenchApp } from './workspace';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autosave-profile-'));
const clock = { fixed: null };
const app = openBenchApp(dir, clock);
fillWorkspace(app, clock, Number(process.argv[2] ?? 2000), 7);
const db = app.db;
const store = new DocumentStore(db);
const ctx = { now: () => new Date(), identity: () => BENCH_IDENTITY };
const recorder = new VersionRecorder(store, ctx);
const links = new LinkService(store);
const services: Record<string, DocumentService> = {
  'DocumentService, no hooks': new DocumentService(store, ctx, []),
  'DocumentService + versions': new DocumentService(store, ctx, [recorder]),
  'DocumentService + links': new DocumentService(store, ctx, [links]),
};
const scratch = new Database(path.join(dir, 'scratch.sqlite'));
scratch.pragma('journal_mode = WAL');
scratch.pragma('synchronous = NORMAL');
scratch.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO t VALUES (1, '')");
const bare = scratch.prepare('UPDATE t SET body = ? WHERE id = 1');
const rawBody = db.prepare('UPDATE documents SET body = ? WHERE id = ?');
const rawTouch = db.prepare('UPDATE documents SET updated_at = ?, revision = revision + 1 WHERE id = ?');
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const samples: Record<string, number[]> = {};
const add = (k: string, ms: number): void => void (samples[k] ??= []).push(ms);

const created = await call(app, 'docs:create', { kind: 'rfc', title: 'Autosave profile' });
let doc = await call(app, 'docs:update', { id: created.id, baseRevision: created.revision, body: bodyOfSize(7, 20_000) });
for (let i = 0; i < 300; i++) {
  const at = (i * 997) % (doc.body.length - 1);
  const body = `${doc.body.slice(0, at)}${String.fromCharCode(97 + (i % 26))}${doc.body.slice(at + 1)}`;
  let t0 = performance.now();
  const r = await app.dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, body });
  add('docs:update through the API (everything)', performance.now() - t0);
  if (!r.ok) throw new Error(r.error.message);
  doc = r.value as typeof doc;
  for (const [name, service] of Object.entries(services)) {
    const edited = `${body.slice(0, 5)}${name.length % 10}${i}${body.slice(8)}`;
    t0 = performance.now();
    doc = service.update({ id: doc.id, baseRevision: doc.revision, body: edited });
    add(name, performance.now() - t0);
  }
  t0 = performance.now();
  db.transaction(() => rawBody.run(`${body}x`, doc.id))();
  add('raw UPDATE of the body (library trigger + search-index mark)', performance.now() - t0);
  t0 = performance.now();
  db.transaction(() => rawTouch.run(new Date().toISOString(), doc.id))();
  add('raw UPDATE of updated_at only (library_rows trigger)', performance.now() - t0);
  doc = await call(app, 'docs:get', { id: doc.id });
  t0 = performance.now();
  bare.run(body);
  add('bare UPDATE of a 20 KB row (scratch database)', performance.now() - t0);
  t0 = performance.now();
  links.recompute(doc);
  add('links.recompute alone', performance.now() - t0);
  // What the saves above left for the index: one document, re-indexed once typing pauses (or by the next search).
  t0 = performance.now();
  flushSearchIndex(db);
  add('search-index catch-up of the saved document (after a pause)', performance.now() - t0);
  await new Promise((resolve) => setImmediate(resolve));
}
for (const [k, v] of Object.entries(samples)) console.log(`${k.padEnd(58)} p50 ${pct(v, 50).toFixed(2)} ms  p99 ${pct(v, 99).toFixed(2)} ms`);
app.close();
scratch.close();
fs.rmSync(dir, { recursive: true, force: true });
