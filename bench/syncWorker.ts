// The app's side of the sync figures, in a child process of its own so that
// its resident memory is the sync's alone (figure 8) and its event loop is
// not shared with the git server. Started by syncBench.ts with fork(); it
// answers one message at a time:
//   { op: 'publish', url }  connect to an empty remote and sync everything
//   { op: 'editSync', n }   edit one document (the n-th edit), then sync
//   { op: 'sync' }          sync (a teammate pushed: pull)
//   { op: 'close' }
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import type { App } from '../src/main/app';
import { GitRepo } from '../src/main/sync/gitRepo';
import { SyncStore } from '../src/main/sync/syncStore';
import { documentToMarkdown } from '../src/shared/format/documentMarkdown';
import { editParagraph } from './corpus';
import { BENCH_IDENTITY, call, openBenchApp } from './workspace';

export type WorkerRequest = { op: 'publish'; url: string } | { op: 'editSync'; n: number; docId: string } | { op: 'sync' } | { op: 'close' };

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

async function handle(app: App, req: WorkerRequest): Promise<OpResult> {
  switch (req.op) {
    case 'publish': {
      // A new, empty remote: the workspace is rebound (ADR h3-0012), no file is there, so every document is published as on a first publish.
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

function main(): void {
  const dir = process.argv[2];
  if (!dir || !process.send) throw new Error('usage: fork(bench/syncWorker.ts, [workspaceDir]) with an IPC channel');
  const app = openBenchApp(dir);
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
