// The desktop entry (bundled to dist/main/electron-main.cjs). Only wiring:
// every decision lives in a small, unit-tested module beside this one.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import path from 'node:path';
import { MENU_COMMAND_EVENT, type MenuCommand } from '../../shared/menuCommands';
import { createApp, type App } from '../app';
import { createLogger, type Logger } from '../log/logger';
import { resolveWorkspace } from '../workspace';
import { APP_ENTRY_URL } from './appOrigin';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink } from './deepLink';
import { loadChosenWorkspace } from './desktopPrefs';
import { bindIpc } from './ipcBinding';
import { buildMenuTemplate } from './menu';
import { electronNativeBindingPath, nativeBindingProblem } from './nativeBinding';
import { proxyFromPac } from '../sync/httpProxy';
import { hardenWebContents, lockSessionPermissions } from './navigation';
import { printFocusedToPdf } from './printToPdf';
import { SafeStorageSecretStore } from './safeStorageSecretStore';
import { chooseWorkspaceFolder, showAbout } from './shellActions';
import { secureWebPreferences } from './webPreferences';
import { fitWindowState, loadWindowState, saveWindowState } from './windowState';

/**
 * The worker bundles (sync, publish, backups, health): beside this bundle in dist/main. DESIGNDESK_WORKERS names
 * another folder, for running this file from source against a built dist/main (tests/unit/electron/electronMain.test.ts).
 */
const WORKERS = process.env.DESIGNDESK_WORKERS ?? __dirname;

declare const __APP_VERSION__: string;

let core: App | undefined;
let unbindIpc: (() => void) | undefined;
let mainWindow: BrowserWindow | undefined;
let log: Logger | undefined;
let workspaceDir = '';
/** A designdesk:// link that arrived before the window existed (macOS open-url at launch). */
let pendingLink: string | undefined;

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[designdesk] could not start: ${message}`);
  log?.error('could not start', error);
  dialog.showErrorBox('DesignDesk could not start', message);
  app.exit(1);
}

/** Sends a menu command or a link to the window (the preload holds it until the page listens). */
function sendToWindow(command: MenuCommand): void {
  const win = mainWindow ?? (core ? (mainWindow = createWindow()) : undefined);
  if (!win) return;
  win.webContents.send(MENU_COMMAND_EVENT, command);
  if (win.isMinimized()) win.restore();
  win.focus();
}

function openLink(target: string | undefined): void {
  if (!target) return;
  if (mainWindow) sendToWindow({ type: 'open', target });
  else pendingLink = target;
}

function createWindow(): BrowserWindow {
  const userData = app.getPath('userData');
  const bounds = fitWindowState(
    loadWindowState(userData),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'DesignDesk',
    // Linux shows this in the task bar; macOS and Windows take the bundle's icon.
    ...(process.platform === 'linux' ? { icon: app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(app.getAppPath(), 'resources', 'icons', '512x512.png') } : {}),
    webPreferences: secureWebPreferences({ preload: path.join(__dirname, 'preload.cjs'), isPackaged: app.isPackaged }),
  });
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => saveWindowState(userData, { ...win.getNormalBounds(), maximized: win.isMaximized() }));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  win.webContents.once('did-finish-load', () => {
    const target = pendingLink;
    pendingLink = undefined;
    if (target) win.webContents.send(MENU_COMMAND_EVENT, { type: 'open', target } satisfies MenuCommand);
  });
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => log?.error('the window could not load', e));
  return win;
}

function start(): void {
  // Electron's userData for productName "DesignDesk" is workspace.ts's appDataDir,
  // so the desktop app, the web host and the CLI find the same workspace.
  app.setAppLogsPath();
  log = createLogger({ dir: app.getPath('logs'), echo: !app.isPackaged });
  // --workspace and DESIGNDESK_WORKSPACE win over a folder picked in the app (desktop:chooseWorkspace).
  const chosen = loadChosenWorkspace(app.getPath('userData'));
  const env = chosen && !process.env.DESIGNDESK_WORKSPACE ? { ...process.env, DESIGNDESK_WORKSPACE: chosen } : process.env;
  workspaceDir = resolveWorkspace({ argv: process.argv.slice(1), env, platform: process.platform, home: app.getPath('home') });
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
    offerFirstRun: true,
    platform: {
      printToPdf: printFocusedToPdf,
      setTheme: (theme) => {
        nativeTheme.themeSource = theme;
      },
      chooseWorkspace: () => chooseWorkspaceFolder(mainWindow, app.getPath('userData'), workspaceDir),
    },
    secrets: new SafeStorageSecretStore(path.join(workspaceDir, 'secrets.safe.json')),
    lock: 'desktop',
    syncWorker: { script: path.join(WORKERS, 'sync-worker.cjs') },
    publishWorker: { script: path.join(WORKERS, 'publish-worker.cjs') },
    restoreWorker: { script: path.join(WORKERS, 'restore-worker.cjs') },
    healthWorker: { script: path.join(WORKERS, 'health-worker.cjs') },
    // The system's proxy settings (PAC included), for a sync that no proxy variable decides.
    systemProxy: async (url) => proxyFromPac(await session.defaultSession.resolveProxy(url)),
    backups: { onError: (e) => log?.error('automatic backup failed', e) },
    dispatch: { onInternalError: (channel, e) => log?.error(`${channel} failed`, e) },
  });
  log.info(`started ${__APP_VERSION__} on ${workspaceDir}`);
  const logDir = log.dir;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        { platform: process.platform, appName: app.name, isPackaged: app.isPackaged },
        {
          send: sendToWindow,
          openLogsFolder: () => void shell.openPath(logDir),
          showAbout: () => showAbout(mainWindow, { version: __APP_VERSION__, workspace: workspaceDir, logs: logDir }),
        },
      ),
    ),
  );
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
// designdesk://open/RFC-12 (electron-builder.yml registers the scheme when installed).
if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
pendingLink = deepLinkFromArgv(process.argv)?.target;

if (!app.requestSingleInstanceLock()) {
  // Another DesignDesk owns the workspace database; it gets focused instead.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    // Windows and Linux start a second instance for a clicked designdesk:// link.
    openLink(deepLinkFromArgv(argv)?.target);
  });
  // macOS delivers links as an event, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(parseDeepLink(url)?.target);
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
