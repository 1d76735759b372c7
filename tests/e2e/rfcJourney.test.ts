import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/api/dispatch';
import { createApp, type App } from '../../src/main/app';
import { startWebHost, type WebHost } from '../../src/main/web/webHost';
import { RFC_SECTIONS } from '../../src/shared/kinds/rfc';
import { sectionText, splitSections } from '../../src/shared/markdown/sections';
import { launchBrowser, type Browser } from '../support/browser';
import { requireRenderer } from '../support/renderer';
import { bodyBox, fillSection, sectionValue } from '../support/bodyEditor';

const ADA = { name: 'Ada Lovelace', email: 'ada@example.test' };
const SCREENSHOT = path.resolve('test-results/screenshots/rfc-editor.png');
const TITLE = 'Store documents in SQLite';
const SUMMARY = 'Keep every document in one SQLite file per workspace.\n\n- WAL mode\n- one migration per release';
const MOTIVATION = 'Saving JSON files by hand lost edits twice last quarter.';

let browser: Browser;
let ws: { dir: string; app: App; host: WebHost; stored: number[] };

beforeAll(async () => {
  requireRenderer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const p of browser.context.pages()) await p.close();
  await ws?.host.close();
  ws?.app.close();
  if (ws) fs.rmSync(ws.dir, { recursive: true, force: true });
});

/**
 * The server stores a save 300 ms after receiving it and notes when it did,
 * so the test can tell an indicator that says "Saved" too early.
 */
function slowSaves(dispatch: Dispatch, stored: number[]): Dispatch {
  return async (channel, input) => {
    if (channel !== 'docs:update') return dispatch(channel, input);
    await new Promise((r) => setTimeout(r, 300));
    const result = await dispatch(channel, input);
    stored.push(Date.now());
    return result;
  };
}

/**
 * A workspace served on 127.0.0.1. Slow saves only where a test needs them: a
 * reopened tab racing a late page-hide flush gets a false CONFLICT (see the
 * report on editorSlice), which is not what the close-and-reopen tests test.
 */
async function startWorkspace(opts: { slowSaves?: boolean } = {}): Promise<typeof ws> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-e2e-rfc-'));
  const app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ADA, dispatch: { checkOutput: true } });
  const stored: number[] = [];
  const dispatch = opts.slowSaves ? slowSaves(app.dispatch, stored) : app.dispatch;
  const host = await startWebHost({ dispatch, staticDir: requireRenderer() });
  return (ws = { dir, app, host, stored });
}

/** Records, in the page, every text the save indicator shows and when (epoch ms). */
async function watchSaveState(page: Page): Promise<() => Promise<[string, number][]>> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="save-state"]')!;
    const log: [string, number][] = [];
    (window as unknown as { saveLog: typeof log }).saveLog = log;
    new MutationObserver(() => log.push([(el.textContent ?? '').trim(), Date.now()])).observe(el, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { saveLog: [string, number][] }).saveLog);
}

/** A fresh tab on the open URL; page errors and CSP violations are collected for the test to check. */
async function openTab(url = ws.host.openUrl): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(url);
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  return { page, problems };
}

const editorOf = (page: Page, ref: string) => page.getByRole('article', { name: `${ref} editor` });
const sectionBox = (page: Page, heading: string) => ({ fill: (text: string) => fillSection(page, heading, text), inputValue: () => sectionValue(page, heading) });
const saveState = async (page: Page): Promise<string> => ((await page.getByTestId('save-state').textContent()) ?? '').trim();
const savedSection = (app: App, id: string, heading: string): string => sectionText(splitSections(app.documents.get(id).body).find((s) => s.heading === heading)!);
const docIdOf = (page: Page): string => /#doc\/([0-9A-Z]{26})$/.exec(page.url())![1]!;

async function newRfc(page: Page, ref: string) {
  await page.getByRole('banner').getByRole('button', { name: 'New RFC', exact: true }).click();
  const editor = editorOf(page, ref);
  await editor.waitFor();
  // The editor is a chunk of its own, loaded after the document shows (tests/e2e/codeSplit.test.ts).
  await bodyBox(editor).waitFor();
  return editor;
}

async function openFromLibrary(page: Page, ref: string) {
  await page.getByTestId('doc-row').filter({ hasText: ref }).getByRole('link').click();
  const editor = editorOf(page, ref);
  await editor.waitFor();
  return editor;
}

describe('RFC journey in Chromium against the web host', () => {
  it('writes an RFC from the template, survives a reload, moves it, is refused an illegal move, and lists it', async () => {
    const { app } = await startWorkspace({ slowSaves: true });
    const { page, problems } = await openTab();
    expect(await page.evaluate('[typeof require, typeof process, typeof module]')).toEqual(['undefined', 'undefined', 'undefined']);

    const editor = await newRfc(page, 'RFC-1');
    const id = docIdOf(page);
    // The one editor: every template section in the outline, its heading and hint in the preview, no text yet.
    const preview = editor.locator('[data-body-editor] .w-md-editor-preview');
    for (const s of RFC_SECTIONS) {
      expect(await editor.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: new RegExp(`^${s.heading}\\s*, empty$`) }).isVisible(), s.heading).toBe(true);
      expect(await preview.getByRole('heading', { name: s.heading, exact: true, level: s.depth }).isVisible(), s.heading).toBe(true);
      expect(await preview.locator('.doc-preview-hint').filter({ hasText: s.hint }).isVisible(), `${s.heading} hint`).toBe(true);
      expect(await sectionBox(page, s.heading).inputValue(), s.heading).toBe('');
    }

    const saveLog = await watchSaveState(page);
    await editor.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
    await sectionBox(page, 'Summary').fill(SUMMARY);
    await sectionBox(page, 'Motivation').fill(MOTIVATION);
    expect(await saveState(page)).not.toBe('Saved');
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
    // "Saved" means stored: the indicator turns to Saved only after the server stored the edit.
    const savedAt = (await saveLog()).find(([text]) => text === 'Saved')?.[1];
    expect(ws.stored.length).toBeGreaterThan(0);
    expect(savedAt).toBeGreaterThanOrEqual(ws.stored[0]!);
    expect(app.documents.get(id).title).toBe(TITLE);
    expect(savedSection(app, id, 'Summary')).toBe(SUMMARY);
    expect(savedSection(app, id, 'Motivation')).toBe(MOTIVATION);
    expect(savedSection(app, id, 'Detailed Design')).toBe('');
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

    await page.reload();
    await editorOf(page, 'RFC-1').waitFor();
    expect(await editor.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(TITLE);
    expect(await sectionBox(page, 'Summary').inputValue()).toBe(SUMMARY);
    expect(await sectionBox(page, 'Motivation').inputValue()).toBe(MOTIVATION);
    expect(await saveState(page)).toBe('Saved');

    const badge = editor.locator('.status-controls').getByTestId('status-badge');
    expect(await badge.textContent()).toBe('Draft');
    await editor.getByRole('button', { name: 'In Review', exact: true }).click();
    await badge.getByText('In Review', { exact: true }).waitFor();
    expect(app.documents.get(id).status).toBe('in-review');

    await editor.getByLabel('Move to status').selectOption({ label: 'Implemented' });
    await editor.getByRole('button', { name: 'Move', exact: true }).click();
    const refusal = editor.getByRole('alert').filter({ hasText: 'cannot move from In Review to Implemented' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('it can move to: Approved, Draft, Rejected');
    expect(await badge.textContent()).toBe('In Review');
    expect(app.documents.get(id).status).toBe('in-review');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
    const row = page.getByTestId('doc-row').filter({ hasText: 'RFC-1' });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells).toEqual(expect.arrayContaining(['RFC-1', TITLE, 'In Review', ADA.name]));
    expect(await page.getByTestId('doc-row').count()).toBe(1);

    expect(problems).toEqual([]);
  });

  it('keeps text typed right before the tab is closed, with no wait for the autosave', async () => {
    const { app } = await startWorkspace();
    const first = await openTab();
    await newRfc(first.page, 'RFC-1');
    const id = docIdOf(first.page);
    await sectionBox(first.page, 'Summary').fill(SUMMARY);
    await first.page.close();

    const { page } = await openTab();
    await openFromLibrary(page, 'RFC-1');
    expect(await sectionBox(page, 'Summary').inputValue()).toBe(SUMMARY);
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
    expect(savedSection(app, id, 'Summary')).toBe(SUMMARY);
  });

  it('restores from the browser-side mirror an edit the server never received, and saves it on reopen', async () => {
    const { app, host } = await startWorkspace();
    const first = await openTab();
    await newRfc(first.page, 'RFC-1');
    const id = docIdOf(first.page);
    await host.close(); // the server goes away: neither the autosave nor the page-hide flush can land
    await sectionBox(first.page, 'Motivation').fill(MOTIVATION);
    await first.page.close();
    expect(savedSection(app, id, 'Motivation')).toBe('');

    // Same origin (port) and token again, so the tab sees the same localStorage.
    ws.host = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer(), port: host.port, token: host.token });
    const { page } = await openTab(ws.host.openUrl);
    await openFromLibrary(page, 'RFC-1');
    expect(await sectionBox(page, 'Motivation').inputValue()).toBe(MOTIVATION);
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
    expect(savedSection(app, id, 'Motivation')).toBe(MOTIVATION);
    expect(await page.evaluate((key) => localStorage.getItem(key), `designdesk.draft.${id}`)).toBeNull();
  });
});
