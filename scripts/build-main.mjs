// Bundles the Node side: the Electron shell (main + preload), the web host,
// the command line and the sync, publish and restore workers. better-sqlite3 and electron stay external.
import { build } from 'esbuild';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: { 'electron-main': 'src/main/electron/electronMain.ts', preload: 'src/main/electron/preload.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { web: 'src/main/web/webMain.ts', cli: 'src/main/cli/cli.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  // The sync's worker thread (src/main/sync/syncWorkerHost.ts starts it beside the three entry points above).
  build({ ...common, entryPoints: { 'sync-worker': 'src/main/sync/syncWorker.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  // The publish worker ("Publish site...": src/main/publish/publishService.ts starts it).
  build({ ...common, entryPoints: { 'publish-worker': 'src/main/publish/publishWorker.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  // The backup worker (backups, and Settings > Backups > Restore...: src/main/services/backupService.ts starts it).
  build({ ...common, entryPoints: { 'restore-worker': 'src/main/store/restoreWorker.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  // The health worker (the repository health checks after each sync: src/main/services/healthService.ts starts it).
  build({ ...common, entryPoints: { 'health-worker': 'src/main/services/healthWorker.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
]);
console.log('built dist/main');
