import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { SyncWorkerOptions } from '../../src/main/sync/syncWorkerHost';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** The worker entry points scripts/build-main.mjs bundles into dist/main/<name>-worker.cjs. */
const ENTRIES = {
  sync: 'src/main/sync/syncWorker.ts',
  publish: 'src/main/publish/publishWorker.ts',
  restore: 'src/main/store/restoreWorker.ts',
  health: 'src/main/services/healthWorker.ts',
} as const;

type WorkerName = keyof typeof ENTRIES;
const built = new Map<WorkerName, string>();

/**
 * A worker built from the current source, once per test process, the way
 * scripts/build-main.mjs builds it (loading the TypeScript through tsx in a
 * worker takes ~5 s per start; this ~0.3 s once). Tests that run the
 * installed CLI use the real dist build.
 */
export function sourceWorkerScript(name: WorkerName): string {
  let outfile = built.get(name);
  if (!outfile) {
    // Inside the repository (.cache is ignored), so that the worker finds better-sqlite3 (and the
    // publish worker mermaid and minisearch) in node_modules.
    const dir = path.join(ROOT, '.cache', `test-${name}-worker`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}-worker-${process.pid}-${Date.now()}.cjs`);
    buildSync({ entryPoints: [path.join(ROOT, ENTRIES[name])], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'better-sqlite3'], outfile: file, logLevel: 'warning' });
    process.once('exit', () => fs.rmSync(file, { force: true }));
    built.set(name, file);
    outfile = file;
  }
  return outfile;
}

/** The sync worker from the current source, with the given options. */
export function sourceSyncWorker(extra: Omit<SyncWorkerOptions, 'script' | 'eval'> = {}): SyncWorkerOptions {
  return { ...extra, script: sourceWorkerScript('sync') };
}

/** The publish worker from the current source. */
export function sourcePublishWorker(): { script: string } {
  return { script: sourceWorkerScript('publish') };
}

/** The restore worker from the current source. */
export function sourceRestoreWorker(): { script: string } {
  return { script: sourceWorkerScript('restore') };
}

/** The health worker from the current source. */
export function sourceHealthWorker(): { script: string } {
  return { script: sourceWorkerScript('health') };
}
