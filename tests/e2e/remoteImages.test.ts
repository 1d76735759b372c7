import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Locator, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { CHROMIUM, CHROMIUM_ARGS, type Browser } from '../support/browser';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';
import { selfSignedCert, startCountingServer, type CountingServer } from '../support/countingServer';

/** A 1x1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** What the counting servers answer: the pixel, never cached. */
const PIXEL_ANSWER = { contentType: 'image/png', body: PIXEL, headers: { 'cache-control': 'no-store' } };

let certDir: string;
let images: CountingServer;
let plain: CountingServer;
let browser: Browser;
let web: WebApp;
let app: App;
let page: Page;

beforeAll(async () => {
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-images-'));
  images = await startCountingServer(PIXEL_ANSWER, selfSignedCert(certDir));
  plain = await startCountingServer(PIXEL_ANSWER);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-profile-'));
  // The page trusts the test's own certificate; nothing else about the browser changes.
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true });
  browser = {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  web = await startWebApp('images', {}, { browser });
  ({ app, page } = web);
});

afterAll(async () => {
  await web?.close();
  await browser?.close();
  await images?.close();
  await plain?.close();
  if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
});

function bodyWithImages(tag: string): string {
  const u = images.url;
  return [
    '## Summary',
    '',
    `A chart: ![chart](${u}/chart.png?${tag}-md) and a scheme-less one ![logo](//127.0.0.1:1/x.png).`,
    '',
    `<img src="${u}/raw.png?${tag}-html"> <picture><source srcset="${u}/set.png?${tag}-srcset 2x"><img src="${u}/pic.png?${tag}-pic"></picture>`,
    '',
    `<span style="background-image:url(${u}/bg.png?${tag}-css)">styled</span>`,
    '',
    `A plain-http one: ![old](${plain.url}/old.png?${tag}-http)`,
    '',
    `And a local one: ![local](data:image/png;base64,${PIXEL.toString('base64')})`,
    '',
  ].join('\n');
}

async function createDoc(title: string, tag: string): Promise<string> {
  const created = await app.dispatch('docs:create', { kind: 'rfc', title });
  if (!created.ok) throw new Error(created.error.message);
  const doc = created.value as { id: string; revision: number };
  const updated = await app.dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, body: bodyWithImages(tag) });
  if (!updated.ok) throw new Error(updated.error.message);
  return doc.id;
}

const editor = (): Locator => page.locator('article.editor');

async function openReading(id: string): Promise<void> {
  await page.evaluate((docId) => {
    history.pushState(null, '', `#doc/${docId}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, id);
  const title = app.documents.get(id).title;
  await editor().getByRole('heading', { name: title }).or(editor().getByRole('textbox', { name: 'Title', exact: true })).first().waitFor();
  const toReading = editor().getByRole('button', { name: 'Reading view' });
  if (await toReading.count()) await toReading.click();
  await editor().locator('[data-reading-body]').getByText('A chart:').waitFor();
}

const hitsFor = (tag: string): string[] => images.hits.filter((h) => h.includes(`${tag}-`));

/** Lets image loads that slipped through happen before counting them. */
async function settle(): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
}

describe('remote images in a teammate’s document', () => {
  it('load nothing until the reader allows them for that document; data: images still show', async () => {
    const id = await createDoc('With a tracking pixel', 'a');
    await page.waitForLoadState();
    await openReading(id);
    const bar = editor().getByTestId('remote-images-bar');
    await bar.getByText('Remote images are blocked').waitFor();
    await settle();
    expect(hitsFor('a')).toEqual([]);
    // The placeholder says what was held back; the local image is a real image.
    await editor().getByRole('img', { name: 'Remote image not loaded: chart' }).waitFor();
    const local = editor().locator('[data-reading-body] img[alt="local"]');
    await expect.poll(() => local.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'remote-images-blocked.png') });

    await bar.getByRole('button', { name: 'Load images' }).click();
    await expect.poll(() => hitsFor('a').length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await bar.count()).toBe(0);
    // The markdown image and the raw-HTML ones the sanitizer keeps load; nothing over plain http (the app's CSP).
    await expect.poll(() => hitsFor('a').some((h) => h.includes('a-md'))).toBe(true);
    expect(plain.hits).toEqual([]);

    // The choice is remembered for this document on this device.
    const before = hitsFor('a').length;
    await page.reload();
    await openReading(id);
    await expect.poll(() => hitsFor('a').length, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await editor().getByTestId('remote-images-bar').count()).toBe(0);
  });

  it('another document stays blocked, until Settings say to always load them', async () => {
    const id = await createDoc('Another pixel', 'b');
    await openReading(id);
    await editor().getByTestId('remote-images-bar').waitFor();
    await settle();
    expect(hitsFor('b')).toEqual([]);
    // The editor's own preview holds them back too.
    await editor().getByRole('button', { name: 'Back to editing' }).click();
    await editor().locator('[data-body-editor] .w-md-editor-preview [data-outline-index="1"] .wmde-markdown').getByText('A chart:').waitFor();
    await settle();
    expect(hitsFor('b')).toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('checkbox', { name: /Always load remote images/ }).check();
    await openReading(id);
    await expect.poll(() => hitsFor('b').length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await editor().getByTestId('remote-images-bar').count()).toBe(0);
    expect(web.problems.filter((p) => !/Content Security Policy|ERR_|Failed to load resource/.test(p))).toEqual([]);
  });
});
