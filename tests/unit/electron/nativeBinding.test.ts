import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  NATIVE_BINDING_FILE,
  NATIVE_BUILD_INFO_FILE,
  NATIVE_CACHE_DIR,
  PACKAGED_NATIVE_DIR,
  electronNativeBindingPath,
  nativeBindingProblem,
} from '../../../src/main/electron/nativeBinding';
import * as script from '../../../scripts/electron-native.mjs';

const temps: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-native-'));
  temps.push(d);
  return d;
}
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('where Electron finds its better-sqlite3 build', () => {
  it('uses resources/native when packaged and the project cache in development', () => {
    const base = { resourcesPath: '/opt/DesignDesk/resources', appPath: '/home/u/designdesk', platform: 'linux', arch: 'x64' };
    expect(electronNativeBindingPath({ ...base, isPackaged: true })).toBe('/opt/DesignDesk/resources/native/better_sqlite3.node');
    expect(electronNativeBindingPath({ ...base, isPackaged: false })).toBe('/home/u/designdesk/.cache/electron-native/linux-x64/better_sqlite3.node');
  });

  it('agrees with the build script and electron-builder.yml', async () => {
    expect([NATIVE_BINDING_FILE, NATIVE_BUILD_INFO_FILE, NATIVE_CACHE_DIR]).toEqual([script.NATIVE_BINDING_FILE, script.NATIVE_BUILD_INFO_FILE, script.NATIVE_CACHE_DIR]);
    const dev = electronNativeBindingPath({ isPackaged: false, resourcesPath: '', appPath: '/p', platform: 'darwin', arch: 'arm64' });
    expect(dev).toBe(path.join(script.nativeCacheDir('/p', 'darwin', 'arm64'), script.NATIVE_BINDING_FILE));

    const { parse } = await import('yaml');
    const builder = parse(fs.readFileSync(path.join(script.ROOT, 'electron-builder.yml'), 'utf8'));
    // The native build ships as an extra resource (beside the Linux window icon, which is not native).
    expect(builder.extraResources.filter((r: { from: string }) => r.from.endsWith('.node'))).toEqual([
      { from: `${NATIVE_CACHE_DIR}/\${platform}-\${arch}/${NATIVE_BINDING_FILE}`, to: `${PACKAGED_NATIVE_DIR}/${NATIVE_BINDING_FILE}` },
    ]);
    expect(builder).toMatchObject({ appId: 'dev.designdesk.app', productName: 'DesignDesk', asar: true, npmRebuild: false, directories: { output: 'release' } });
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(builder.files).toContain('!node_modules/**');
    expect(builder.files).toContain('node_modules/better-sqlite3/lib/**');
  });
});

describe('nativeBindingProblem', () => {
  it('explains a missing build and points at the fix', () => {
    const msg = nativeBindingProblem(path.join(tempDir(), NATIVE_BINDING_FILE), '45.5.0');
    expect(msg).toMatch(/missing/);
    expect(msg).toMatch(/npm start/);
  });

  it('refuses a build recorded for another Electron, accepts the right one', () => {
    const dir = tempDir();
    const file = path.join(dir, NATIVE_BINDING_FILE);
    fs.writeFileSync(file, 'x');
    expect(nativeBindingProblem(file, '45.5.0')).toBeNull(); // packaged: no build record
    fs.writeFileSync(path.join(dir, NATIVE_BUILD_INFO_FILE), JSON.stringify({ electron: '44.0.0', abi: '147' }));
    expect(nativeBindingProblem(file, '45.5.0')).toMatch(/built for Electron 44\.0\.0, this is Electron 45\.5\.0/);
    fs.writeFileSync(path.join(dir, NATIVE_BUILD_INFO_FILE), JSON.stringify({ electron: '45.5.0', abi: '150' }));
    expect(nativeBindingProblem(file, '45.5.0')).toBeNull();
    fs.writeFileSync(path.join(dir, NATIVE_BUILD_INFO_FILE), '{not json');
    expect(nativeBindingProblem(file, '45.5.0')).toMatch(/unreadable/);
  });
});

describe('electron-native script helpers', () => {
  it("reads a compiled addon's ABI: the Node build in node_modules is Node's, not Electron's", () => {
    const nodeBuild = path.join(script.ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(script.abiOfBinary(nodeBuild)).toBe(process.versions.modules);
    expect(script.abiOfBinary(nodeBuild)).not.toBe(script.wantedBuild().abi);
    const f = path.join(tempDir(), 'x.node');
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.from('\0node_register_module_v150\0')]));
    expect(script.abiOfBinary(f)).toBe('150');
    fs.writeFileSync(f, 'napi_register_module_v1');
    expect(script.abiOfBinary(f)).toBeNull();
  });

  it('knows the pinned Electron and its ABI', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(script.ROOT, 'package.json'), 'utf8'));
    const wanted = script.wantedBuild();
    expect(wanted.electron).toBe(pkg.devDependencies.electron);
    expect(wanted.abi).toMatch(/^\d+$/);
    expect(wanted.betterSqlite3).toBe(pkg.dependencies['better-sqlite3']);
  });

  it('drops npm config that would point node-gyp at Node headers, keeps the rest', () => {
    const env = script.buildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.0.0',
      npm_config_dist_url: 'https://nodejs.org/dist',
      npm_config_runtime: 'node',
      npm_config_proxy: 'http://proxy:3128',
      ELECTRON_RUN_AS_NODE: '1',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_proxy: 'http://proxy:3128' });
  });

  it('treats the cache as current only for the same Electron, ABI and better-sqlite3', () => {
    const dir = tempDir();
    const wanted = { electron: '45.5.0', abi: '150', betterSqlite3: '12.6.2' };
    expect(script.isUpToDate(dir, wanted)).toBe(false);
    fs.writeFileSync(path.join(dir, NATIVE_BUILD_INFO_FILE), JSON.stringify(wanted));
    expect(script.isUpToDate(dir, wanted)).toBe(false); // no binary yet
    fs.writeFileSync(path.join(dir, NATIVE_BINDING_FILE), 'x');
    expect(script.isUpToDate(dir, wanted)).toBe(true);
    expect(script.isUpToDate(dir, { ...wanted, electron: '46.0.0' })).toBe(false);
    expect(script.isUpToDate(dir, { ...wanted, betterSqlite3: '12.7.0' })).toBe(false);
    expect(script.isUpToDate(dir, { ...wanted, abi: '151' })).toBe(false);
  });
});
