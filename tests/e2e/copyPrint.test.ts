import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('copyprint');
  await web.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.host.url });
});

afterAll(() => web?.close());

describe('copy as Markdown and print', () => {
  it('copies a postmortem as the Markdown file the team repo holds, and prints it as a rendered document', async () => {
    const { page } = web;
    await page.getByRole('button', { name: 'New document of another kind' }).click();
    await page.getByRole('menuitem', { name: 'New Postmortem' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Checkout outage');
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByLabel('Time of timeline row 1').fill('09:15');
    await page.getByLabel('Event of timeline row 1').fill('Rolled back payment client');
    await page.getByTestId('save-state').getByText('Saved').waitFor();

    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByText('Copied as Markdown.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^---\nid: [0-9A-Z]{26}\nref: PM-1\ntitle: Checkout outage\n/);
    expect(copied).toContain('\n# Checkout outage\n');
    expect(copied).toContain('| 09:15 | Rolled back payment client |');

    // The print view renders only around printing; emulate what the browser does.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-view');
    await printed.getByRole('heading', { name: 'Checkout outage', level: 1 }).waitFor();
    await expect(printed.getByRole('cell', { name: 'Rolled back payment client' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Copy as Markdown' }).isVisible()).resolves.toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'print-view.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(printed.count()).resolves.toBe(0);
  });
});
