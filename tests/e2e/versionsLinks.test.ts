import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { startWebApp, type WebApp } from '../support/webApp';
import { sectionBox } from '../support/bodyEditor';

const SCREENSHOTS = path.resolve('test-results/screenshots');

let app: App;
let page: Page;

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('versions');
  ({ app, page } = web);
  
});

afterAll(() => web?.close());

function editor(ref: string) {
  return page.getByRole('article', { name: `${ref} editor` });
}

async function expectSaved(): Promise<void> {
  await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
}

async function newRfc(title: string, ref: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'New RFC', exact: true }).click();
  await editor(ref).waitFor();
  await editor(ref).getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await expectSaved();
}

async function openFromLibrary(title: string, ref: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await editor(ref).waitFor();
}

function summaryBox(ref: string) {
  return sectionBox(editor(ref), 'Summary');
}

function libraryTitles(): Promise<string[]> {
  return page.getByRole('table', { name: 'Documents' }).getByRole('link').allInnerTexts();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function toast(text: string) {
  return page.locator('.toast').filter({ hasText: text });
}

describe('versions, links and trash journey', () => {
  it('links references typed in a body, and shows backlinks', async () => {
    await newRfc('Event bus', 'RFC-1');
    const rfc1Id = /#doc\/(\w+)/.exec(page.url())![1]!;
    await newRfc('Billing', 'RFC-2');
    const two = editor('RFC-2');
    await summaryBox('RFC-2').fill('See RFC-1 and RFC-99 for the background.');
    await expectSaved();

    // The Markdown preview turns RFC-1 into a link and marks RFC-99 as missing.
    const summary = two.locator('[data-body-editor] .w-md-editor-preview [data-outline-index="1"]');
    const link = summary.locator('.wmde-markdown a.ref-link');
    await link.waitFor();
    expect(await link.innerText()).toBe('RFC-1');
    expect(await link.getAttribute('href')).toBe(`#doc/${rfc1Id}`);
    const missing = summary.locator('.wmde-markdown .ref-missing');
    expect(await missing.innerText()).toBe('RFC-99');
    expect(await missing.getAttribute('title')).toBe('No such document');

    // "Links to" says the same below the document.
    const links = two.getByRole('region', { name: 'Links' });
    const linksTo = links.getByRole('list', { name: 'Links to' });
    expect((await linksTo.getByRole('listitem').allInnerTexts()).map(oneLine)).toEqual(['RFC-1 Event bus', 'RFC-99 No such document']);
    await summary.screenshot({ path: path.join(SCREENSHOTS, 'links-preview.png') });
    await links.screenshot({ path: path.join(SCREENSHOTS, 'links-panel.png') });

    // Following the link opens RFC-1, which lists RFC-2 under "Linked from".
    await link.click();
    await editor('RFC-1').waitFor();
    const linkedFrom = editor('RFC-1').getByRole('region', { name: 'Links' }).getByRole('list', { name: 'Linked from' });
    await linkedFrom.getByRole('link', { name: 'RFC-2 Billing' }).waitFor();
    await linkedFrom.getByRole('link', { name: 'RFC-2 Billing' }).click();
    await editor('RFC-2').waitFor();
  });

  it('keeps versions, shows a diff against the current text, and restores one', async () => {
    await openFromLibrary('Event bus', 'RFC-1');
    const one = editor('RFC-1');
    await one.getByRole('button', { name: 'In Review', exact: true }).click();
    await one.getByTestId('status-badge').getByText('In Review').waitFor();
    await summaryBox('RFC-1').fill('The event bus carries domain events between services.\n\nConsumers are idempotent.');
    await expectSaved();

    const versions = one.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: /^Versions/ }).click();
    const list = versions.getByRole('list', { name: 'Versions' });
    await list.getByRole('button', { name: /Moved to In Review/ }).click();
    const inline = versions.getByTestId('diff-inline');
    await inline.waitFor();
    expect(oneLine((await inline.locator('ins.diff-added').allInnerTexts()).join(' '))).toBe('The event bus carries domain events between services. Consumers are idempotent.');
    expect(await inline.locator('del.diff-removed').count()).toBe(0);
    expect(await versions.locator('.diff-count-added').innerText()).toMatch(/^\+[34] lines$/);
    expect(await versions.locator('.diff-count-removed').innerText()).toBe('−0 lines');

    // Side by side: the version on the left, the current text on the right.
    await versions.screenshot({ path: path.join(SCREENSHOTS, 'versions-inline.png') });
    await versions.getByRole('button', { name: 'Side by side' }).click();
    const side = versions.getByTestId('diff-side');
    await side.waitFor();
    expect(await side.locator('td.diff-line-added').first().innerText()).toBe('The event bus carries domain events between services.');
    await versions.scrollIntoViewIfNeeded();
    await versions.screenshot({ path: path.join(SCREENSHOTS, 'versions-diff.png') });

    await versions.getByRole('button', { name: 'Restore this version' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Restore this version?' });
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await toast('Restored the version of').waitFor();
    await editor('RFC-1').waitFor();
    expect(await summaryBox('RFC-1').inputValue()).not.toContain('event bus carries');
    expect(await editor('RFC-1').getByTestId('status-badge').innerText()).toBe('In Review');

    // The restore kept the replaced text as a version, and the panel stays open on the list.
    const after = editor('RFC-1').getByRole('region', { name: 'Versions' }).getByRole('list', { name: 'Versions' });
    await after.getByRole('button', { name: /Restored an earlier version/ }).waitFor();
    await after.getByRole('button', { name: /Before a restore/ }).click();
    const diffBack = editor('RFC-1').getByRole('region', { name: 'Versions' }).getByTestId('diff-side');
    await diffBack.waitFor();
    expect(await diffBack.locator('td.diff-line-removed').first().innerText()).toBe('The event bus carries domain events between services.');
    await editor('RFC-1').getByRole('region', { name: 'History' }).getByText(/restored the version of/).waitFor();
  });

  it('deletes to the trash with Undo, restores from the Trash, and empties it', async () => {
    await openFromLibrary('Billing', 'RFC-2');
    await editor('RFC-2').getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete RFC-2?' });
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await toast('Moved RFC-2 “Billing” to the trash.').waitFor();
    expect(await libraryTitles()).toEqual(['Event bus']);

    // Undo from the toast brings it back where it was.
    await toast('Moved RFC-2').getByRole('button', { name: 'Undo' }).click();
    await editor('RFC-2').waitFor();
    expect(await summaryBox('RFC-2').inputValue()).toContain('See RFC-1 and RFC-99');

    // Delete it again, plus a throwaway draft, and find both in the Trash.
    await editor('RFC-2').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Delete RFC-2?' }).getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await newRfc('Scratch notes', 'RFC-3');
    await editor('RFC-3').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Delete RFC-3?' }).getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    // RFC-1's backlink from the deleted RFC-2 is gone meanwhile.
    await openFromLibrary('Event bus', 'RFC-1');
    await editor('RFC-1').getByText('No document refers to this one yet.').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Trash' }).click();
    const table = page.getByRole('table', { name: 'Deleted documents' });
    await table.waitFor();
    expect((await table.locator('tbody tr').allInnerTexts()).map((t) => t.split('\t')[0]!.trim())).toEqual(['RFC-3', 'RFC-2']);
    // Only the latest toast (the Undo of RFC-3) stays for the picture.
    await page
      .locator('.toast')
      .filter({ hasNotText: 'Moved RFC-3' })
      .getByRole('button', { name: 'Dismiss' })
      .evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trash.png') });

    await table.getByRole('button', { name: 'Restore RFC-2' }).click();
    await toast('Restored RFC-2 “Billing”.').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);

    await page.getByRole('button', { name: 'Empty trash' }).click();
    const empty = page.getByRole('alertdialog', { name: 'Empty the trash?' });
    expect(await empty.innerText()).toContain('1 document will be deleted for good');
    await empty.getByRole('button', { name: 'Delete forever' }).click();
    await page.getByRole('heading', { name: 'The trash is empty' }).waitFor();
    await toast('Deleted 1 document for good.').waitFor();
    expect(await page.getByRole('button', { name: 'Empty trash' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trash-empty.png') });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    expect((await libraryTitles()).sort()).toEqual(['Billing', 'Event bus']);
    expect(await app.dispatch('trash:list', {})).toEqual({ ok: true, value: [] });
  });
});
