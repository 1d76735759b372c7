// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/<platform>-<arch>/,
// leaving node_modules/better-sqlite3 built for Node (docs/adr/0003).
//   node scripts/electron-native.mjs [--force] [--from-source]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';
export const NATIVE_BUILD_INFO_FILE = 'build-info.json';
export const NATIVE_CACHE_DIR = path.join('.cache', 'electron-native');
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** The folder holding the Electron build for one platform and architecture. */
export function nativeCacheDir(root, platform = process.platform, arch = process.arch) {
  return path.join(root, NATIVE_CACHE_DIR, `${platform}-${arch}`);
}

/** The NODE_MODULE_VERSION a compiled addon was built for, read from its register symbol; null if none. */
export function abiOfBinary(file) {
  const text = fs.readFileSync(file).toString('latin1');
  const m = /node_register_module_v(\d+)/.exec(text);
  return m ? m[1] : null;
}

/**
 * The environment for the native build. npm exports its config as npm_config_*
 * and node-gyp lets those override its own flags, so a `nodedir=/usr` in an
 * .npmrc would silently build against Node's headers (ABI 115). Drop every key
 * that chooses headers or a target.
 */
export function buildEnv(env) {
  const drop = /^npm_config_(nodedir|target|target_arch|arch|platform|runtime|dist_url|disturl|devdir|build_from_source|libc)$/i;
  return Object.fromEntries(Object.entries(env).filter(([k]) => !drop.test(k) && k !== 'ELECTRON_RUN_AS_NODE'));
}

/** Versions the cached build must match, read from node_modules. */
export function wantedBuild(root = ROOT) {
  const read = (p) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', p, 'package.json'), 'utf8'));
  const electron = read('electron').version;
  const abiFile = path.join(root, 'node_modules', 'electron', 'abi_version');
  const abi = fs.existsSync(abiFile) ? fs.readFileSync(abiFile, 'utf8').trim() : null;
  return { electron, abi, betterSqlite3: read('better-sqlite3').version };
}

/** True when the cache holds a build for exactly these versions. */
export function isUpToDate(dir, wanted) {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dir, NATIVE_BUILD_INFO_FILE), 'utf8'));
    return (
      fs.existsSync(path.join(dir, NATIVE_BINDING_FILE)) &&
      info.electron === wanted.electron &&
      info.betterSqlite3 === wanted.betterSqlite3 &&
      (wanted.abi === null || info.abi === wanted.abi)
    );
  } catch {
    return false;
  }
}

function run(cmd, args, cwd, log) {
  log(`> ${path.basename(cmd)} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, env: buildEnv(process.env), stdio: 'inherit' });
  return r.status === 0;
}

function stage(root, buildDir) {
  const pkg = path.join(root, 'node_modules', 'better-sqlite3');
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.mkdirSync(buildDir, { recursive: true });
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
    fs.cpSync(path.join(pkg, entry), path.join(buildDir, entry), { recursive: true });
  }
  return createRequire(path.join(pkg, 'package.json'));
}

function nodeGypScript(root) {
  try {
    return createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // npm ships its own node-gyp next to its CLI.
    const npmCli = process.env.npm_execpath;
    const bundled = npmCli && path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (bundled && fs.existsSync(bundled)) return bundled;
    throw new Error('node-gyp not found: add it as a devDependency or run through npm.');
  }
}

/** Stages better-sqlite3's sources in buildDir, builds them for Electron there, returns the verified ABI. */
function buildInto(root, buildDir, wanted, fromSource, log) {
  const built = path.join(buildDir, 'build', 'Release', NATIVE_BINDING_FILE);
  const pkgRequire = stage(root, buildDir);
  const abiOk = () => fs.existsSync(built) && (wanted.abi === null || abiOfBinary(built) === wanted.abi);
  const flags = [`--target=${wanted.electron}`, `--arch=${process.arch}`];
  if (!fromSource) {
    const prebuild = pkgRequire.resolve('prebuild-install/bin.js');
    run(process.execPath, [prebuild, '--runtime=electron', ...flags, `--platform=${process.platform}`, '--verbose'], buildDir, log);
  }
  if (!abiOk()) {
    const devdir = path.join(os.homedir(), '.electron-gyp');
    const gypArgs = [nodeGypScript(root), 'rebuild', '--release', ...flags, `--dist-url=${ELECTRON_HEADERS_URL}`, `--devdir=${devdir}`, '--jobs=max'];
    if (!run(process.execPath, gypArgs, buildDir, log)) {
      throw new Error("node-gyp could not build better-sqlite3 for Electron (it needs Electron's headers from electronjs.org and a C++20 compiler).");
    }
  }
  if (!fs.existsSync(built)) throw new Error(`The build produced no ${NATIVE_BINDING_FILE}.`);
  const abi = abiOfBinary(built);
  if (wanted.abi !== null && abi !== wanted.abi) {
    throw new Error(`The build targets ABI ${abi}, Electron ${wanted.electron} needs ${wanted.abi}; refusing it.`);
  }
  return abi;
}

/**
 * Makes sure the Electron build exists and matches the installed electron and
 * better-sqlite3; returns its path. Tries better-sqlite3's prebuilt download
 * first, then compiles with node-gyp against Electron's headers; refuses any
 * result whose ABI is not Electron's.
 */
export function ensureElectronNative({ root = ROOT, force = false, fromSource = false, log = console.log } = {}) {
  const wanted = wantedBuild(root);
  const dir = nativeCacheDir(root);
  const target = path.join(dir, NATIVE_BINDING_FILE);
  if (!force && isUpToDate(dir, wanted)) return target;

  log(`Building better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} (ABI ${wanted.abi ?? '?'}) in ${path.relative(root, dir)}`);
  const buildDir = path.join(root, NATIVE_CACHE_DIR, `.build-${process.platform}-${process.arch}`);
  try {
    const abi = buildInto(root, buildDir, wanted, fromSource, log);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(buildDir, 'build', 'Release', NATIVE_BINDING_FILE), `${target}.tmp`);
    fs.renameSync(`${target}.tmp`, target);
    const info = { ...wanted, abi, platform: process.platform, arch: process.arch, builtAt: new Date().toISOString() };
    fs.writeFileSync(path.join(dir, NATIVE_BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
  log(`Electron build of better-sqlite3 ready: ${path.relative(root, target)}`);
  return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureElectronNative({ force: process.argv.includes('--force'), fromSource: process.argv.includes('--from-source') });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
