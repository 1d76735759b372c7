// `npm start [-- --workspace DIR]`: the desktop app. Runs the set-up first
// when this clone has none (scripts/ensure-setup.mjs), fetches the Electron
// binary when missing (setup installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1),
// builds better-sqlite3 for Electron into .cache (docs/adr/0003), builds the
// app, then runs Electron on this folder with the given arguments. Where the
// Electron binary cannot be had, it serves the same app to a browser instead
// (the web host on 127.0.0.1, default workspace), prints its address and
// opens it in the system's browser when there is one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureElectronNative, ROOT } from './electron-native.mjs';
import { ensureSetup } from './ensure-setup.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const electronDir = path.join(ROOT, 'node_modules', 'electron');

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** True when node_modules/electron points at an unpacked binary. */
function electronBinaryPresent() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  try {
    const rel = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    return fs.existsSync(path.join(electronDir, 'dist', rel));
  } catch {
    return false;
  }
}

/** Why Electron cannot run here, or null when its binary is there (downloaded now if it was missing). */
function electronUnavailable() {
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return 'the electron package is not installed';
  if (electronBinaryPresent()) return null;
  console.log('Downloading the Electron binary (once)...');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: ROOT, env, stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0 || !electronBinaryPresent()) return 'the Electron binary could not be downloaded (no access to its download server?)';
  return null;
}

/** Why better-sqlite3 cannot be built for Electron, or null. */
function nativeModuleUnavailable() {
  try {
    ensureElectronNative({ root: ROOT });
    return null;
  } catch (e) {
    return `better-sqlite3 could not be prepared for Electron: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Opens a URL in the system's browser where there is one; quietly does nothing elsewhere. */
function openInBrowser(url) {
  const graphical = process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!graphical || process.env.DESIGNDESK_NO_BROWSER) return;
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** The same app in a browser: the web host on 127.0.0.1 with the given arguments (default workspace). */
function runWebHost(reason) {
  console.log(`\nElectron cannot run here (${reason}).\nStarting DesignDesk in your browser instead: the same app, served on 127.0.0.1.\n`);
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'main', 'web.cjs'), ...process.argv.slice(2)], { cwd: ROOT, stdio: ['inherit', 'pipe', 'inherit'] });
  let opened = false;
  let pending = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    pending += chunk.toString('utf8');
    const m = !opened && /open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(pending);
    if (m) {
      opened = true;
      openInBrowser(m[1]);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => fail(`The web host could not be started: ${e.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Newest modification time of the files under a folder (0 when it is missing). */
function newest(dir) {
  let latest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else latest = Math.max(latest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return latest;
}

/** True when dist/ was built after the last change to src/ and the build set-up: a second start skips the build. */
function buildIsFresh() {
  const outputs = ['dist/renderer/index.html', 'dist/main/web.cjs', 'dist/main/electron-main.cjs'].map((f) => path.join(ROOT, f));
  if (!outputs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const inputs = ['package-lock.json', 'vite.config.ts', 'scripts/build-main.mjs'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs);
  return Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'resources')), ...inputs) < built;
}

function buildApp() {
  if (buildIsFresh()) {
    console.log('The build in dist/ is newer than src/: not rebuilding.');
    return;
  }
  const npmCli = process.env.npm_execpath;
  const r = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('\n`npm run build` failed; see above.');
    process.exit(r.status ?? 1);
  }
}

function runElectron() {
  const electronPath = require('electron');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the binary into plain Node
  const child = spawn(electronPath, [ROOT, ...process.argv.slice(2)], { cwd: ROOT, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => fail(`Electron could not be started: ${e.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

ensureSetup();
const unavailable = process.env.DESIGNDESK_WEB ? 'DESIGNDESK_WEB is set' : (electronUnavailable() ?? nativeModuleUnavailable());
buildApp();
if (unavailable) runWebHost(unavailable);
else runElectron();
