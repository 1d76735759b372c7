import path from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { sectionText, splitSections } from '../../src/shared/markdown/sections';
import { SCREENSHOTS as SHOTS, webAppPerTest, type WebApp } from '../support/webApp';

const ADA = { name: 'Ada Lovelace', email: 'ada@example.test' };
const LIGHT_BG = 'rgb(247, 248, 250)';
const DARK_BG = 'rgb(21, 24, 29)';

const startFresh = webAppPerTest();

async function start(): Promise<WebApp> {
  const web = await startFresh('palette', { fallbackIdentity: () => ADA }, { beforeOpen: ({ page }) => page.emulateMedia({ colorScheme: 'light' }) });
  await web.page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  return web;
}

/** The accessible name (or text) of the focused element. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });

/** Presses Tab until `name` has the focus; returns the names passed on the way. Fails after `max` presses. */
async function tabTo(page: Page, matches: (name: string) => boolean, max = 40): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await focused(page);
    seen.push(name);
    if (matches(name)) return seen;
  }
  throw new Error(`not reached in ${max} Tab presses; focus went through: ${seen.join(' | ')}`);
}

async function openPalette(page: Page) {
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.waitFor();
  return palette;
}

const bg = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('command palette, keyboard-only use and theme in Chromium', () => {
  it('lists every action, filters as you type, and Enter runs the chosen one', async () => {
    const { app, page, problems } = await start();
    let palette = await openPalette(page);
    const input = palette.getByRole('combobox', { name: 'Type a command' });
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    const all = (await palette.getByRole('option').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    for (const label of [
      'New RFC',
      'New ADR',
      'New Decision matrix',
      'New Postmortem',
      'Quick open',
      'Search all documents',
      'Save now',
      'Sync now',
      'Go to Dashboard',
      'Go to Library',
      'Go to Action items',
      'Go to Trash',
      'Go to Sync',
      'Go to Settings',
      'Theme: System (current)',
      'Theme: Light',
      'Theme: Dark',
      'Show keyboard shortcuts',
    ]) {
      expect(all.some((t) => t.includes(label)), label).toBe(true);
    }
    // The shortcut of an action is shown next to it, from the same list as the help screen.
    expect(all.find((t) => t.includes('New RFC'))).toContain('Ctrl+N');
    expect(all.some((t) => t.includes('Remove sample documents'))).toBe(false);

    await input.pressSequentially('new adr');
    expect(await palette.getByRole('option').locator('.command-label').allTextContents()).toEqual(['New ADR']);
    expect(await input.getAttribute('aria-activedescendant')).toBe('cmd-new-adr');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: 'ADR-1 editor' }).waitFor();
    expect(app.documents.list().map((d) => d.kind)).toEqual(['adr']);

    palette = await openPalette(page);
    await palette.getByRole('combobox').pressSequentially('go tr');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();

    palette = await openPalette(page);
    await palette.getByRole('combobox').pressSequentially('zzz nothing');
    await palette.getByText('No command matches “zzz nothing”').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'command-palette.png') });
    await page.keyboard.press('Escape');
    expect(await palette.count()).toBe(0);

    // The help screen lists the palette among the shortcuts.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await help.getByRole('row').filter({ hasText: 'Ctrl+Shift+P' }).innerText()).toContain('Command palette');
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });

  it('menus close with Escape and with a click outside them, and a choice in them still works', async () => {
    const { page, problems } = await start();
    const toggle = page.getByRole('button', { name: 'New document of another kind' });
    const kinds = page.getByRole('menu');
    await toggle.click();
    await expect.poll(() => kinds.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => kinds.count()).toBe(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await toggle.click();
    await expect.poll(() => kinds.isVisible()).toBe(true);
    await page.getByRole('heading', { name: 'Library', level: 1 }).click();
    await expect.poll(() => kinds.count()).toBe(0);

    // A click inside the menu is not "outside": the chosen kind is created.
    await toggle.click();
    await kinds.getByRole('menuitem', { name: /ADR/ }).click();
    await expect.poll(() => page.url()).toMatch(/#doc\//);

    const identity = page.getByRole('button', { name: /Signed in as Ada Lovelace/ });
    await identity.click();
    expect(await identity.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => identity.getAttribute('aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
  });

  it('quick open: arrows move through the matches, the chosen one stays in view, Enter opens it', async () => {
    const { app, page, problems } = await start();
    for (let i = 1; i <= 20; i++) {
      const r = await app.dispatch('docs:create', { kind: 'rfc', title: `Ledger shard ${String(i).padStart(2, '0')}` });
      expect(r.ok).toBe(true);
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Quick open' });
    await dialog.getByRole('combobox').fill('ledger');
    const options = dialog.getByRole('option');
    await expect.poll(() => options.count()).toBe(20);
    for (let i = 0; i < 19; i++) await page.keyboard.press('ArrowDown');
    const chosen = dialog.locator('[role="option"][aria-selected="true"]');
    const title = await chosen.locator('.quick-open-title').innerText();
    await page.screenshot({ path: path.join(SHOTS, 'quick-open-scrolled.png') });
    // The chosen option is inside the list's visible area, not scrolled out of sight below it.
    const [list, option] = await Promise.all([dialog.getByRole('listbox').boundingBox(), chosen.boundingBox()]);
    expect(option!.y).toBeGreaterThanOrEqual(list!.y - 1);
    expect(option!.y + option!.height).toBeLessThanOrEqual(list!.y + list!.height + 1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(title);
    expect(problems).toEqual([]);
  });

  it('creates and writes a document with the keyboard alone, in a sensible focus order with a visible focus ring', async () => {
    const { app, page, problems } = await start();
    const path1 = await tabTo(page, (n) => n === 'New RFC');
    expect(path1[0]).toBe('Skip to content');
    expect(path1.indexOf('Library')).toBeLessThan(path1.indexOf('Settings'));
    expect(path1.indexOf('Settings')).toBeLessThan(path1.indexOf('New RFC'));
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).not.toBe('none');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('article', { name: 'RFC-1 editor' });
    await editor.waitFor();
    await tabTo(page, (n) => n === 'Title');
    await page.keyboard.type('Typed without a mouse');
    // The outline's Summary entry jumps the caret into the one editor, at the Summary section.
    await tabTo(page, (n) => n === 'Summary, empty');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Every step of this RFC was written from the keyboard.');
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
    const [doc] = app.documents.list();
    const saved = app.documents.get(doc!.id);
    expect(saved.title).toBe('Typed without a mouse');
    expect(sectionText(splitSections(saved.body).find((s) => s.heading === 'Summary')!)).toBe('Every step of this RFC was written from the keyboard.');

    // The skip link jumps over the top bar.
    await page.reload();
    await page.getByRole('article', { name: 'RFC-1 editor' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(problems).toEqual([]);
  });

  it('follows the system theme, switches from the palette and from Settings, and remembers the choice', async () => {
    const { page, problems } = await start();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();
    expect(await bg(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });

    const palette = await openPalette(page);
    await palette.getByRole('combobox').pressSequentially('theme dark');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await bg(page)).toBe(DARK_BG);
    // The Markdown editor follows too.
    expect(await page.evaluate(() => document.documentElement.dataset.colorMode)).toBe('dark');

    await page.reload();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    expect(await bg(page)).toBe(DARK_BG);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const dark = page.getByRole('radio', { name: /Dark/ });
    expect(await dark.isChecked()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'settings-dark.png') });
    // Radios move with the arrow keys.
    await dark.focus();
    await page.keyboard.press('ArrowUp');
    expect(await page.getByRole('radio', { name: /Light/ }).isChecked()).toBe(true);
    expect(await bg(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg(page)).toBe(LIGHT_BG); // Light overrides a dark system
    await page.getByRole('radio', { name: /System/ }).check();
    expect(await bg(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? null, localStorage.getItem('designdesk.theme')])).toEqual([null, null]);
    expect(problems).toEqual([]);
  });
});
