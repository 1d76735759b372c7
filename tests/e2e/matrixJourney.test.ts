import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { startWebApp, type WebApp } from '../support/webApp';
import { fillSection } from '../support/bodyEditor';

const SCREENSHOTS = path.resolve('test-results/screenshots');

let app: App;
let page: Page;

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('matrix');
  ({ app, page } = web);
  
});

afterAll(() => web?.close());

const CRITERIA: [string, string][] = [
  ['Latency', '3'],
  ['Cost', '1'],
  ['Team experience', '2'],
];
const OPTIONS = ['Postgres', 'MySQL', 'SQLite'];
/** criterion -> option -> [rating, note] */
const RATINGS: Record<string, Record<string, [string, string]>> = {
  Latency: { Postgres: ['Good', 'p99 4 ms'], MySQL: ['Partial', ''], SQLite: ['Poor', 'single writer'] },
  Cost: { Postgres: ['Partial', '$$'], MySQL: ['Good', '$'], SQLite: ['Good', 'free'] },
  'Team experience': { Postgres: ['Good', 'v14+'], MySQL: ['Poor', ''], SQLite: ['Good', ''] },
};

async function expectSaved(): Promise<void> {
  await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
}

/** The ranking strip, best first, as the reader sees it: "1st Postgres 91.7%". */
async function ranking(ed: Locator): Promise<string[]> {
  const items = await ed.getByRole('list', { name: 'Ranking' }).getByRole('listitem').allTextContents();
  return items.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits until the ranking shows `expected` (it follows each keystroke, through React). */
async function expectRanking(ed: Locator, expected: string[]): Promise<void> {
  await expect.poll(() => ranking(ed), { timeout: 5000 }).toEqual(expected);
}

async function scoreText(ed: Locator, option: string): Promise<string> {
  const cell = ed.getByRole('cell', { name: new RegExp(`^Score of ${option}:`) });
  return ((await cell.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function isLeaderColumn(ed: Locator, option: string): Promise<boolean> {
  const head = ed.getByRole('columnheader').filter({ has: page.getByLabel(`Name of option ${OPTIONS.indexOf(option) + 1}`, { exact: true }) });
  return ((await head.getAttribute('class')) ?? '').includes('is-leader');
}

describe('decision matrix journey', () => {
  it('fills a 3 x 3 matrix, re-ranks live when a weight changes, shows ties as ties, and keeps it all after a reload', async () => {
    await page.getByRole('button', { name: 'New document of another kind' }).click();
    await page.getByRole('menuitem', { name: 'New Decision matrix' }).click();
    const ed = page.getByRole('article', { name: /^DM-\d+ editor$/ });
    await ed.waitFor();
    await ed.getByLabel('Title', { exact: true }).fill('Database for the event store');
    expect(await ed.getByLabel('Author', { exact: true }).inputValue()).toBe('Ada Lovelace');
    await expect.poll(() => ed.getByText('Rate the cells to see the weighted totals and the ranking.').isVisible()).toBe(true);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'matrix-editor-empty.png') });

    // Requirements: Enter adds the next one.
    await ed.getByRole('button', { name: 'Add requirement' }).click();
    await ed.getByLabel('Requirement 1', { exact: true }).fill('Runs on our own servers');
    await ed.getByLabel('Requirement 1', { exact: true }).press('Enter');
    await ed.getByLabel('Requirement 2', { exact: true }).fill('Open-source licence');

    // Criteria and options: each new row or column takes the focus, so adding and naming is one motion.
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
    for (const [criterion, row] of Object.entries(RATINGS)) {
      for (const [option, [rating, note]] of Object.entries(row)) {
        await ed.getByLabel(`Rating of ${option} for ${criterion}`, { exact: true }).selectOption(rating.toLowerCase());
        if (note) await ed.getByLabel(`Note for ${option} on ${criterion}`, { exact: true }).fill(note);
      }
    }

    // Weights 3 / 1 / 2: Postgres (1*3 + .5*1 + 1*2) / 6 = 91.7%, SQLite 3/6 = 50%, MySQL 2.5/6 = 41.7%.
    await expectRanking(ed, ['1st Postgres 91.7%', '2nd SQLite 50%', '3rd MySQL 41.7%']);
    expect(await scoreText(ed, 'Postgres')).toBe('Score of Postgres: 91.7% 1st');
    expect(await scoreText(ed, 'MySQL')).toBe('Score of MySQL: 41.7% 3rd');
    expect(await isLeaderColumn(ed, 'Postgres')).toBe(true);
    expect(await isLeaderColumn(ed, 'SQLite')).toBe(false);
    // Each weight's share of the total is shown beside it.
    await expect.poll(() => ed.getByRole('row', { name: /Latency/ }).getByText('50%', { exact: true }).isVisible()).toBe(true);

    // Latency stops mattering: SQLite (0 + 1 + 2) / 3 = 100% overtakes Postgres (0 + .5 + 2) / 3 = 83.3%.
    await ed.getByLabel('Weight of Latency', { exact: true }).fill('0');
    await expectRanking(ed, ['1st SQLite 100%', '2nd Postgres 83.3%', '3rd MySQL 33.3%']);
    expect(await isLeaderColumn(ed, 'SQLite')).toBe(true);
    expect(await isLeaderColumn(ed, 'Postgres')).toBe(false);

    // A half-typed weight never reaches the ranking.
    await ed.getByLabel('Weight of Cost', { exact: true }).fill('2.');
    expect(await ed.getByLabel('Weight of Cost', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await ed.getByLabel('Weight of Cost', { exact: true }).fill('abc');
    expect(await ed.getByLabel('Weight of Cost', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await ed.getByLabel('Weight of Cost', { exact: true }).fill('1');
    await expectRanking(ed, ['1st SQLite 100%', '2nd Postgres 83.3%', '3rd MySQL 33.3%']);

    await expectSaved();
    await page.reload();
    const again = page.getByRole('article', { name: /^DM-\d+ editor$/ });
    await again.waitFor();
    expect(await again.getByLabel('Title', { exact: true }).inputValue()).toBe('Database for the event store');
    expect(await again.getByLabel('Requirement 2', { exact: true }).inputValue()).toBe('Open-source licence');
    for (const [i, [name]] of CRITERIA.entries()) expect(await again.getByLabel(`Name of criterion ${i + 1}`, { exact: true }).inputValue()).toBe(name);
    for (const [i, name] of OPTIONS.entries()) expect(await again.getByLabel(`Name of option ${i + 1}`, { exact: true }).inputValue()).toBe(name);
    expect(await again.getByLabel('Weight of Latency', { exact: true }).inputValue()).toBe('0');
    expect(await again.getByLabel('Weight of Team experience', { exact: true }).inputValue()).toBe('2');
    expect(await again.getByLabel('Rating of SQLite for Latency', { exact: true }).inputValue()).toBe('poor');
    expect(await again.getByLabel('Note for Postgres on Cost', { exact: true }).inputValue()).toBe('$$');
    await expectRanking(again, ['1st SQLite 100%', '2nd Postgres 83.3%', '3rd MySQL 33.3%']);

    // Equal totals share a rank: Latency 1, Cost 1, Team 0 -> Postgres and MySQL both 75%.
    await again.getByLabel('Weight of Latency', { exact: true }).fill('1');
    await again.getByLabel('Weight of Team experience', { exact: true }).fill('0');
    await expectRanking(again, ['tied 1st Postgres 75%', 'tied 1st MySQL 75%', '3rd SQLite 50%']);
    expect(await isLeaderColumn(again, 'Postgres')).toBe(true);
    expect(await isLeaderColumn(again, 'MySQL')).toBe(true);
    expect(await scoreText(again, 'MySQL')).toBe('Score of MySQL: 75% tied 1st');

    // Every weight 0: the criteria count equally, and the page says so.
    await again.getByLabel('Weight of Latency', { exact: true }).fill('0');
    await again.getByLabel('Weight of Cost', { exact: true }).fill('0');
    await expect.poll(() => again.getByText('All weights are 0, so every criterion counts equally.').isVisible()).toBe(true);
    await again.getByLabel('Weight of Latency', { exact: true }).fill('3');
    await again.getByLabel('Weight of Cost', { exact: true }).fill('1');
    await again.getByLabel('Weight of Team experience', { exact: true }).fill('2');
    await expectRanking(again, ['1st Postgres 91.7%', '2nd SQLite 50%', '3rd MySQL 41.7%']);

    // The 1-5 scale converts ratings (good 5, partial 3, poor 1), so the totals stay put.
    await again.getByLabel('Rating scale', { exact: true }).selectOption({ label: '1 to 5' });
    expect(await again.getByLabel('Rating of Postgres for Latency', { exact: true }).inputValue()).toBe('5');
    expect(await again.getByLabel('Rating of MySQL for Latency', { exact: true }).inputValue()).toBe('3');
    await expectRanking(again, ['1st Postgres 91.7%', '2nd SQLite 50%', '3rd MySQL 41.7%']);
    // MySQL's latency from 3 to 4: (.75 * 3 + 1 * 1 + 0 * 2) / 6 = 54.2% passes SQLite.
    await again.getByLabel('Rating of MySQL for Latency', { exact: true }).selectOption('4');
    await expectRanking(again, ['1st Postgres 91.7%', '2nd MySQL 54.2%', '3rd SQLite 50%']);

    // Reorder: options and criteria move, their ratings move with them.
    await again.getByRole('button', { name: 'Move SQLite left' }).click();
    expect(await again.getByLabel('Name of option 2', { exact: true }).inputValue()).toBe('SQLite');
    await again.getByRole('button', { name: 'Move Team experience up' }).click();
    expect(await again.getByLabel('Name of criterion 2', { exact: true }).inputValue()).toBe('Team experience');
    expect(await again.getByLabel('Rating of SQLite for Latency', { exact: true }).inputValue()).toBe('1');

    // And back: 4 reads as good, so MySQL's latency now counts in full.
    await again.getByLabel('Rating scale', { exact: true }).selectOption({ label: 'Good / partial / poor' });
    expect(await again.getByLabel('Rating of MySQL for Latency', { exact: true }).inputValue()).toBe('good');
    await expectRanking(again, ['1st Postgres 91.7%', '2nd MySQL 66.7%', '3rd SQLite 50%']);

    // An empty criterion counts as 0 for everyone and is reported; removing it asks nothing.
    await again.getByRole('button', { name: 'Add criterion' }).click();
    await page.keyboard.type('Licence');
    await expect.poll(() => again.getByText('3 cells are not rated yet and count as 0.').isVisible()).toBe(true);
    // The new row weighs 1 of 7 now: SQLite's 3 of 6 becomes 3 of 7.
    expect(await scoreText(again, 'SQLite')).toBe('Score of SQLite: 42.9% 3rd 1 of 4 not rated');
    await again.getByRole('button', { name: 'Remove Licence' }).click();
    await expect.poll(() => again.getByLabel('Weight of Licence', { exact: true }).count()).toBe(0);

    // Removing a rated option asks first; declining keeps it.
    page.once('dialog', (d) => void d.dismiss());
    await again.getByRole('button', { name: 'Remove MySQL' }).click();
    expect(await again.getByLabel('Name of option 3', { exact: true }).inputValue()).toBe('MySQL');

    // The outcome: one click takes the leader, then the rationale and the trigger to revisit.
    await again.getByRole('button', { name: 'Choose Postgres' }).click();
    expect(await again.getByLabel('Decision', { exact: true }).inputValue()).toBe('We choose Postgres.');
    await again.getByLabel('Rationale', { exact: true }).fill('Fastest where it matters, and the team already runs it in production.');
    await again.getByLabel('Revisit when', { exact: true }).fill('at 100K events per second, or if the managed offering doubles in price');
    await fillSection(again, 'Context', 'The event store outgrows its single SQLite file this quarter.');

    await expectSaved();
    await page.reload();
    const last = page.getByRole('article', { name: /^DM-\d+ editor$/ });
    await last.waitFor();
    await expectRanking(last, ['1st Postgres 91.7%', '2nd MySQL 66.7%', '3rd SQLite 50%']);
    expect(await last.getByLabel('Rating scale', { exact: true }).inputValue()).toBe('good-partial-poor');
    expect(await last.getByLabel('Decision', { exact: true }).inputValue()).toBe('We choose Postgres.');
    expect(await last.getByLabel('Revisit when', { exact: true }).inputValue()).toMatch(/^at 100K events/);

    // What the store holds is the data itself, not a rendering of it.
    const [summary] = app.documents.list('matrix');
    const stored = app.documents.get(summary!.id).fields as { criteria: { name: string; weight: number }[]; options: { name: string }[] };
    expect(stored.criteria.map((c) => [c.name, c.weight])).toEqual([
      ['Latency', 3],
      ['Team experience', 2],
      ['Cost', 1],
    ]);
    expect(stored.options.map((o) => o.name)).toEqual(['Postgres', 'SQLite', 'MySQL']);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'matrix-editor.png'), fullPage: true });
  });
});
