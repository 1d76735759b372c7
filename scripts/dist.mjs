// `npm run dist [-- <electron-builder options>]`: the installers of this platform
// (Linux: AppImage + deb, macOS: dmg, Windows: NSIS) in release/.
//   1. icons: resources/icon.svg rendered when a file is missing or older (scripts/icons.mjs)
//   2. better-sqlite3 for Electron's ABI into .cache/electron-native (docs/adr/0003)
//   3. npm run build (renderer + main bundles)
//   4. electron-builder --publish never, configured by electron-builder.yml
// Needs a machine that can download Electron's headers and distribution (and,
// for AppImage/deb, electron-builder's tools). Extra arguments go to
// electron-builder, e.g. `npm run dist -- --dir` for an unpacked app only.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureElectronNative, ROOT } from './electron-native.mjs';

const PLATFORM_FLAG = { linux: '--linux', darwin: '--mac', win32: '--win' };

function fail(message) {
  console.error(`\n[dist] ${message}\n`);
  process.exit(1);
}

function step(title) {
  console.log(`\n[dist] ${title}`);
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' && !path.isAbsolute(cmd) });
  if (r.status !== 0) fail(`${what} failed (exit ${r.status ?? r.signal}); see above.`);
}

const flag = PLATFORM_FLAG[process.platform];
if (!flag) fail(`electron-builder has no target for ${process.platform}.`);

step('icons');
const icons = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'icons.mjs'), '--check'], { cwd: ROOT, stdio: 'ignore' });
if (icons.status !== 0) run(process.execPath, [path.join(ROOT, 'scripts', 'icons.mjs')], 'Rendering the icons');
else console.log('icons up to date');

step('better-sqlite3 for Electron');
try {
  ensureElectronNative({ root: ROOT });
} catch (e) {
  fail(`better-sqlite3 could not be built for Electron: ${e instanceof Error ? e.message : String(e)}\nPackaging needs Electron's headers (internet access) or a prebuilt binary.`);
}

step('npm run build');
const npmCli = process.env.npm_execpath;
if (npmCli) run(process.execPath, [npmCli, 'run', 'build'], '`npm run build`');
else run('npm', ['run', 'build'], '`npm run build`');

step(`electron-builder ${flag}`);
const builder = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
run(process.execPath, [builder, flag, '--publish', 'never', ...process.argv.slice(2)], 'electron-builder');
console.log(`\n[dist] done: see ${path.join(ROOT, 'release')}`);
