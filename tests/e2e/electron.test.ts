import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/contract';
import { MENU_COMMAND_EVENT } from '../../src/shared/menuCommands';

// The desktop app itself, driven by Playwright's Electron support. It needs
// an Electron binary (node_modules/electron/dist, which `npm start` downloads),
// better-sqlite3 built for Electron (.cache/electron-native, see docs/adr/0003),
// the built app (dist/) and, on Linux, a display. Where any is missing the
// test is skipped and says which.
const ROOT = path.resolve(__dirname, '../..');

function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
  try {
    const rel = fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'path.txt'), 'utf8').trim();
    const bin = path.join(ROOT, 'node_modules', 'electron', 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function whyUnavailable(): string | null {
  if (!electronBinary()) return 'no Electron binary in node_modules/electron/dist (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; `npm start` downloads it where the network allows)';
  if (!fs.existsSync(path.join(ROOT, '.cache', 'electron-native', `${process.platform}-${process.arch}`, 'better_sqlite3.node'))) {
    return 'better-sqlite3 is not built for Electron (run `node scripts/electron-native.mjs`, which needs Electron headers)';
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main', 'electron-main.cjs'))) return 'the app is not built (run `npm run build`)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display on this Linux machine (run the tests under xvfb-run)';
  return null;
}

const reason = whyUnavailable();
const electronAvailable = reason === null;
if (!electronAvailable) console.log(`[electron e2e] skipped: ${reason}`);

let app: ElectronApplication;
let page: Page;
let workspace: string;

describe('the desktop app (Electron)', () => {
  beforeAll(async () => {
    if (!electronAvailable) return;
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-electron-'));
    // ELECTRON_RUN_AS_NODE would turn the binary into plain Node.
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'ELECTRON_RUN_AS_NODE'));
    app = await _electron.launch({ executablePath: electronBinary()!, args: [ROOT, '--workspace', workspace], env, cwd: ROOT });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    if (!electronAvailable) return;
    await app?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it.skipIf(!electronAvailable)('launches on a new workspace into the first-run guide, which can be skipped', async () => {
    await page.getByRole('heading', { name: 'Set up your workspace' }).waitFor();
    // The desktop offers a folder picker for the workspace.
    expect(await page.getByRole('button', { name: 'Choose another folder…' }).isVisible()).toBe(true);
    expect(await page.locator('.workspace-path code').innerText()).toBe(workspace);
    await page.getByRole('button', { name: 'Skip setup' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  });

  it.skipIf(!electronAvailable)('keeps Node out of the page and exposes exactly the contract methods plus onMenuCommand', async () => {
    expect(await page.evaluate('[typeof require, typeof process, typeof module, typeof Buffer]')).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    const keys = await page.evaluate(() => Object.keys((window as unknown as { designdesk: object }).designdesk).sort());
    expect(keys).toEqual([...CHANNELS, 'onMenuCommand'].sort());
    expect(await page.evaluate(() => Object.isFrozen((window as unknown as { designdesk: object }).designdesk))).toBe(true);
    expect(page.url()).toMatch(/^app:\/\/designdesk\//);
  });

  it.skipIf(!electronAvailable)('creates a document from the page, and another from the application menu', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'New RFC', exact: true }).click();
    await page.getByRole('article', { name: 'RFC-1 editor' }).waitFor();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Written in the desktop app');
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });

    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label.replace('&', '')) ?? []);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
    const newAdr = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('new-adr')?.label);
    expect(newAdr).toBe('New ADR');
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('new-adr')?.click());
    await page.getByRole('article', { name: 'ADR-1 editor' }).waitFor();

    // A designdesk:// link arrives as the same one-way event.
    await app.evaluate(({ BrowserWindow }, [event]) => BrowserWindow.getAllWindows()[0]!.webContents.send(event!, { type: 'open', target: 'RFC-1' }), [MENU_COMMAND_EVENT]);
    await page.getByRole('article', { name: 'RFC-1 editor' }).waitFor();
  });
});
