import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { SyncWorkerOptions } from '../../src/main/sync/syncWorkerHost';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
let built: string | null = null;

/**
 * The sync worker built from the current source, once per test process,
 * the way scripts/build-main.mjs builds dist/main/sync-worker.cjs (loading
 * the TypeScript through tsx in a worker takes ~5 s per start; this ~0.3 s
 * once). Tests that run the installed CLI use the real dist build.
 */
export function sourceSyncWorker(extra: Omit<SyncWorkerOptions, 'script' | 'eval'> = {}): SyncWorkerOptions {
  if (!built) {
    // Inside the repository (.cache is ignored), so that the worker finds better-sqlite3 in node_modules.
    const dir = path.join(ROOT, '.cache', 'test-sync-worker');
    fs.mkdirSync(dir, { recursive: true });
    const outfile = path.join(dir, `sync-worker-${process.pid}-${Date.now()}.cjs`);
    buildSync({
      entryPoints: [path.join(ROOT, 'src', 'main', 'sync', 'syncWorker.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron', 'better-sqlite3'],
      outfile,
      logLevel: 'warning',
    });
    process.once('exit', () => fs.rmSync(outfile, { force: true }));
    built = outfile;
  }
  return { ...extra, script: built };
}
