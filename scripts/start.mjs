// `npm start [-- --workspace DIR]`: the desktop app. Fetches the Electron
// binary when missing (setup installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1),
// builds better-sqlite3 for Electron into .cache (docs/adr/0003), builds the
// app, then runs Electron on this folder with the given arguments.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureElectronNative, ROOT } from './electron-native.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const electronDir = path.join(ROOT, 'node_modules', 'electron');
const WEB_HINT = 'Without Electron you can still use DesignDesk in a browser: npm run web';

function fail(message) {
  console.error(`\n${message}\n${WEB_HINT}\n`);
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

function ensureElectronBinary() {
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) fail('The electron package is not installed. Run `npm install` first.');
  if (electronBinaryPresent()) return;
  console.log('Downloading the Electron binary (once)...');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: ROOT, env, stdio: 'inherit' });
  if (r.status !== 0 || !electronBinaryPresent()) {
    fail('The Electron binary could not be downloaded (no access to its download server?).');
  }
}

function ensureNativeModule() {
  try {
    ensureElectronNative({ root: ROOT });
  } catch (e) {
    fail(`better-sqlite3 could not be prepared for Electron: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function buildApp() {
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

ensureElectronBinary();
ensureNativeModule();
buildApp();
runElectron();
