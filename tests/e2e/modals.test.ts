import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from '../support/webApp';

// Issue 17 item 4: every modal is the browser's own <dialog> opened as a
// modal: the page behind is inert, Tab stays inside, Escape closes it, and the
// focus goes back to what opened it. HelpDialog had no trap and no restore.

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('modals');
  const created = await web.app.dispatch('docs:create', { kind: 'adr', title: 'Use native dialogs' });
  if (!created.ok) throw new Error(created.error.message);
  await web.page.reload();
  await web.page.getByRole('navigation', { name: 'Main' }).waitFor();
});

afterAll(() => web?.close());

/**
 * Tabs `n` times and says each time whether the focus stayed off the page
 * behind: on an element of the open dialog, or out of the page (the browser's
 * own controls, where a native modal lets Tab go), never behind the dialog.
 */
async function tabStaysOffThePage(n: number): Promise<boolean[]> {
  const inside: boolean[] = [];
  for (let i = 0; i < n; i++) {
    await web.page.keyboard.press('Tab');
    inside.push(
      await web.page.evaluate(() => {
        const a = document.activeElement;
        return !a || a === document.body || (document.querySelector('dialog[open]')?.contains(a) ?? false);
      }),
    );
  }
  return inside;
}

describe('modals', () => {
  it('the shortcuts help: modal, Tab never reaches the page behind, the page behind takes no click, Escape returns the focus', async () => {
    const { page } = web;
    const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.querySelector('dialog[open]')?.matches(':modal') ?? false)).toBe(true);
    expect(await tabStaysOffThePage(4)).toEqual([true, true, true, true]);
    // The page behind is inert: a click on the Library button does not reach it.
    expect(await page.evaluate(() => {
      const nav = Array.from(document.querySelectorAll('nav[aria-label="Main"] button')).find((b) => b.textContent === 'Trash') as HTMLElement;
      const r = nav.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('dialog') !== null;
    })).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Keyboard shortcuts');
    expect(web.problems).toEqual([]);
  });

  it('a destructive question: Cancel has the focus, Tab never reaches the page behind, Escape cancels and returns the focus', async () => {
    const { page } = web;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByTestId('doc-row').filter({ hasText: 'Use native dialogs' }).getByRole('link').click();
    await page.getByRole('article', { name: 'ADR-1 editor' }).waitFor();
    const del = page.getByRole('button', { name: 'Delete', exact: true });
    await del.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await tabStaysOffThePage(3)).toEqual([true, true, true]);
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete');
    expect((await web.app.dispatch('docs:list', {})).ok).toBe(true);
    expect(web.app.documents.list().map((d) => d.title)).toEqual(['Use native dialogs']);
  });
});
