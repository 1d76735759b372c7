// The app's side of the sync figures, in a child process of its own so that
// its resident memory is the sync's alone (figure 8) and its event loop is
// not shared with the git server. Its syncs run in the app's sync worker
// thread (as in the app) unless started without one (figure 9's reference). Started by syncBench.ts with fork(); it
// answers one message at a time:
//   { op: 'publish', url }  connect to an empty remote and sync everything
//   { op: 'editSync', n }   edit one document (the n-th edit), then sync
//   { op: 'sync' }          sync (a teammate pushed: pull)
//   { op: 'close' }
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import type { App } from '../src/main/app';
import { GitRepo } from '../src/main/sync/gitRepo';
import { SyncStore } from '../src/main/sync/syncStore';
import { documentToMarkdown } from '../src/shared/format/documentMarkdown';
import { editParagraph } from './corpus';
import { BENCH_IDENTITY, call, openBenchApp } from './workspace';

export type WorkerRequest =
  | { op: 'publish'; url: string }
  | { op: 'editSync'; n: number; docId: string }
  | { op: 'sync' }
  | { op: 'close' }
  /** Figure 9: publish while the window's calls come in every 20 ms; the stall of this process's event loop and the calls' latencies. */
  | { op: 'publishWatched'; url: string }
  /** Figure 10: a second, empty workspace (folder `dir`) joins the team repository at `url`: its first sync. */
  | { op: 'join'; url: string; dir: string };

export interface OpResult {
  ms: number;
  /** Resident memory just before the operation (after a GC), bytes. */
  restRss: number;
  /** Peak resident memory during the operation, bytes. */
  peakRss: number;
  in: number;
  out: number;
  /** editSync: the file the edit changed and its new text (for the git CLI's same change). */
  path?: string;
  text?: string;
  /** publishWatched: the longest stall of the event loop (ms) and each call's latency from when it was due (ms). */
  watch?: { maxStallMs: number; getMs: number[]; searchMs: number[] };
}

export type WorkerReply = { ok: true; result: OpResult } | { ok: false; error: string };

const HWM_RE = /VmHWM:\s+(\d+) kB/;

/**
 * Measures an operation's peak RSS: the kernel's high-water mark, reset
 * just before it (/proc/self/clear_refs, Linux); elsewhere a 5 ms sampler.
 */
/** BENCH_PROFILE_DIR=<dir>: a CPU profile of every measured operation, for bench/profileSummary.ts. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
let session: Session | null = null;
let profiles = 0;

/** Wall time per step of a sync (when profiling): the git calls and the store's bulk reads. */
const steps = new Map<string, number>();
/** Memory after each step (when profiling). */
const memory: string[] = [];
const mb = (n: number): string => `${Math.round(n / 2 ** 20)} MB`;

function timeMethods(proto: object, names: readonly string[], prefix: string): void {
  const target = proto as Record<string, (...args: unknown[]) => unknown>;
  for (const name of names) {
    const original = target[name]!;
    target[name] = function (this: unknown, ...args: unknown[]) {
      const t0 = performance.now();
      const add = (): void => {
        steps.set(`${prefix}.${name}`, (steps.get(`${prefix}.${name}`) ?? 0) + performance.now() - t0);
        if (prefix === 'store' && name !== 'allDocs' && name !== 'bases') return;
        const m = process.memoryUsage();
        memory.push(`${prefix}.${name}: rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)}`);
      };
      const r = original.apply(this, args);
      if (r instanceof Promise) return r.finally(add);
      add();
      return r;
    };
  }
}

if (PROFILE_DIR) {
  timeMethods(GitRepo.prototype, ['fetch', 'treeOf', 'listFiles', 'readText', 'buildTree', 'commit', 'push'], 'git');
  timeMethods(SyncStore.prototype, ['allDocs', 'bases', 'docLazy', 'setBase', 'write'], 'store');
}

async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return fn();
  steps.clear();
  memory.length = 0;
  if (!session) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
  }
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    console.log(`  [${name}] memory after each step:\n    ${memory.join('\n    ')}`);
    console.log(`  [${name}] ${[...steps].map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}`);
    fs.writeFileSync(path.join(PROFILE_DIR, `${process.pid}-${String(++profiles).padStart(2, '0')}-${name}.cpuprofile`), JSON.stringify(profile));
  }
}

async function measured<T>(name: string, fn: () => Promise<T>): Promise<{ value: T; ms: number; restRss: number; peakRss: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const restRss = process.memoryUsage.rss();
  let reset = false;
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    reset = true;
  } catch {
    reset = false;
  }
  let sampled = restRss;
  const sampler = reset ? null : setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 5);
  const t0 = performance.now();
  const value = await profiled(name, fn);
  const ms = performance.now() - t0;
  if (sampler) clearInterval(sampler);
  const hwm = reset ? HWM_RE.exec(fs.readFileSync('/proc/self/status', 'utf8')) : null;
  const peakRss = hwm ? Number(hwm[1]) * 1024 : Math.max(sampled, process.memoryUsage.rss());
  return { value, ms, restRss, peakRss };
}

const SEARCHES = ['cache', 'latency budget', 'migration', 'retry', 'storage', 'rollout plan', 'review', 'queue'];

/**
 * Runs `work` while the window's calls (docs:get, then search:query) are
 * made every 20 ms, as a person using the app meanwhile: a call's latency
 * counts from when it was due, so time spent waiting behind a blocked event
 * loop is in it. The stall: the largest of monitorEventLoopDelay's maximum
 * and a 10 ms interval timer's lateness.
 */
async function watched<T>(app: App, work: () => Promise<T>): Promise<{ value: T; watch: NonNullable<OpResult['watch']> }> {
  const ids = (await call(app, 'docs:list', {})).map((d) => d.id);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = performance.now();
  let late = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    late = Math.max(late, t - last - 10);
    last = t;
  }, 10);
  let done = false;
  const getMs: number[] = [];
  const searchMs: number[] = [];
  const calls = (async () => {
    for (let i = 0, due = performance.now(); !done; i++) {
      due += 20;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      await call(app, 'docs:get', { id: ids[(i * 7919) % ids.length]! });
      getMs.push(performance.now() - due);
      const due2 = performance.now();
      await call(app, 'search:query', { q: SEARCHES[i % SEARCHES.length]! });
      searchMs.push(performance.now() - due2);
      due = Math.max(due, performance.now() - 20);
    }
  })();
  try {
    const value = await work();
    return { value, watch: { maxStallMs: Math.max(late, histogram.max / 1e6), getMs, searchMs } };
  } finally {
    done = true;
    clearInterval(timer);
    histogram.disable();
    await calls;
  }
}

async function handle(app: App, req: WorkerRequest): Promise<OpResult> {
  switch (req.op) {
    case 'publishWatched': {
      await call(app, 'sync:setRemote', { url: req.url, branch: 'main', authorName: BENCH_IDENTITY.name, authorEmail: BENCH_IDENTITY.email, auth: { kind: 'none' } });
      const m = await measured(req.op, () => watched(app, () => call(app, 'sync:run', {})));
      return { ms: m.ms, restRss: m.restRss, peakRss: m.peakRss, in: m.value.value.in, out: m.value.value.out, watch: m.value.watch };
    }
    case 'join': {
      const second = openBenchApp(req.dir, { fixed: null }, syncWorker);
      try {
        await call(second, 'sync:setRemote', { url: req.url, branch: 'main', authorName: BENCH_IDENTITY.name, authorEmail: BENCH_IDENTITY.email, auth: { kind: 'none' } });
        const m = await measured(req.op, () => call(second, 'sync:run', {}));
        return { ms: m.ms, restRss: m.restRss, peakRss: m.peakRss, in: m.value.in, out: m.value.out };
      } finally {
        second.close();
      }
    }
    case 'publish': {
      // A new, empty remote: the workspace is rebound (ADR 0014), no file is there, so every document is published as on a first publish.
      await call(app, 'sync:setRemote', { url: req.url, branch: 'main', authorName: BENCH_IDENTITY.name, authorEmail: BENCH_IDENTITY.email, auth: { kind: 'none' } });
      const m = await measured(req.op, () => call(app, 'sync:run', {}));
      return { ms: m.ms, restRss: m.restRss, peakRss: m.peakRss, in: m.value.in, out: m.value.out };
    }
    case 'editSync': {
      const doc = await call(app, 'docs:get', { id: req.docId });
      const body = doc.body.replace(/\n## /, `\n${editParagraph(42, req.n)}\n\n## `);
      const saved = await call(app, 'docs:update', { id: doc.id, baseRevision: doc.revision, body });
      const m = await measured(req.op, () => call(app, 'sync:run', {}));
      const change = m.value.changes.find((c) => c.direction === 'out');
      return { ms: m.ms, restRss: m.restRss, peakRss: m.peakRss, in: m.value.in, out: m.value.out, path: change?.path ?? '', text: documentToMarkdown(await call(app, 'docs:get', { id: saved.id })) };
    }
    case 'sync': {
      const m = await measured(req.op, () => call(app, 'sync:run', {}));
      return { ms: m.ms, restRss: m.restRss, peakRss: m.peakRss, in: m.value.in, out: m.value.out };
    }
    case 'close':
      return { ms: 0, restRss: 0, peakRss: 0, in: 0, out: 0 };
  }
}

/** argv[3]: the bundled sync worker (the app's own thread for syncs), or absent for syncs in this thread. */
const syncWorker = process.argv[3] ? { script: process.argv[3] } : undefined;

function main(): void {
  const dir = process.argv[2];
  if (!dir || !process.send) throw new Error('usage: fork(bench/syncWorker.ts, [workspaceDir, syncWorkerScript?]) with an IPC channel');
  const app = openBenchApp(dir, { fixed: null }, syncWorker);
  process.on('message', (msg: WorkerRequest) => {
    handle(app, msg).then(
      (result) => {
        process.send!({ ok: true, result } satisfies WorkerReply);
        if (msg.op === 'close') {
          app.close();
          process.disconnect();
        }
      },
      (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply),
    );
  });
  process.send({ ok: true, result: { ms: 0, restRss: process.memoryUsage.rss(), peakRss: 0, in: 0, out: 0 } } satisfies WorkerReply);
}

main();
