// Figures 4, 5 and 6: search, list and autosave through the API (dispatch,
// as the renderer calls it), each with a reference measured in the same run:
// ripgrep over the exported files, the bare SQL under the list, a bare
// SQLite UPDATE of a row of the same size.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { App } from '../src/main/app';
import { bodyOfSize, corpusDoc } from './corpus';
import { benchQueries, type BenchQuery } from './queries';
import { runCommand } from './measure';
import { call } from './workspace';

export interface ApiSamples {
  search: { ours: number[]; rg: number[]; hits: number; queries: number };
  list: { ours: number[]; sql: number[]; rows: number };
  autosave: { ours: number[]; sql: number[]; bytes: number };
}

export interface ApiBenchOptions {
  root: string;
  exportDir: string;
  docs: number;
  seed: number;
  queries: number;
  listReps: number;
  saves: number;
  log: (line: string) => void;
}

async function timed(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** ripgrep counting the query's terms over the exported files (exit 1 = no match is fine). */
async function ripgrep(q: BenchQuery, dir: string): Promise<number> {
  const args = ['--count', '--ignore-case', ...(q.rg.fixed ? ['--fixed-strings'] : []), ...q.rg.patterns.flatMap((p) => ['-e', p]), '.'];
  const t0 = performance.now();
  await runCommand('rg', args, dir, { env: process.env, okCodes: [0, 1], memory: false });
  return performance.now() - t0;
}

/** Runs figures 4, 5 and 6 on an open workspace holding the corpus. */
export async function runApiBench(app: App, o: ApiBenchOptions): Promise<ApiSamples> {
  // 5. List every document summary.
  const listSql = app.db
    .prepare('SELECT id, kind, number, title, status, updated_at, created_at, author FROM library_rows ORDER BY updated_at DESC, kind DESC, number DESC')
    .raw(true);
  let rows = 0;
  for (let i = 0; i < 2; i++) rows = (await call(app, 'docs:list', {})).length;
  const list = { ours: [] as number[], sql: [] as number[], rows };
  for (let i = 0; i < o.listReps; i++) {
    list.ours.push(await timed(() => app.dispatch('docs:list', {})));
    list.sql.push(await timed(() => listSql.all()));
  }
  o.log(`  list: ${rows} summaries`);

  // 6. Autosave of a 20 KB document: one small edit per save, as typing gives.
  const created = await call(app, 'docs:create', { kind: 'rfc', title: 'Autosave benchmark' });
  let doc = await call(app, 'docs:update', { id: created.id, baseRevision: created.revision, body: bodyOfSize(o.seed, 20_000) });
  const bytes = Buffer.byteLength(doc.body, 'utf8');
  const scratch = new Database(path.join(o.root, 'scratch.sqlite'));
  scratch.pragma('journal_mode = WAL');
  scratch.pragma('synchronous = NORMAL');
  scratch.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO t VALUES (1, \'\')');
  const bare = scratch.prepare('UPDATE t SET body = ? WHERE id = 1');
  const autosave = { ours: [] as number[], sql: [] as number[], bytes };
  for (let i = 0; i < o.saves; i++) {
    const at = (i * 997) % (doc.body.length - 1);
    const body = `${doc.body.slice(0, at)}${String.fromCharCode(97 + (i % 26))}${doc.body.slice(at + 1)}`;
    const t0 = performance.now();
    const r = await app.dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, body });
    autosave.ours.push(performance.now() - t0);
    if (!r.ok) throw new Error(`autosave failed: ${r.error.message}`);
    doc = r.value as typeof doc;
    autosave.sql.push(await timed(() => bare.run(body)));
    // Between two saves the app is idle for a moment, as between two keystroke pauses: its timers run there.
    await new Promise((resolve) => setImmediate(resolve));
  }
  scratch.close();
  o.log(`  autosave: ${o.saves} saves of a ${Math.round(bytes / 1024)} KB document`);

  // 4. Full-text search against ripgrep over the same documents as files.
  const queries = benchQueries(o.seed, o.queries, (i) => corpusDoc(o.seed, (i * 31) % o.docs).body);
  for (const q of queries.slice(0, 10)) await app.dispatch('search:query', { q: q.q, limit: 50 });
  const search = { ours: [] as number[], rg: [] as number[], hits: 0, queries: queries.length };
  for (const q of queries) {
    const t0 = performance.now();
    const r = await app.dispatch('search:query', { q: q.q, limit: 50 });
    search.ours.push(performance.now() - t0);
    if (!r.ok) throw new Error(`search "${q.q}" failed: ${r.error.message}`);
    search.hits += (r.value as unknown[]).length;
    search.rg.push(await ripgrep(q, o.exportDir));
  }
  o.log(`  search: ${queries.length} queries, ${(search.hits / queries.length).toFixed(1)} results each on average`);
  return { search, list, autosave };
}
