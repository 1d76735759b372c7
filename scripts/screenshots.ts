// Regenerates the README's screenshots: docs/screenshots/<screen>.png (light)
// and <screen>-dark.png (dark), from a web host on a temporary workspace that
// goes through the first-run guide with the sample documents.
//   npx vite build && node --import tsx scripts/screenshots.ts
// Uses Debian's Chromium (tests/support/browser.ts); downloads nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createApp } from '../src/main/app';
import { startWebHost } from '../src/main/web/webHost';
import { launchBrowser } from '../tests/support/browser';
import { requireRenderer } from '../tests/support/renderer';

const OUT = path.resolve('docs/screenshots');
const ADA = { name: 'Ada Lovelace', email: 'ada@example.com' };

type Scheme = 'light' | 'dark';

async function shoot(page: Page, name: string, schemes: readonly Scheme[] = ['light', 'dark']): Promise<void> {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(OUT, `${name}${scheme === 'dark' ? '-dark' : ''}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${path.relative(process.cwd(), file)}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openFromLibrary(page: Page, ref: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByTestId('doc-row').filter({ hasText: ref }).getByRole('link').first().click();
  await page.getByRole('article', { name: `${ref} editor` }).waitFor();
  await page.waitForTimeout(300);
}

async function go(page: Page, label: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForTimeout(300);
}

/** Grace comments on a passage of RFC-1 and suggests a change; Ada sees them in the reading view, Grace in review mode. */
async function reviewInText(app: ReturnType<typeof createApp>, page: Page): Promise<void> {
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const r = await app.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  const grace = { name: 'Grace Hopper', email: 'grace@example.com' };
  const rfc = app.documents.list('rfc').find((d) => d.number === 1)!;
  const anchor = (quote: string) => ({ section: '', quote, prefix: '', suffix: '' });
  await call('reviews:setReviewers', { docId: rfc.id, reviewers: [{ ...grace, required: true }] });
  await call('identity:set', grace);
  await call('reviews:comment', { docId: rfc.id, text: 'What happens to queued jobs after a crash?', anchor: anchor('A durable job table') });
  await call('reviews:suggest', { docId: rfc.id, anchor: anchor('so saving stays under 50 ms'), replacement: 'so saving stays under 50 ms at the 95th percentile', note: 'Say which percentile we promise.' });
  await call('identity:set', ADA);
  await page.reload();
  await openFromLibrary(page, 'RFC-1');
  await page.getByRole('button', { name: 'Reading view' }).click();
  await page.getByTestId('suggestion').first().waitFor();
  await shoot(page, 'suggestion');
  await call('identity:set', grace);
  await page.reload();
  await page.getByTestId('review-mode-bar').waitFor();
  await page.waitForTimeout(300);
  await shoot(page, 'review-mode');

  // The decision grammar: Ada asks for reviews by a date already past; Grace raises a blocking concern and puts RFC-1 on hold.
  await call('identity:set', ADA);
  await call('reviews:request', { docId: rfc.id, note: 'Mostly the job table.', due: '2026-01-05' });
  await call('identity:set', grace);
  await call('reviews:raiseConcern', { docId: rfc.id, title: 'Crash recovery', text: 'Say what happens to queued jobs after a crash.', anchor: { section: 'Summary', quote: '', prefix: '', suffix: '' } });
  await call('reviews:hold', { docId: rfc.id, on: true, reason: 'Wait for the load test.' });
  await page.reload();
  await page.getByText('Crash recovery').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shoot(page, 'review-concerns');
  await go(page, 'Dashboard', /Dashboard/);
  await shoot(page, 'dashboard-review');
  await call('identity:set', ADA);
}

async function main(): Promise<void> {
  const staticDir = requireRenderer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-screens-'));
  const app = createApp({ workspaceDir: dir, bridge: 'web', version: 'screenshots', fallbackIdentity: () => ADA, offerFirstRun: true });
  const host = await startWebHost({ dispatch: app.dispatch, staticDir });
  const browser = await launchBrowser();
  fs.mkdirSync(OUT, { recursive: true });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.openUrl);
    await page.getByRole('heading', { name: 'Set up your workspace' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Name').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'How to start' }).waitFor();
    await shoot(page, 'first-run');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Share with your team (optional)' }).waitFor();
    await page.getByRole('button', { name: 'Open the library' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await page.getByTestId('doc-row').nth(3).waitFor();
    // Let the "created" toast go before the pictures.
    await page.waitForTimeout(4500);
    await shoot(page, 'library');

    await openFromLibrary(page, 'RFC-1');
    // The one editor with its outline in view, the metadata block above it.
    await page.locator('.metadata').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shoot(page, 'rfc-editor');
    await openFromLibrary(page, 'ADR-1');
    await shoot(page, 'adr-editor');
    await openFromLibrary(page, 'DM-1');
    await page.getByRole('table').first().scrollIntoViewIfNeeded();
    await shoot(page, 'matrix-editor');
    await openFromLibrary(page, 'PM-1');
    await shoot(page, 'postmortem-editor');

    await go(page, 'Action items', /Action items/);
    await shoot(page, 'action-items');
    await go(page, 'Dashboard', /Dashboard/);
    await shoot(page, 'dashboard');
    await go(page, 'Sync', /Sync/);
    await shoot(page, 'sync-settings');
    await go(page, 'Settings', 'Settings');
    await shoot(page, 'settings');

    await go(page, 'Library', 'Library');
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('combobox', { name: 'Type a command' }).pressSequentially('new');
    await shoot(page, 'command-palette');
    await page.keyboard.press('Escape');

    // Reviewing in the text (last, so the screens above show the samples as they come): Grace reviews RFC-1.
    await reviewInText(app, page);
  } finally {
    await browser.close();
    await host.close();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
