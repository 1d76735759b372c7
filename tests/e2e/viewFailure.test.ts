import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themedFindings } from '../support/axeScan';
import { ADA, SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

// A view whose code cannot be fetched (the app or its web host went away,
// a file is missing) shows a message in its place, with a way out; the rest
// of the window keeps working.

let web: WebApp;
let page: Page;

beforeAll(async () => {
  web = await startWebApp('view-failure', { fallbackIdentity: () => ADA });
  page = web.page;
  await web.app.dispatch('docs:create', { kind: 'rfc', title: 'Queue retries' });
  await page.reload();
  await page.getByTestId('doc-row').first().waitFor();
});

afterAll(() => web?.close());

const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
const failure = (what: string) => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: `${what} could not be shown` }) });

describe('a view that fails to load', () => {
  it('says so in its place, keeps the rest of the window working, and comes back on Reload', async () => {
    await page.route('**/assets/SettingsView-*.js', (route) => route.abort());
    await nav('Settings').click();
    await failure('Settings').waitFor();
    await failure('Settings').getByText('Part of DesignDesk did not load').waitFor();
    const findings = await themedFindings(page, { include: ['.view-failure'], each: (s) => failure('Settings').screenshot({ path: path.join(SCREENSHOTS, `view-failure-${s.slug}.png`) }) });
    expect(findings).toEqual([]);

    // Another view works, and the message is gone.
    await nav('Library').click();
    await page.getByTestId('doc-row').first().waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'could not be shown' }).count()).toBe(0);

    // Once the code can be had again, Reload brings the view.
    await page.unroute('**/assets/SettingsView-*.js');
    await nav('Settings').click();
    await failure('Settings').getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });

  it("keeps the document's frame when only its editor cannot be loaded", async () => {
    await page.route('**/assets/DocumentEditor-*.js', (route) => route.abort());
    await nav('Library').click();
    await page.getByTestId('doc-row').filter({ hasText: 'Queue retries' }).getByRole('link').click();
    await failure('The editor').waitFor();
    // The document's frame is still there: its title and its Versions panel.
    const frame = page.getByRole('article', { name: 'RFC-1 editor' });
    expect(await frame.getByLabel('Title').inputValue()).toBe('Queue retries');
    await frame.getByRole('heading', { name: /^Versions/ }).waitFor();
    await page.unroute('**/assets/DocumentEditor-*.js');
  });
});
