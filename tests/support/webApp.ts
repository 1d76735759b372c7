import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/main/app';
import { startWebHost, type WebHost } from '../../src/main/web/webHost';
import { launchBrowser, type Browser } from './browser';
import { requireRenderer } from './renderer';

export const ADA = { name: 'Ada Lovelace', email: 'ada@example.com' };
export const SCREENSHOTS = path.resolve('test-results/screenshots');

export interface WebApp {
  dir: string;
  app: App;
  host: WebHost;
  browser: Browser;
  page: Page;
  /** Uncaught page errors (`pageerror: ...`) and console errors (`console: ...`), from before the first navigation. */
  problems: string[];
  close(): Promise<void>;
}

export interface WebAppSetup {
  /** An already-launched Chromium to open the page in; `close()` then leaves it open for the caller to close. */
  browser?: Browser;
  /** Runs before the page navigates: seed the workspace, emulate media, add page handlers. */
  beforeOpen?: (web: WebApp) => Promise<void> | void;
}

/** Collects the page's uncaught errors and console errors, for a test to expect none. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return problems;
}

/**
 * The whole stack for a browser journey: a fresh workspace, the real app and
 * web host on 127.0.0.1, Debian's Chromium with a fresh profile (or the one
 * given, shared by a file whose tests each start a fresh workspace), and a
 * page opened on the host's URL. Outputs are checked against the contract.
 */
export async function startWebApp(name: string, options: Partial<AppOptions> = {}, setup: WebAppSetup = {}): Promise<WebApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `designdesk-e2e-${name}-`));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ADA, dispatch: { checkOutput: true }, ...options });
  const host = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer() });
  const browser = setup.browser ?? (await launchBrowser());
  const page = await browser.context.newPage();
  const web: WebApp = {
    dir,
    app,
    host,
    browser,
    page,
    problems: collectProblems(page),
    close: async () => {
      if (setup.browser) await page.close();
      else await browser.close();
      await host.close();
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await setup.beforeOpen?.(web);
    await page.goto(host.openUrl);
  } catch (e) {
    await web.close();
    throw e;
  }
  return web;
}

/**
 * For a file whose tests each start a fresh workspace: registers hooks that
 * launch one Chromium for the whole file and close each test's web app after
 * it, and returns the starter for the tests. Call it at the file's top level.
 */
export function webAppPerTest(): (name: string, options?: Partial<AppOptions>, setup?: Omit<WebAppSetup, 'browser'>) => Promise<WebApp> {
  let browser: Browser | undefined;
  let web: WebApp | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await web?.close();
    web = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (name, options = {}, setup = {}) => (web = await startWebApp(name, options, { ...setup, browser }));
}
