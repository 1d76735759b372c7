import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../src/main/electron/appOrigin';
import { secureWebPreferences } from '../../../src/main/electron/webPreferences';
import { CHANNELS } from '../../../src/shared/contract';

// The desktop entry, run for real under Node against a stand-in for the
// 'electron' module (no Electron binary here): what it registers, in which
// order, and what the window gets. Any Electron API the shell uses and this
// stand-in does not know is a harmless no-op, so the test pins the security
// wiring without pinning everything else in electronMain.ts.

type Handler = (...args: unknown[]) => unknown;

const rec = vi.hoisted(() => ({
  ready: false,
  order: [] as string[],
  schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  schemesBeforeReady: false,
  handled: [] as string[],
  windows: [] as { opts: Record<string, unknown>; loaded: string[]; files: string[] }[],
  ipc: new Map<string, Handler>(),
  appEvents: new Map<string, Handler>(),
  permissions: {} as Record<string, Handler>,
  errors: [] as string[],
  paths: {} as Record<string, string>,
}));

vi.mock('electron', () => {
  /** A callable that answers every property and call with another such stub ("then" excepted, so it is not a thenable). */
  const stub = (): unknown =>
    new Proxy(function () {}, {
      get: (_t, prop) => (prop === 'then' || typeof prop === 'symbol' ? undefined : stub()),
      apply: () => stub(),
      construct: () => stub() as object,
    });
  const withFallback = <T extends object>(known: T): T => new Proxy(known, { get: (t, prop) => (prop in t ? (t as Record<string | symbol, unknown>)[prop] : stub()) });

  class FakeWindow {
    readonly record: { opts: Record<string, unknown>; loaded: string[]; files: string[] };
    readonly webContents = withFallback({ once: () => undefined, on: () => undefined, send: () => undefined });
    constructor(opts: Record<string, unknown>) {
      this.record = { opts, loaded: [], files: [] };
      rec.windows.push(this.record);
      rec.order.push('window');
      return withFallback(this);
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string): Promise<void> {
      this.record.files.push(file);
      return Promise.resolve();
    }
    once(): void {}
    on(): void {}
    static getAllWindows(): unknown[] {
      return rec.windows;
    }
  }

  const app = withFallback({
    isPackaged: true,
    name: 'DesignDesk',
    getPath: (name: string) => rec.paths[name] ?? rec.paths.userData,
    getAppPath: () => rec.paths.appPath,
    whenReady: () =>
      Promise.resolve().then(() => {
        rec.ready = true;
      }),
    requestSingleInstanceLock: () => true,
    on: (event: string, h: Handler) => void rec.appEvents.set(event, h),
    enableSandbox: () => void rec.order.push('enableSandbox'),
    setAsDefaultProtocolClient: () => true,
    exit: (code: number) => void rec.errors.push(`exit ${code}`),
    quit: () => undefined,
  });

  return {
    app,
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof rec.schemes) => {
        rec.schemes.push(...schemes);
        rec.schemesBeforeReady = !rec.ready;
        rec.order.push('registerSchemes');
      },
      handle: (scheme: string) => void rec.handled.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => void (rec.permissions.request = h),
        setPermissionCheckHandler: (h: Handler) => void (rec.permissions.check = h),
        setDevicePermissionHandler: (h: Handler) => void (rec.permissions.device = h),
      },
    },
    ipcMain: { handle: (channel: string, h: Handler) => void rec.ipc.set(channel, h), removeHandler: (channel: string) => void rec.ipc.delete(channel) },
    screen: withFallback({ getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }),
    dialog: withFallback({ showErrorBox: (_title: string, message: string) => void rec.errors.push(message) }),
    Menu: stub(),
    nativeTheme: stub(),
    shell: stub(),
    safeStorage: stub(),
    default: {},
  };
});

let base: string;
let savedResources: string | undefined;

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-electronmain-'));
  for (const name of ['userData', 'logs', 'home', 'appPath', 'resources', 'workspace']) fs.mkdirSync(path.join(base, name), { recursive: true });
  Object.assign(rec.paths, { userData: path.join(base, 'userData'), logs: path.join(base, 'logs'), home: path.join(base, 'home'), appPath: path.join(base, 'appPath') });
  // Packaged layout: resources/native/better_sqlite3.node (here the Node build, which Node can load).
  fs.mkdirSync(path.join(base, 'resources', 'native'));
  fs.copyFileSync(path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node'), path.join(base, 'resources', 'native', 'better_sqlite3.node'));
  savedResources = (process as { resourcesPath?: string }).resourcesPath;
  (process as { resourcesPath?: string }).resourcesPath = path.join(base, 'resources');
  vi.stubEnv('DESIGNDESK_WORKSPACE', path.join(base, 'workspace'));
  // The workers as `npm run build` bundles them (npm test builds before the tests): the backup on start runs in one.
  const workers = path.resolve('dist/main');
  if (!fs.existsSync(path.join(workers, 'restore-worker.cjs'))) throw new Error(`${workers}/restore-worker.cjs is missing: run \`npm run build:main\` (npm test builds first).`);
  vi.stubEnv('DESIGNDESK_WORKERS', workers);
  (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = '0.0.0-test';
  await import('../../../src/main/electron/electronMain');
  for (let i = 0; i < 50 && rec.windows.length === 0 && rec.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
});

afterAll(() => {
  rec.appEvents.get('will-quit')?.();
  expect(fs.existsSync(path.join(base, 'workspace', 'designdesk.lock'))).toBe(false);
  (process as { resourcesPath?: string }).resourcesPath = savedResources;
  vi.unstubAllEnvs();
  fs.rmSync(base, { recursive: true, force: true });
});

describe('electronMain (against a stand-in for electron)', () => {
  it('starts without an error and opens one window', () => {
    expect(rec.errors).toEqual([]);
    expect(rec.windows).toHaveLength(1);
  });

  it('gives the window exactly the webPreferences of secureWebPreferences(), DevTools off when packaged', () => {
    const prefs = rec.windows[0]!.opts.webPreferences as Record<string, unknown>;
    expect(prefs).toStrictEqual(secureWebPreferences({ preload: prefs.preload as string, isPackaged: true }));
    expect(prefs.devTools).toBe(false);
    expect(path.basename(prefs.preload as string)).toBe('preload.cjs');
    expect(path.isAbsolute(prefs.preload as string)).toBe(true);
  });

  it('loads app://designdesk/index.html, never a file', () => {
    const w = rec.windows[0]!;
    expect(w.loaded).toEqual([APP_ENTRY_URL]);
    expect(APP_ENTRY_URL.startsWith('app://')).toBe(true);
    expect(w.files).toEqual([]);
    const src = fs.readFileSync(path.resolve('src/main/electron/electronMain.ts'), 'utf8');
    expect(src).not.toMatch(/file:\/\/|loadFile\(|pathToFileURL/);
  });

  it('registers app:// as privileged before ready, serves it, and sandboxes every renderer', () => {
    expect(rec.schemes.map((s) => s.scheme)).toEqual(['app']);
    expect(rec.schemesBeforeReady).toBe(true);
    expect(rec.schemes[0]!.privileges).not.toHaveProperty('bypassCSP');
    expect(rec.handled).toEqual(['app']);
    expect(rec.order.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(rec.order.indexOf('enableSandbox')).toBeLessThan(rec.order.indexOf('window'));
  });

  it('installs default-deny permission handlers on the session', () => {
    const answers: boolean[] = [];
    rec.permissions.request!(null, 'media', (b: boolean) => answers.push(b), { requestingUrl: APP_ENTRY_URL });
    rec.permissions.request!(null, 'geolocation', (b: boolean) => answers.push(b), { requestingUrl: APP_ENTRY_URL });
    expect(answers).toEqual([false, false]);
    expect(rec.permissions.check!(null, 'notifications', 'app://designdesk')).toBe(false);
    expect(rec.permissions.device!()).toBe(false);
  });

  it('registers one IPC handler per contract channel and nothing else, each checking its sender', async () => {
    expect([...rec.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
    const foreign = await rec.ipc.get('docs:list')!({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const own = await rec.ipc.get('app:info')!({ senderFrame: { url: APP_ENTRY_URL, parent: null } }, {});
    expect(own).toMatchObject({ ok: true, value: { bridge: 'electron', version: '0.0.0-test' } });
  });

  it('holds the workspace lock as the desktop app and backs the database up on start (released on quit)', async () => {
    const ws = path.join(base, 'workspace');
    expect(JSON.parse(fs.readFileSync(path.join(ws, 'designdesk.lock'), 'utf8'))).toMatchObject({ owner: 'desktop', pid: process.pid });
    for (let i = 0; i < 100 && !fs.existsSync(path.join(ws, 'backups')); i++) await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 100 && fs.readdirSync(path.join(ws, 'backups')).filter((f) => f.endsWith('.sqlite')).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.readdirSync(path.join(ws, 'backups')).filter((f) => /^designdesk-.*\.sqlite$/.test(f))).toHaveLength(1);
  });

  it('hardens every web contents: navigation away and new windows are refused', () => {
    const handlers = new Map<string, Handler>();
    let windowOpen: Handler | undefined;
    rec.appEvents.get('web-contents-created')!({}, { on: (e: string, h: Handler) => handlers.set(e, h), setWindowOpenHandler: (h: Handler) => (windowOpen = h) });
    const nav = { url: 'https://evil.example/', prevented: false, preventDefault() { this.prevented = true; } };
    handlers.get('will-navigate')!(nav);
    expect(nav.prevented).toBe(true);
    expect(windowOpen!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handlers.has('will-attach-webview')).toBe(true);
  });
});
