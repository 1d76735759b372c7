import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
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
  close(): Promise<void>;
}

/**
 * The whole stack for a browser journey: a fresh workspace, the real app and
 * web host on 127.0.0.1, Debian's Chromium with a fresh profile, and a page
 * opened on the host's URL. Outputs are checked against the contract.
 */
export async function startWebApp(name: string, options: Partial<AppOptions> = {}): Promise<WebApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `designdesk-e2e-${name}-`));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ADA, dispatch: { checkOutput: true }, ...options });
  const host = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer() });
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(host.openUrl);
  return {
    dir,
    app,
    host,
    browser,
    page,
    close: async () => {
      await browser.close();
      await host.close();
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
