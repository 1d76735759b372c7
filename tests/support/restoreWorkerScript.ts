import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
let built: string | null = null;

/** The restore worker built from the current source once per test process, as scripts/build-main.mjs builds dist/main/restore-worker.cjs. */
export function sourceRestoreWorker(): { script: string } {
  if (!built) {
    // Inside the repository (.cache is ignored), so that the worker finds better-sqlite3 in node_modules.
    const dir = path.join(ROOT, '.cache', 'test-restore-worker');
    fs.mkdirSync(dir, { recursive: true });
    const outfile = path.join(dir, `restore-worker-${process.pid}-${Date.now()}.cjs`);
    buildSync({ entryPoints: [path.join(ROOT, 'src', 'main', 'store', 'restoreWorker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'better-sqlite3'], outfile, logLevel: 'warning' });
    process.once('exit', () => fs.rmSync(outfile, { force: true }));
    built = outfile;
  }
  return { script: built };
}
