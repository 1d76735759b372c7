import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureElectronNative, nativeCacheDir } from '../../../scripts/electron-native.mjs';

// A throwaway project whose node-gyp is a stub: it records how it was called
// and writes the addon the test asks for (Node's ABI, or Electron's).
const STUB_GYP = `
const fs = require('node:fs');
const path = require('node:path');
fs.writeFileSync(process.env.DD_STUB_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), nodedir: process.env.npm_config_nodedir ?? null }));
fs.mkdirSync('build/Release', { recursive: true });
fs.writeFileSync('build/Release/better_sqlite3.node', '\\0node_register_module_v' + process.env.DD_STUB_ABI + '\\0');
`;

function fakeProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-native-build-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('package.json', '{"name":"fake"}');
  write('node_modules/electron/package.json', '{"name":"electron","version":"45.5.0"}');
  write('node_modules/electron/abi_version', '150');
  write('node_modules/better-sqlite3/package.json', '{"name":"better-sqlite3","version":"12.6.2"}');
  write('node_modules/better-sqlite3/binding.gyp', '{}');
  write('node_modules/better-sqlite3/src/better_sqlite3.cpp', '');
  write('node_modules/better-sqlite3/deps/sqlite3.gyp', '{}');
  write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'the Node build');
  write('node_modules/node-gyp/package.json', '{"name":"node-gyp","version":"12.4.0"}');
  write('node_modules/node-gyp/bin/node-gyp.js', STUB_GYP);
  return root;
}

describe('ensureElectronNative (with a stub node-gyp)', () => {
  let root: string;
  const touched = ['DD_STUB_RECORD', 'DD_STUB_ABI', 'npm_config_nodedir'];
  beforeEach(() => {
    root = fakeProject();
    process.env.DD_STUB_RECORD = path.join(root, 'record.json');
    process.env.npm_config_nodedir = '/usr'; // what `npm start` exports on these machines
  });
  afterEach(() => {
    for (const k of touched) delete process.env[k];
    fs.rmSync(root, { recursive: true, force: true });
  });
  const record = () => JSON.parse(fs.readFileSync(path.join(root, 'record.json'), 'utf8'));

  it("builds against Electron's headers into the cache, never touching node_modules", () => {
    process.env.DD_STUB_ABI = '150';
    const file = ensureElectronNative({ root, fromSource: true, log: () => undefined });
    expect(file).toBe(path.join(nativeCacheDir(root), 'better_sqlite3.node'));
    const r = record();
    expect(r.nodedir).toBeNull();
    expect(r.argv).toEqual(expect.arrayContaining(['rebuild', '--release', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']));
    expect(r.cwd).not.toContain('node_modules');
    const info = JSON.parse(fs.readFileSync(path.join(nativeCacheDir(root), 'build-info.json'), 'utf8'));
    expect(info).toMatchObject({ electron: '45.5.0', abi: '150', betterSqlite3: '12.6.2' });
    expect(fs.readFileSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe('the Node build');
    expect(fs.readdirSync(path.join(root, '.cache', 'electron-native'))).toEqual([path.basename(nativeCacheDir(root))]);

    fs.rmSync(path.join(root, 'record.json'));
    expect(ensureElectronNative({ root, fromSource: true, log: () => undefined })).toBe(file);
    expect(fs.existsSync(path.join(root, 'record.json'))).toBe(false); // up to date: no rebuild
  });

  it("refuses a build that came out with Node's ABI (the nodedir=/usr trap)", () => {
    process.env.DD_STUB_ABI = '115';
    expect(() => ensureElectronNative({ root, fromSource: true, log: () => undefined })).toThrow(/ABI 115.*needs 150/);
    expect(fs.existsSync(path.join(nativeCacheDir(root), 'better_sqlite3.node'))).toBe(false);
    expect(fs.readdirSync(path.join(root, '.cache', 'electron-native'))).toEqual([]);
  });
});
