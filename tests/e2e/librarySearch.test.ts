import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { DOC_KINDS } from '../../src/shared/kinds/kinds';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

const PER_KIND = 75;

let web: WebApp;
let app: App;
let page: Page;

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as Output<C>;
}

const TOPICS = [
  'Kubernetes autoscaling for batch jobs',
  'Postgres failover drill',
  'Kafka retention and compaction',
  'Edge caching for the storefront',
  'Feature flag cleanup',
  'Billing ledger double entry',
  'Search indexing pipeline',
  'Audit logging for admin actions',
  'Rate limiting the public API',
  'Secrets rotation with Vault',
];
const AUTHORS = ['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds', 'Barbara Liskov'];

/** 300 documents through the same calls the app makes: 75 of each kind, varied titles, bodies, authors and statuses. */
async function seed(): Promise<void> {
  for (let i = 0; i < PER_KIND; i++) {
    for (const kind of DOC_KINDS) {
      const topic = TOPICS[(i + DOC_KINDS.indexOf(kind)) % TOPICS.length]!;
      const doc = await call('docs:create', { kind, title: `${topic} (${kind} ${i + 1})` });
      const body = `${doc.body}\n\nThis note covers ${topic.toLowerCase()}. Owner team ${i % 7}; reviewed with the platform guild.\n`;
      await call('docs:update', { id: doc.id, baseRevision: doc.revision, body, fields: { ...doc.fields, author: AUTHORS[i % AUTHORS.length] } });
      if (kind === 'adr' && i < 10) await call('docs:move', { id: doc.id, to: 'accepted' });
    }
  }
}

const rows = () => page.getByTestId('doc-row');
const refsInView = async (): Promise<string[]> => (await rows().locator('.doc-ref').allInnerTexts()).map((t) => t.trim());

beforeAll(async () => {
  web = await startWebApp('library', {}, {
    beforeOpen: async (started) => {
      ({ app, page } = started);
      await seed();
    },
  });
});

afterAll(() => web?.close());

describe('library and search', () => {
  it('lists 300 documents in a virtualized table with column headers', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
    const table = page.getByRole('table', { name: 'Documents' });
    await table.waitFor();
    await page.getByText('300 documents', { exact: true }).waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual(['Number', 'Title', 'Kind', 'Status', 'Author', 'Updated']);
    expect(await table.getAttribute('aria-rowcount')).toBe('301');
    const rendered = await rows().count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);

    // Sort by number: ADR-1 first; a row shows its reference, title, kind, status and author.
    await table.getByRole('button', { name: 'Number' }).click();
    expect(await table.getByRole('columnheader', { name: /Number/ }).getAttribute('aria-sort')).toBe('ascending');
    const first = rows().first();
    expect(await first.innerText()).toMatch(/^ADR-1\s+Postgres failover drill \(adr 1\)\s+ADR\s+Accepted\s+Ada Lovelace\s+just now$/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'library.png') });
  });

  it('scrolls to the last of 300 rows while keeping only a window of rows in the page', async () => {
    const body = page.getByTestId('library-scroll');
    await body.hover();
    for (let i = 0; i < 40 && !(await refsInView()).includes(`RFC-${PER_KIND}`); i++) await page.mouse.wheel(0, 1500);
    const refs = await refsInView();
    expect(refs).toContain(`RFC-${PER_KIND}`);
    expect(refs).not.toContain('ADR-1');
    expect(refs.length).toBeLessThan(60);
    await rows().filter({ hasText: `RFC-${PER_KIND}` }).first().waitFor({ state: 'visible' });
  });

  it('filters by kind and status, then clears the filters', async () => {
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'ADRs' });
    await page.getByText('75 of 300 documents').waitFor();
    expect((await refsInView()).every((r) => r.startsWith('ADR-'))).toBe(true);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Accepted' });
    await page.getByText('10 of 300 documents').waitFor();
    expect(await rows().count()).toBe(10);
    await page.getByLabel('Author', { exact: true }).selectOption('Grace Hopper');
    await page.getByText('3 of 300 documents').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByText('300 documents', { exact: true }).waitFor();
  });

  it('searches as you type, with ranked results and highlighted snippets', async () => {
    const box = page.getByRole('searchbox', { name: 'Search documents' });
    await box.click();
    await box.pressSequentially('kuber', { delay: 40 });
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    await page.getByText(/results? for “kuber”/).waitFor();
    const top = results.getByTestId('search-result').first();
    expect(await top.locator('.result-link mark').first().innerText()).toBe('Kubernetes');
    expect(await top.locator('.result-snippet mark').first().innerText()).toMatch(/^kubernetes$/i);
    // Every result is about Kubernetes: its title says so.
    const titles = await results.locator('.result-link').allInnerTexts();
    expect(titles.length).toBeGreaterThan(10);
    expect(titles.every((t) => t.startsWith('Kubernetes autoscaling'))).toBe(true);
    // No table while searching.
    expect(await page.getByRole('table', { name: 'Documents' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search.png') });

    // The kind filter narrows the search too.
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Postmortems' });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.library-results .doc-ref')).every((e) => e.textContent?.startsWith('PM-')));
    expect((await results.locator('.doc-ref').allInnerTexts()).length).toBeGreaterThan(0);
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'All kinds' });
  });

  it('puts the document named by its number first, and survives a malformed query', async () => {
    const box = page.getByRole('searchbox', { name: 'Search documents' });
    await box.fill('rfc 12');
    const top = page.getByTestId('search-result').first();
    await top.getByText('Number match').waitFor();
    expect(await top.locator('.doc-ref').innerText()).toBe('RFC-12');

    await box.fill('"(((  AND');
    await page.getByText(/results? for “"\(\(\(  AND”|Nothing matches/).first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    await box.fill('zyxwvut');
    await page.getByRole('heading', { name: 'Nothing matches “zyxwvut”' }).waitFor();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.getByRole('table', { name: 'Documents' }).waitFor();
    expect(await box.inputValue()).toBe('');
  });

  it('opens a result, and Enter in the search box opens the best match', async () => {
    const box = page.getByRole('searchbox', { name: 'Search documents' });
    await box.fill('vault rotation');
    const first = page.getByTestId('search-result').first();
    await first.waitFor();
    const ref = (await first.locator('.doc-ref').innerText()).trim();
    const title = (await first.locator('.result-link').innerText()).trim();
    await first.locator('.result-link').click();
    const editor = page.getByRole('article', { name: `${ref} editor` });
    await editor.waitFor();
    expect(await editor.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(title);

    // Back in the library the search is still there; Enter opens its best match straight away.
    await page.goBack();
    await page.getByRole('list', { name: 'Search results' }).waitFor();
    expect(await box.inputValue()).toBe('vault rotation');
    await box.fill('DM-7');
    await box.press('Enter');
    await page.getByRole('article', { name: 'DM-7 editor' }).waitFor();
  });
});
