import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themedFindings } from '../support/axeScan';
import { startWebApp, type WebApp } from '../support/webApp';

// The engineering playbook's section 2.3 matrix, entered exactly as printed:
// ratings as ✅ ⚠️ ❌ and Cost as price tiers, lower is better.

const SCREENSHOTS = path.resolve('test-results/screenshots');

let web: WebApp;
let page: Page;

beforeAll(async () => {
  web = await startWebApp('playbook-matrix');
  ({ page } = web);
});

afterAll(() => web?.close());

const OPTIONS = ['PostgreSQL', 'MongoDB', 'DynamoDB'];
const CRITERIA: [string, string][] = [
  ['ACID', '3'],
  ['Scale', '2'],
  ['Team experience', '2'],
  ['Cost', '1'],
];
const MARK: Record<string, string> = { '✅': 'good', '⚠️': 'partial', '❌': 'poor' };
/** As the playbook prints it: criterion -> one cell per option, a mark (with a note) or a price tier. */
const PRINTED: Record<string, string[]> = {
  ACID: ['✅', '⚠️ v4+', '⚠️'],
  Scale: ['⚠️', '✅', '✅'],
  'Team experience': ['✅', '❌', '❌'],
  Cost: ['$$', '$$', '$$$'],
};

async function ranking(ed: Locator): Promise<string[]> {
  const items = await ed.getByRole('list', { name: 'Ranking' }).getByRole('listitem').allTextContents();
  return items.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The text the closed select shows: the mark and the word. */
const shownRating = (select: Locator): Promise<string> => select.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.textContent ?? '');

describe("the playbook's database matrix", () => {
  it('is entered as printed, cost included; PostgreSQL ranks first, the marks show, and the sensitivity sentence says how fragile that is', async () => {
    await page.getByRole('button', { name: 'New document of another kind' }).click();
    await page.getByRole('menuitem', { name: 'New Decision matrix' }).click();
    const ed = page.getByRole('article', { name: /^DM-\d+ editor$/ });
    await ed.waitFor();
    await ed.getByLabel('Title', { exact: true }).fill('Database for the order service');

    for (const [i, [name, weight]] of CRITERIA.entries()) {
      await ed.getByRole('button', { name: 'Add criterion' }).click();
      await page.keyboard.type(name);
      expect(await ed.getByLabel(`Name of criterion ${i + 1}`, { exact: true }).inputValue()).toBe(name);
      await ed.getByLabel(`Weight of ${name}`, { exact: true }).fill(weight);
    }
    for (const [i, name] of OPTIONS.entries()) {
      await ed.getByRole('button', { name: 'Add option' }).click();
      await ed.getByLabel(`Name of option ${i + 1}`, { exact: true }).fill(name);
    }
    // Cost is a price, where lower is better: its cells take the tiers as typed.
    await ed.getByLabel('How Cost is judged', { exact: true }).selectOption({ label: 'Value, lower is better' });

    for (const [criterion, cells] of Object.entries(PRINTED)) {
      for (const [oi, printed] of cells.entries()) {
        const option = OPTIONS[oi]!;
        const [head, ...rest] = printed.split(' ');
        if (criterion === 'Cost') {
          await ed.getByLabel(`Value of ${option} for ${criterion}`, { exact: true }).fill(head!);
        } else {
          await ed.getByLabel(`Rating of ${option} for ${criterion}`, { exact: true }).selectOption(MARK[head!]!);
        }
        if (rest.length) await ed.getByLabel(`Note for ${option} on ${criterion}`, { exact: true }).fill(rest.join(' '));
      }
    }

    // ACID 3, Scale 2, Team 2, Cost 1 (of 8). Cost: $$ scores 1, $$$ scores 2/3 (best / value).
    // PostgreSQL (3 + 1 + 2 + 1) / 8 = 87.5%; MongoDB (1.5 + 2 + 0 + 1) / 8 = 56.3%; DynamoDB (1.5 + 2 + 0 + .67) / 8 = 52.1%.
    await expect.poll(() => ranking(ed), { timeout: 5000 }).toEqual(['1st PostgreSQL 87.5%', '2nd MongoDB 56.3%', '3rd DynamoDB 52.1%']);
    await expect
      .poll(() => ed.getByTestId('sensitivity').textContent(), { timeout: 5000 })
      .toBe('PostgreSQL stays first unless Scale’s weight rises above 7 (now 2); then MongoDB leads.');

    // The marks are what the reader sees; the words stay the accessible names.
    expect(await shownRating(ed.getByLabel('Rating of PostgreSQL for ACID', { exact: true }))).toBe('✅ Good');
    expect(await shownRating(ed.getByLabel('Rating of MongoDB for ACID', { exact: true }))).toBe('⚠️ Partial');
    expect(await shownRating(ed.getByLabel('Rating of DynamoDB for Team experience', { exact: true }))).toBe('❌ Poor');
    expect(await ed.getByLabel('Rating of MongoDB for ACID', { exact: true }).getByRole('option', { name: 'Partial', exact: true }).count()).toBe(1);
    expect(await ed.getByLabel('Note for MongoDB on ACID', { exact: true }).inputValue()).toBe('v4+');
    // The raw tiers stay as typed, with what they count for beside them.
    expect(await ed.getByLabel('Value of DynamoDB for Cost', { exact: true }).inputValue()).toBe('$$$');
    expect((await ed.getByRole('row', { name: /Cost/ }).textContent()) ?? '').toContain('66.7%');

    // A close call is marked when the margin covers the gap between the top two (31.3 points).
    expect(await ed.getByTestId('close-call').count()).toBe(0);
    await ed.getByLabel('Close call within', { exact: true }).fill('35');
    await expect.poll(() => ed.getByTestId('close-call').textContent()).toBe('Close call PostgreSQL leads MongoDB by 31.3 points, within the margin of 35.');

    // Scale's weight past the reported point: MongoDB takes first place, as the sentence said.
    await ed.getByLabel('Weight of Scale', { exact: true }).fill('7.5');
    await expect.poll(() => ranking(ed), { timeout: 5000 }).toEqual(['1st MongoDB 74.1%', '2nd PostgreSQL 72.2%', '3rd DynamoDB 71.6%']);
    await ed.getByLabel('Weight of Scale', { exact: true }).fill('2');
    await expect.poll(() => ranking(ed), { timeout: 5000 }).toEqual(['1st PostgreSQL 87.5%', '2nd MongoDB 56.3%', '3rd DynamoDB 52.1%']);

    await ed.getByLabel('Revisit when', { exact: true }).fill('at 100K users');
    await ed.getByLabel('Revisit on', { exact: true }).fill('2027-06-01');

    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
    await page.reload();
    const again = page.getByRole('article', { name: /^DM-\d+ editor$/ });
    await again.waitFor();
    expect(await again.getByLabel('Value of MongoDB for Cost', { exact: true }).inputValue()).toBe('$$');
    expect(await again.getByLabel('Revisit on', { exact: true }).inputValue()).toBe('2027-06-01');
    expect(await again.getByLabel('Close call within', { exact: true }).inputValue()).toBe('35');
    await expect.poll(() => ranking(again), { timeout: 5000 }).toEqual(['1st PostgreSQL 87.5%', '2nd MongoDB 56.3%', '3rd DynamoDB 52.1%']);

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await again.getByRole('table').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'playbook-matrix.png') });

    expect(await themedFindings(page)).toEqual([]);
  });
});
