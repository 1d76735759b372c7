import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSite } from '../../src/main/publish/publishSite';
import { readWorkspaceSite } from '../../src/main/publish/siteSources';
import { launchBrowser, type Browser } from '../support/browser';
import { BODY_WORD, seedPublishWorkspace } from '../support/publishFixture';

// The published site opened from file:// in Debian's Chromium, as a reader
// who downloaded the CI artifact would: search, filters, a diagram, no
// request to any other host, axe clean in light and dark, fits a phone.

let dir: string;
let site: string;
let browser: Browser;
let page: Page;
const outside: string[] = [];
const url = (rel: string): string => pathToFileURL(path.join(site, rel)).href;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-publish-e2e-'));
  await seedPublishWorkspace(path.join(dir, 'ws'));
  site = path.join(dir, 'site');
  publishSite(readWorkspaceSite(path.join(dir, 'ws')), site, { title: 'Team decisions' });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('request', (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) outside.push(r.url());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const visibleRefs = (): Promise<string[]> => page.locator('.doc-item:visible .doc-ref').allTextContents();

async function axe(): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    for (const v of result.violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

describe.sequential('the published site from file://', () => {
  it('finds a word that only a body holds, with the index built at publish time', async () => {
    await page.goto(url('index.html'));
    expect((await visibleRefs()).sort()).toEqual(['ADR-1', 'ADR-2', 'DM-1', 'PM-1', 'RFC-1']);
    await page.getByLabel('Search', { exact: true }).fill(BODY_WORD);
    await expect.poll(visibleRefs).toEqual(['RFC-1']);
    await expect.poll(() => page.locator('#result-count').textContent()).toBe('1 of 5 documents match.');
    await page.getByLabel('Search', { exact: true }).fill('');
  });

  it('filters by kind, status, author and tag', async () => {
    await page.getByLabel('Kind').selectOption('adr');
    await expect.poll(async () => (await visibleRefs()).sort()).toEqual(['ADR-1', 'ADR-2']);
    await page.getByLabel('Tag').selectOption('ledger');
    await expect.poll(visibleRefs).toEqual(['ADR-1']);
    await page.getByLabel('Kind').selectOption('');
    await page.getByLabel('Tag').selectOption('');
    await page.getByLabel('Status').selectOption('superseded');
    await expect.poll(visibleRefs).toEqual(['ADR-1']);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Author').selectOption('Ada Lovelace');
    expect((await visibleRefs()).length).toBeGreaterThan(0);
    await page.getByLabel('Author').selectOption('');
    await expect.poll(async () => (await visibleRefs()).length).toBe(5);
  });

  it('renders a Mermaid diagram with the mermaid shipped in the site', async () => {
    await page.goto(url('rfc-1.html'));
    await page.locator('pre.mermaid svg').waitFor({ timeout: 30_000 });
    expect(await page.locator('pre.mermaid svg').getByText('Retry queue').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    await page.screenshot({ path: path.join('test-results', 'publish-rfc.png') }).catch(() => undefined);
  });

  it('asks nothing of any other host', () => {
    expect(outside).toEqual([]);
  });

  it('is clean under axe in light and dark: the index and a page of each kind', async () => {
    const found: string[] = [];
    for (const rel of ['index.html', 'rfc-1.html', 'adr-1.html', 'dm-1.html', 'pm-1.html']) {
      await page.goto(url(rel));
      if (rel === 'rfc-1.html') await page.locator('pre.mermaid svg').waitFor({ timeout: 30_000 });
      found.push(...(await axe()).map((f) => `${rel} ${f}`));
    }
    expect(found).toEqual([]);
  });

  it('fits a phone: nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const rel of ['index.html', 'dm-1.html', 'adr-1.html']) {
      await page.goto(url(rel));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, rel).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(outside).toEqual([]);
  });
});
