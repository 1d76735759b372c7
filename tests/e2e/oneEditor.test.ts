import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RFC_SECTIONS } from '../../src/shared/kinds/rfc';
import { sectionText, splitSections } from '../../src/shared/markdown/sections';
import { bodyBox, sectionValue } from '../support/bodyEditor';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('oneeditor');
});

afterAll(() => web?.close());

const outline = (page: Page) => page.getByRole('navigation', { name: 'Outline' });
const entry = (page: Page, heading: string) => outline(page).getByRole('button', { name: new RegExp(`^${heading}(\\s*, empty)?$`) });
const preview = (page: Page) => page.locator('[data-body-editor] .w-md-editor-preview');
const docIdOf = (page: Page): string => /#doc\/([0-9A-Z]{26})$/.exec(page.url())![1]!;
const storedBody = (id: string): string => web.app.documents.get(id).body;
const caret = (page: Page): Promise<number> => bodyBox(page).evaluate((t) => (t as HTMLTextAreaElement).selectionStart);

async function newRfc(page: Page): Promise<string> {
  const before = page.url();
  await page.getByRole('banner').getByRole('button', { name: 'New RFC', exact: true }).click();
  await page.waitForURL((u) => u.href !== before && u.hash.startsWith('#doc/'));
  await bodyBox(page).waitFor();
  await expect.poll(() => bodyBox(page).inputValue()).toMatch(/^## Summary\n\n## Motivation/);
  return docIdOf(page);
}

describe('the one document editor', () => {
  it('keeps the preview pane reachable by keyboard after the toolbar hides it and shows it again', async () => {
    const { page } = web;
    await newRfc(page);
    const toolbar = page.locator('[data-body-editor] .w-md-editor-toolbar');
    const marks = (): Promise<(string | null)[]> => preview(page).evaluate((p) => [p.getAttribute('tabindex'), p.getAttribute('role'), p.getAttribute('aria-label')]);
    expect(await marks()).toEqual(['0', 'region', 'Preview']);
    await toolbar.getByRole('button', { name: /^Edit code/ }).click();
    await expect.poll(() => preview(page).count()).toBe(0);
    await toolbar.getByRole('button', { name: /^Live code/ }).click();
    await preview(page).waitFor();
    await expect.poll(marks).toEqual(['0', 'region', 'Preview']);
  });

  it('shows the outline with every template section marked empty and the hints in the preview, never in the text', async () => {
    const { page } = web;
    const id = await newRfc(page);
    for (const s of RFC_SECTIONS) {
      await expect(entry(page, s.heading).textContent()).resolves.toBe(`${s.heading}, empty`);
      await preview(page).locator('.doc-preview-hint').filter({ hasText: s.hint }).waitFor();
    }
    expect(await page.locator('[data-body-editor] textarea').count()).toBe(1);
    const body = await bodyBox(page).inputValue();
    for (const s of RFC_SECTIONS) expect(body).not.toContain(s.hint);
    expect(storedBody(id)).not.toContain(RFC_SECTIONS[0]!.hint);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'one-editor-new.png') });
  });

  it('jumps from the outline, types across sections, autosaves, and a reload shows the text; Ctrl+Z undoes typing', async () => {
    const { page } = web;
    const id = await newRfc(page);
    await entry(page, 'Summary').click();
    await expect(outline(page).getByRole('button', { name: /^Summary/ }).getAttribute('aria-current')).resolves.toBe('location');
    await page.keyboard.type('One database file per workspace.');
    await entry(page, 'Motivation').click();
    await page.keyboard.type('Teams write on planes.');
    await entry(page, 'Open Questions').click();
    await page.keyboard.type('Who owns the migration?');

    // The outline and the preview follow: Summary is no longer empty and its hint is gone.
    await expect.poll(() => entry(page, 'Summary').textContent()).toBe('Summary');
    await expect.poll(() => preview(page).locator('.doc-preview-hint').filter({ hasText: RFC_SECTIONS[0]!.hint }).count()).toBe(0);
    await preview(page).getByText('One database file per workspace.').waitFor();

    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
    const saved = splitSections(storedBody(id));
    expect(sectionText(saved.find((s) => s.heading === 'Summary')!)).toBe('One database file per workspace.');
    expect(sectionText(saved.find((s) => s.heading === 'Motivation')!)).toBe('Teams write on planes.');
    expect(sectionText(saved.find((s) => s.heading === 'Open Questions')!)).toBe('Who owns the migration?');
    // Every other heading of the template is still there, in order.
    expect(saved.slice(1).map((s) => s.heading)).toEqual(RFC_SECTIONS.map((s) => s.heading));

    await page.reload();
    await bodyBox(page).waitFor();
    expect(await sectionValue(page, 'Summary')).toBe('One database file per workspace.');
    expect(await sectionValue(page, 'Open Questions')).toBe('Who owns the migration?');

    // Undo takes typing back in the one editor.
    await entry(page, 'Appendix').click();
    await page.keyboard.type('See the benchmark.');
    expect(await sectionValue(page, 'Appendix')).toBe('See the benchmark.');
    // Chrome undoes typed keys a piece at a time: each Ctrl+Z takes some back, until the text is empty.
    await page.keyboard.press('Control+z');
    const once = await sectionValue(page, 'Appendix');
    expect(once.length).toBeLessThan('See the benchmark.'.length);
    expect('See the benchmark.'.startsWith(once)).toBe(true);
    for (let i = 0; i < 30 && (await sectionValue(page, 'Appendix')) !== ''; i++) await page.keyboard.press('Control+z');
    expect(await sectionValue(page, 'Appendix')).toBe('');
    expect(await sectionValue(page, 'Open Questions')).toBe('Who owns the migration?');
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
    expect(sectionText(splitSections(storedBody(id)).find((s) => s.heading === 'Appendix')!)).toBe('');
  });

  it('puts the caret at the section and scrolls the text and the preview there when its outline entry is clicked', async () => {
    const { page } = web;
    const id = await newRfc(page);
    const filler = (n: number) => Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} of section ${n}, long enough to wrap a line or two in the editor's column.`).join('\n\n');
    const body = RFC_SECTIONS.map((s, i) => `${'#'.repeat(s.depth)} ${s.heading}\n\n${s.heading === 'Appendix' ? 'The last words.' : filler(i)}\n\n`).join('');
    await bodyBox(page).fill(body);
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
    expect(storedBody(id)).toContain('The last words.');

    await entry(page, 'Appendix').click();
    const at = await caret(page);
    expect(body.slice(at, at + 'The last words.'.length + 1)).toBe('\nThe last words.');
    expect(await bodyBox(page).evaluate((t) => t === document.activeElement)).toBe(true);
    expect(await bodyBox(page).evaluate((t) => t.scrollTop)).toBeGreaterThan(0);
    await expect.poll(() => preview(page).evaluate((p) => p.scrollTop)).toBeGreaterThan(0);
    const inView = await preview(page).evaluate((p) => {
      const target = p.querySelector<HTMLElement>('[data-outline-index]:last-child')!.getBoundingClientRect();
      const box = p.getBoundingClientRect();
      return target.top >= box.top - 1 && target.top < box.bottom;
    });
    expect(inView).toBe(true);

    // Keyboard: Tab reaches the outline's buttons, Enter jumps.
    await entry(page, 'Motivation').focus();
    await page.keyboard.press('Enter');
    const there = await caret(page);
    expect(body.slice(0, there)).toMatch(/## Motivation\n$/);
  });

  it('adds an optional part from the menu and from "/" on an empty line; Escape closes the list and undo removes the part', async () => {
    const { page } = web;
    const id = await newRfc(page);
    await page.getByRole('button', { name: /Add from template/ }).click();
    await page.getByRole('menuitem', { name: 'Problem Statement' }).click();
    await entry(page, 'Problem Statement').waitFor();
    await preview(page).getByText('The workaround in use now and what it costs.').waitFor();
    const headings = await outline(page).getByRole('button').allInnerTexts();
    expect(headings.findIndex((h) => h.startsWith('Problem Statement'))).toBeLessThan(headings.findIndex((h) => h.startsWith('Summary')));
    // The menu's insertion is an edit of the text: Ctrl+Z takes it back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => entry(page, 'Problem Statement').count()).toBe(0);

    // "/" alone on a line opens the list; Escape closes it and leaves the "/".
    await entry(page, 'Motivation').click();
    await page.keyboard.type('/');
    const list = page.getByRole('listbox', { name: 'Insert from template' });
    await list.waitFor();
    expect(await list.getByRole('option').allInnerTexts()).toEqual(['Problem Statement', 'Success Metrics']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'one-editor-slash.png') });
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await sectionValue(page, 'Motivation')).toBe('/');
    await page.keyboard.press('Backspace');

    // Again, then ArrowDown and Enter insert Success Metrics there, caret under its heading.
    await page.keyboard.type('/');
    await list.waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await bodyBox(page).getAttribute('aria-activedescendant')).toBe('slash-part-success-metrics');
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    await entry(page, 'Success Metrics').waitFor();
    await page.keyboard.type('Pages per week.');
    expect(await sectionValue(page, 'Success Metrics')).toBe('Pages per week.');
    expect(await sectionValue(page, 'Motivation')).toBe('');
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
    const stored = splitSections(storedBody(id)).map((s) => s.heading);
    expect(stored.indexOf('Success Metrics')).toBe(stored.indexOf('Motivation') + 1);
    expect(stored).toContain('North Star Metric');
  });
});
