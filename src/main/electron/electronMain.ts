// The desktop entry (bundled to dist/main/electron-main.cjs). Only wiring:
// every decision lives in a small, unit-tested module beside this one.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import path from 'node:path';
import { createApp, type App } from '../app';
import { resolveWorkspace } from '../workspace';
import { APP_ENTRY_URL } from './appOrigin';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { bindIpc } from './ipcBinding';
import { electronNativeBindingPath, nativeBindingProblem } from './nativeBinding';
import { hardenWebContents, lockSessionPermissions } from './navigation';
import { printFocusedToPdf } from './printToPdf';
import { secureWebPreferences } from './webPreferences';

declare const __APP_VERSION__: string;

let core: App | undefined;
let unbindIpc: (() => void) | undefined;
let mainWindow: BrowserWindow | undefined;

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[designdesk] could not start: ${message}`);
  dialog.showErrorBox('DesignDesk could not start', message);
  app.exit(1);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'DesignDesk',
    webPreferences: secureWebPreferences({ preload: path.join(__dirname, 'preload.cjs'), isPackaged: app.isPackaged }),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => console.error('[designdesk] the window could not load:', e));
  return win;
}

function start(): void {
  // Electron's userData for productName "DesignDesk" is workspace.ts's appDataDir,
  // so the desktop app, the web host and the CLI find the same workspace.
  const workspaceDir = resolveWorkspace({ argv: process.argv.slice(1), env: process.env, platform: process.platform, home: app.getPath('home') });
  const nativeBinding = electronNativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
  });
  const problem = nativeBindingProblem(nativeBinding, process.versions.electron);
  if (problem) throw new Error(problem);

  core = createApp({
    workspaceDir,
    bridge: 'electron',
    version: __APP_VERSION__,
    nativeBinding,
    platform: { printToPdf: printFocusedToPdf },
    dispatch: { onInternalError: (channel, e) => console.error(`[designdesk] ${channel} failed:`, e) },
  });
  lockSessionPermissions(session.defaultSession);
  handleAppProtocol(protocol, path.join(__dirname, '..', 'renderer'));
  unbindIpc = bindIpc(ipcMain, core.dispatch);
  mainWindow = createWindow();
}

function shutdown(): void {
  unbindIpc?.();
  unbindIpc = undefined;
  core?.close();
  core = undefined;
}

registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another DesignDesk owns the workspace database; it gets focused instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', shutdown);
  app.whenReady().then(start).catch(fatal);
}
