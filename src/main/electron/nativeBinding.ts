import fs from 'node:fs';
import path from 'node:path';

// The Electron-ABI build of better-sqlite3 lives outside node_modules, which
// stays built for Node (docs/adr/0003). scripts/electron-native.mjs writes
// it; electron-builder.yml copies it into resources/native. A unit test
// checks that these names agree with the script's.
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';
export const NATIVE_BUILD_INFO_FILE = 'build-info.json';
export const NATIVE_CACHE_DIR = path.join('.cache', 'electron-native');
export const PACKAGED_NATIVE_DIR = 'native';

export interface NativeBindingLocation {
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath(): the project folder in development. */
  appPath: string;
  platform: string;
  arch: string;
}

/** Where the Electron build of better_sqlite3.node is: resources/native when packaged, else the project cache. */
export function electronNativeBindingPath(where: NativeBindingLocation): string {
  if (where.isPackaged) return path.join(where.resourcesPath, PACKAGED_NATIVE_DIR, NATIVE_BINDING_FILE);
  return path.join(where.appPath, NATIVE_CACHE_DIR, `${where.platform}-${where.arch}`, NATIVE_BINDING_FILE);
}

interface BuildInfo {
  electron?: string;
  abi?: string;
}

/**
 * Why the binding cannot be used by this Electron, as a sentence for the
 * user, or null when it looks right: missing, or (in development, where
 * build-info.json sits beside it) built for another Electron version.
 */
export function nativeBindingProblem(file: string, electronVersion: string): string | null {
  const fix = 'Run `npm start` (it builds it) or `node scripts/electron-native.mjs`.';
  if (!fs.existsSync(file)) return `The database driver built for Electron is missing (${file}). ${fix}`;
  const infoFile = path.join(path.dirname(file), NATIVE_BUILD_INFO_FILE);
  if (!fs.existsSync(infoFile)) return null;
  let info: BuildInfo;
  try {
    info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as BuildInfo;
  } catch {
    return `The database driver's build record is unreadable (${infoFile}). ${fix}`;
  }
  if (info.electron !== electronVersion) {
    return `The database driver was built for Electron ${info.electron ?? 'unknown'}, this is Electron ${electronVersion}. ${fix}`;
  }
  return null;
}
