// The benchmark (`npm run bench`, docs/performance.md): builds the corpus in
// a fresh workspace, starts a local git server, measures every figure with
// its reference side by side, and returns the report that run.ts prints and
// writes as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGitServer } from '../tests/support/gitServer';
import { runApiBench, type ApiSamples } from './apiBench';
import { runPublishBench, type PublishSamples } from './publishBench';
import { benchRoot, listFiles, median, percentile } from './measure';
import { runSyncBench, type PairSample, type SyncSamples } from './syncBench';
import { runTypingBench, type TypingSamples } from './typingBench';
import { buildWebHost, runWebBench, type WebSample } from './webBench';
import { call, fillWorkspace, openBenchApp, type BenchClock } from './workspace';

export interface BenchOptions {
  docs: number;
  /** One repetition of everything (the smoke test): figures without statistical weight. */
  quick: boolean;
  seed: number;
  /** Keep the temporary folders (workspace, repositories) for a look afterwards. */
  keep: boolean;
  /** Measure only these parts (while working on one); the report then lacks the others' figures. */
  only?: readonly Part[];
  log: (line: string) => void;
}

export interface Check {
  /** 'value': the figure itself against a limit in its unit; 'ratio': the figure over its reference. */
  on: 'value' | 'ratio';
  max: number;
  ok: boolean;
}

export interface Figure {
  id: string;
  name: string;
  unit: 'ms' | 'MB';
  value: number;
  reference: { name: string; value: number };
  ratio: number;
  /** What the figure is (median of N runs, p95 of N queries). */
  statistic: string;
  samples: number;
  target: string;
  checks: Check[];
  met: boolean;
}

export interface BenchReport {
  date: string;
  machine: { cores: number; cpu: string; memoryBytes: number; node: string; platform: string; loadAverage: number[] };
  options: { docs: number; quick: boolean; seed: number; reps: Reps };
  corpus: { documents: number; files: number; bytes: number; medianFileBytes: number; largestFileBytes: number };
  figures: Figure[];
  durationMs: number;
}

export const PARTS = ['api', 'sync', 'web', 'publish', 'typing'] as const;
export type Part = (typeof PARTS)[number];

interface Reps {
  publish: number;
  edit: number;
  pull: number;
  queries: number;
  list: number;
  saves: number;
  web: number;
  typing: number;
  watched: number;
  join: number;
  cli: number;
  site: number;
}

const MB = 2 ** 20;
const PULL_SIZE = 100;

function figure(f: Omit<Figure, 'ratio' | 'checks' | 'met'> & { limits: { value?: number; ratio?: number } }): Figure {
  const ratio = f.value / f.reference.value;
  const checks: Check[] = [];
  if (f.limits.value !== undefined) checks.push({ on: 'value', max: f.limits.value, ok: f.value <= f.limits.value });
  if (f.limits.ratio !== undefined) checks.push({ on: 'ratio', max: f.limits.ratio, ok: ratio <= f.limits.ratio });
  const { limits: _limits, ...rest } = f;
  return { ...rest, ratio, checks, met: checks.every((c) => c.ok) };
}

function pairFigure(id: string, name: string, samples: PairSample[], limit: number, target: string): Figure {
  return figure({
    id,
    name,
    unit: 'ms',
    value: median(samples.map((s) => s.ours)),
    reference: { name: 'git CLI', value: median(samples.map((s) => s.cli)) },
    statistic: `median of ${samples.length}`,
    samples: samples.length,
    target,
    limits: { ratio: limit },
  });
}

function peakFigure(id: string, name: string, samples: PairSample[]): Figure {
  const cli = samples.map((s) => s.cliPeakRss).filter((v): v is number => v !== null);
  return figure({
    id,
    name,
    unit: 'MB',
    value: Math.max(...samples.map((s) => s.oursPeakRss)) / MB,
    reference: { name: cli.length ? 'git CLI peak, all its processes' : 'app at rest before the sync', value: (cli.length ? Math.max(...cli) : median(samples.map((s) => s.oursRestRss))) / MB },
    statistic: `largest of ${samples.length}`,
    samples: samples.length,
    target: '<= 300 MB',
    limits: { value: 300 },
  });
}

/** Figures 9, 10 and 11: the sync in its worker thread, seen from the process serving the window; joining; the CLI end to end. */
function workerFigures(sync: SyncSamples, n: string): Figure[] {
  const stalls = (rs: typeof sync.watched.worker) => Math.max(...rs.map((r) => r.watch!.maxStallMs));
  const all = (rs: typeof sync.watched.worker, k: 'getMs' | 'searchMs') => rs.flatMap((r) => r.watch![k]);
  const inThread = 'same with the sync in that thread';
  const figures = [
    figure({
      id: '9-stall',
      name: `longest event-loop stall of the process serving the window while publishing ${n} documents`,
      unit: 'ms',
      value: stalls(sync.watched.worker),
      reference: { name: inThread, value: stalls(sync.watched.inThread) },
      statistic: `largest of ${sync.watched.worker.length}`,
      samples: sync.watched.worker.length,
      target: '<= 50 ms',
      limits: { value: 50 },
    }),
    percentileFigure('9-get-p99', 'docs:get during that publish (from when due)', 99, all(sync.watched.worker, 'getMs'), { name: inThread, samples: all(sync.watched.inThread, 'getMs') }, '(no target)', {}),
    percentileFigure('9-search-p99', 'search:query during that publish (from when due)', 99, all(sync.watched.worker, 'searchMs'), { name: inThread, samples: all(sync.watched.inThread, 'searchMs') }, '(no target)', {}),
  ];
  if (sync.join.length) {
    figures.push(pairFigure('10-join', `a second workspace joins: first sync of the ${n}-document repository`, sync.join, 1.5, '<= 1.5x git clone'));
    figures.push({ ...peakFigure('10-join-peak', 'peak memory while joining (10)', sync.join) });
  }
  if (sync.cli.length) figures.push(pairFigure('11-cli-edit-sync', `designdesk set + sync of one document, process start included (${n} documents)`, sync.cli, 1.5, '<= 1.5x git add/commit/push'));
  return figures;
}

/** Figures 1, 2, 3 and 8. */
function syncFigures(sync: SyncSamples, n: string, pullSize: number): Figure[] {
  return [
    pairFigure('1-publish', `publish all ${n} documents (commit + push)`, sync.publish, 1.5, '<= 1.5x git CLI'),
    pairFigure('2-edit-sync', 'edit one document, then sync', sync.edit, 0.75, '<= 0.75x git CLI'),
    pairFigure('3-pull', `pull ${pullSize} documents changed by a teammate`, sync.pull, 2, '<= 2x git CLI'),
    peakFigure('8-peak-during-1', 'peak memory while publishing all (1)', sync.publish),
    peakFigure('8-peak-during-2', 'peak memory during edit + sync (2)', sync.edit),
  ];
}

/** A percentile of our samples against the same percentile of the reference's. */
function percentileFigure(
  id: string,
  name: string,
  p: number,
  ours: number[],
  reference: { name: string; samples: number[] },
  target: string,
  limits: { value?: number; ratio?: number },
): Figure {
  return figure({
    id,
    name: `${name}: p${p}`,
    unit: 'ms',
    value: percentile(ours, p),
    reference: { name: `${reference.name} p${p}`, value: percentile(reference.samples, p) },
    statistic: `p${p} of ${ours.length}`,
    samples: ours.length,
    target,
    limits,
  });
}

/** Figures 4, 5 and 6. */
function apiFigures(api: ApiSamples, n: string): Figure[] {
  const search = `search, ${api.search.queries} queries`;
  const rg = { name: 'ripgrep', samples: api.search.rg };
  const save = `autosave of a ${Math.round(api.autosave.bytes / 1024)} KB document`;
  const bare = { name: 'bare SQLite UPDATE', samples: api.autosave.sql };
  return [
    percentileFigure('4-search-p50', search, 50, api.search.ours, rg, '(p95 is the target)', {}),
    percentileFigure('4-search-p95', search, 95, api.search.ours, rg, '<= 10 ms and <= 0.2x ripgrep', { value: 10, ratio: 0.2 }),
    figure({
      id: '5-list',
      name: `list all ${n} summaries (docs:list)`,
      unit: 'ms',
      value: median(api.list.ours),
      reference: { name: 'the bare SQL query', value: median(api.list.sql) },
      statistic: `median of ${api.list.ours.length}`,
      samples: api.list.ours.length,
      target: '<= 50 ms',
      limits: { value: 50 },
    }),
    percentileFigure('6-autosave-p50', save, 50, api.autosave.ours, bare, '<= 2 ms', { value: 2 }),
    percentileFigure('6-autosave-p99', save, 99, api.autosave.ours, bare, '<= 5 ms', { value: 5 }),
  ];
}

/** Figure 12: the static site (designdesk publish). */
function publishFigures(p: PublishSamples, n: string): Figure[] {
  const full = median(p.full);
  return [
    figure({
      id: '12-site',
      name: `designdesk publish: static site of ${n} documents (read, render, search index, feed, write)`,
      unit: 'ms',
      value: full,
      reference: { name: 'the Markdown library alone rendering the same files', value: median(p.markdownOnly) },
      statistic: `median of ${p.full.length}`,
      samples: p.full.length,
      target: '<= 2x the Markdown library alone',
      limits: { ratio: 2 },
    }),
    figure({
      id: '12-site-republish',
      name: `republish after one document changed (${p.written} files written)`,
      unit: 'ms',
      value: median(p.republishOne),
      reference: { name: 'the full publish', value: full },
      statistic: `median of ${p.republishOne.length}`,
      samples: p.republishOne.length,
      target: '(no target)',
      limits: {},
    }),
  ];
}

/** Figure 7. */
function webFigures(web: { ours: WebSample[]; reference: WebSample[] }, n: string): Figure[] {
  return [
    figure({
      id: '7-web-first-row',
      name: `web host cold start to first library row (${n} documents)`,
      unit: 'ms',
      value: median(web.ours.map((s) => s.ms)),
      reference: { name: 'same with 1 document', value: median(web.reference.map((s) => s.ms)) },
      statistic: `median of ${web.ours.length}`,
      samples: web.ours.length,
      target: '<= 1,500 ms',
      limits: { value: 1500 },
    }),
    figure({
      id: '7-web-memory',
      name: 'web host resident memory after the first row',
      unit: 'MB',
      value: median(web.ours.map((s) => s.rss)) / MB,
      reference: { name: 'same with 1 document', value: median(web.reference.map((s) => s.rss)) / MB },
      statistic: `median of ${web.ours.length}`,
      samples: web.ours.length,
      target: '<= 250 MB',
      limits: { value: 250 },
    }),
  ];
}

function seconds(t0: number): string {
  return `${((performance.now() - t0) / 1000).toFixed(1)} s`;
}

/** Runs the whole benchmark and returns its report. */
/** Figure 13: a keystroke in the one document editor to the next animation frame, on a 6 KB and a 60 KB RFC. */
function typingFigures(t: TypingSamples): Figure[] {
  const kb = (b: number) => `${Math.round(b / 1024)} KB`;
  const bare = { name: 'bare textarea, 60 KB', samples: t.bare };
  const name = (b: number) => `keystroke to next frame in the document editor, ${kb(b)} RFC (end + largest section)`;
  return [
    percentileFigure('13-typing-6k-p50', name(t.sizes.small), 50, t.small, bare, '(p95 is the target)', {}),
    percentileFigure('13-typing-6k-p95', name(t.sizes.small), 95, t.small, bare, '<= 16 ms', { value: 16 }),
    percentileFigure('13-typing-60k-p50', name(t.sizes.large), 50, t.large, bare, '(p95 is the target)', {}),
    percentileFigure('13-typing-60k-p95', name(t.sizes.large), 95, t.large, bare, '<= 16 ms, one frame', { value: 16 }),
  ];
}

export async function runBench(o: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const reps: Reps = o.quick
    ? { publish: 1, edit: 1, pull: 1, queries: 200, list: 5, saves: 100, web: 1, typing: 1, watched: 1, join: 1, cli: 1, site: 1 }
    : { publish: 3, edit: 9, pull: 5, queries: 200, list: 30, saves: 300, web: 3, typing: 2, watched: 2, join: 3, cli: 5, site: 3 };
  const root = benchRoot();
  const server = await startGitServer();
  const log = o.log;
  try {
    // The corpus, written through the services as the app writes documents.
    const workspaceDir = path.join(root, 'workspace');
    const clock: BenchClock = { fixed: null };
    const app = openBenchApp(workspaceDir, clock);
    log(`corpus: ${o.docs} documents (seed ${o.seed})…`);
    let t0 = performance.now();
    const docIds = fillWorkspace(app, clock, o.docs, o.seed);
    log(`  written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const exportDir = path.join(root, 'export');
    app.exporter.exportTo(exportDir);
    const sizes = listFiles(exportDir)
      .filter((f) => f.endsWith('.md') && f.includes('/'))
      .map((f) => fs.statSync(path.join(exportDir, f)).size);
    const corpus = { documents: o.docs, files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), medianFileBytes: median(sizes), largestFileBytes: Math.max(...sizes) };
    log(`  ${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB, median ${(corpus.medianFileBytes / 1024).toFixed(1)} KB, largest ${(corpus.largestFileBytes / 1024).toFixed(1)} KB`);

    const parts = new Set<Part>(o.only ?? PARTS);
    const figures: Figure[] = [];
    const n = o.docs.toLocaleString('en-US');
    let documents = o.docs;
    if (parts.has('api')) {
      log('search, list, autosave…');
      t0 = performance.now();
      const api = await runApiBench(app, { root, exportDir, docs: o.docs, seed: o.seed, queries: reps.queries, listReps: reps.list, saves: reps.saves, log });
      documents = (await call(app, 'docs:list', {})).length;
      figures.push(...apiFigures(api, n));
      log(`  in ${seconds(t0)}`);
    }
    app.close();

    if (parts.has('sync')) {
      log('sync against the git CLI…');
      t0 = performance.now();
      const sync = await runSyncBench({ root, workspaceDir, server, docIds, documents, reps, pullSize: Math.min(PULL_SIZE, o.docs), log });
      figures.push(...syncFigures(sync, n, Math.min(PULL_SIZE, o.docs)), ...workerFigures(sync, n));
      log(`  in ${seconds(t0)}`);
    }

    if (parts.has('web')) {
      log('web host cold start in Chromium…');
      t0 = performance.now();
      const referenceDir = path.join(root, 'one-document');
      const one = openBenchApp(referenceDir);
      fillWorkspace(one, { fixed: null }, 1, o.seed);
      one.close();
      const entry = await buildWebHost(log);
      const web = await runWebBench({ entry, workspaceDir, referenceDir, root, reps: reps.web, log });
      figures.push(...webFigures(web, n));
      log(`  in ${seconds(t0)}`);
    }
    if (parts.has('publish')) {
      log('static site (designdesk publish) against the Markdown library alone…');
      t0 = performance.now();
      figures.push(...publishFigures(runPublishBench({ root, exportDir, reps: reps.site, log }), n));
      log(`  in ${seconds(t0)}`);
    }
    if (parts.has('typing')) {
      log('typing in the document editor in Chromium…');
      t0 = performance.now();
      figures.push(...typingFigures(await runTypingBench({ root, reps: reps.typing, log })));
      log(`  in ${seconds(t0)}`);
    }
    // The order of the issue: 1, 2, 3, 4, ... 8.
    figures.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

    return {
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryBytes: os.totalmem(), node: process.version, platform: `${process.platform} ${os.release()}`, loadAverage: os.loadavg() },
      options: { docs: o.docs, quick: o.quick, seed: o.seed, reps },
      corpus,
      figures,
      durationMs: performance.now() - started,
    };
  } finally {
    await server.close();
    if (!o.keep) fs.rmSync(root, { recursive: true, force: true });
    else log(`kept ${root}`);
  }
}
