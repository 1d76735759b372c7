import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { icnsEntries, icoEntries, pngFileSize } from '../../support/images';

// Packaging cannot run here (no Electron download): this checks the
// configuration `npm run dist` hands to electron-builder, with
// electron-builder's own schema and by reading the icon files' headers.
const ROOT = path.resolve(__dirname, '../../..');
const require = createRequire(path.join(ROOT, 'package.json'));
interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  asar: boolean;
  npmRebuild: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string }[];
  protocols: { name: string; schemes: string[] }[];
  linux: { target: string[]; icon: string; maintainer: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string };
}
const config = YAML.parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { productName: string; homepage: string; main: string; author: { email: string }; scripts: Record<string, string> };
const at = (rel: string): string => path.join(ROOT, rel);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator is not vacuous: an unknown key is refused.
    await expect(validateConfiguration({ ...config, bogusKey: 1 }, new DebugLogger(false))).rejects.toThrow(/bogusKey/);
  });

  it('names the app and lists the installers of every platform', () => {
    expect(config.appId).toBe('dev.designdesk.app');
    expect(config.productName).toBe('DesignDesk');
    expect(pkg.productName).toBe('DesignDesk');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis']));
    // deb refuses to build without these.
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author.email).toMatch(/@/);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
  });

  it('packs an asar of an allow-list, with hardening fuses and no in-place native rebuild', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**', 'dist/renderer/**', '!node_modules/**']));
    expect(config.files.filter((f) => !f.startsWith('!')).every((f) => f === 'package.json' || f.startsWith('dist/') || f.startsWith('node_modules/better-sqlite3/'))).toBe(true);
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const native = config.extraResources.find((r) => r.to === 'native/better_sqlite3.node');
    expect(native?.from).toBe('.cache/electron-native/${platform}-${arch}/better_sqlite3.node');
  });

  it('registers the designdesk:// scheme for deep links', () => {
    expect(config.protocols).toEqual(expect.arrayContaining([expect.objectContaining({ schemes: ['designdesk'] })]));
  });
});

describe('the icons', () => {
  it('are rendered from the SVG source, and every file the config names exists', () => {
    expect(fs.readFileSync(at('resources/icon.svg'), 'utf8')).toContain('<svg');
    for (const rel of [config.icon, config.mac.icon, config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon, config.linux.icon]) {
      expect(fs.existsSync(at(rel)), rel).toBe(true);
    }
    for (const r of config.extraResources.filter((x) => x.from.startsWith('resources/'))) expect(fs.existsSync(at(r.from)), r.from).toBe(true);
  });

  it('Linux: a folder of square PNGs named by their real size, 16 to 512 at least', () => {
    const dir = at(config.linux.icon);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
    const sizes = files.map((f) => {
      const m = /^(\d+)x(\d+)\.png$/.exec(f)!;
      expect(m, f).not.toBeNull();
      expect(pngFileSize(path.join(dir, f)), f).toEqual({ width: Number(m[1]), height: Number(m[2]) });
      return Number(m[1]);
    });
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256, 512]));
  });

  it('the generic icon is a square PNG of at least 512 px (electron-builder needs 512 for macOS)', () => {
    const { width, height } = pngFileSize(at(config.icon));
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('Windows: an .ico holding 16 to 256 px, each entry the size its directory says', () => {
    const entries = icoEntries(fs.readFileSync(at(config.win.icon)));
    for (const e of entries) expect(e.png).toEqual({ width: e.declared, height: e.declared });
    expect(entries.map((e) => e.declared)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('macOS: an .icns whose entries hold PNGs of the size their type means', () => {
    const SIZE: Record<string, number> = { icp4: 16, icp5: 32, ic11: 32, ic12: 64, ic07: 128, ic08: 256, ic13: 256, ic09: 512, ic14: 512, ic10: 1024 };
    const entries = icnsEntries(fs.readFileSync(at(config.mac.icon)));
    for (const e of entries) expect(e.png, e.type).toEqual({ width: SIZE[e.type], height: SIZE[e.type] });
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('are the current render of the SVG (rendering it again gives the same bytes)', async () => {
    const { Resvg } = (await import('@resvg/resvg-js')) as typeof import('@resvg/resvg-js');
    const svg = fs.readFileSync(at('resources/icon.svg'));
    for (const n of [32, 256]) {
      const png = Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: n }, background: 'rgba(0,0,0,0)' }).render().asPng());
      expect(png.equals(fs.readFileSync(at(`resources/icons/${n}x${n}.png`))), `${n}x${n}.png is stale: run node scripts/icons.mjs`).toBe(true);
    }
  });
});

describe('scripts/dist.mjs', () => {
  it('builds the native module, the app, then the current platform with electron-builder', () => {
    const text = fs.readFileSync(at('scripts/dist.mjs'), 'utf8');
    const order = ['ensureElectronNative({', "'run', 'build']", "'electron-builder', 'cli.js'"].map((s) => text.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain("linux: '--linux', darwin: '--mac', win32: '--win'");
    expect(text).toContain("'--publish', 'never'");
  });
});
