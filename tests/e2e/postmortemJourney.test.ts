import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { startWebApp, type WebApp } from '../support/webApp';
import { fillSection, sectionValue, waitForSection } from '../support/bodyEditor';

const SCREENSHOTS = path.resolve('test-results/screenshots');

let app: App;
let page: Page;

/** A local date `days` from today as YYYY-MM-DD (the browser runs on this machine's clock and zone). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const PAST_DUE = day(-5);
const FUTURE_DUE = day(14);
const INCIDENT_DATE = day(-9);

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('pm');
  ({ app, page } = web);
  
});

afterAll(() => web?.close());

async function expectSaved(): Promise<void> {
  await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
}

async function timelineRows(ed: Locator): Promise<[string, string][]> {
  const n = await ed.getByRole('table', { name: 'Timeline' }).locator('tbody tr').count();
  const rows: [string, string][] = [];
  for (let i = 1; i <= n; i++) {
    rows.push([await ed.getByLabel(`Time of timeline row ${i}`).inputValue(), await ed.getByLabel(`Event of timeline row ${i}`).inputValue()]);
  }
  return rows;
}

async function addEvent(ed: Locator, n: number, time: string, event: string): Promise<void> {
  await ed.getByRole('button', { name: 'Add event' }).click();
  await ed.getByLabel(`Time of timeline row ${n}`).fill(time);
  await ed.getByLabel(`Event of timeline row ${n}`).fill(event);
}

async function addActionItem(ed: Locator, n: number, item: { action: string; owner: string; due: string; status: string }): Promise<void> {
  await ed.getByRole('button', { name: 'Add action item' }).click();
  await ed.getByLabel(`Action of action item ${n}`).fill(item.action);
  await ed.getByLabel(`Owner of action item ${n}`).fill(item.owner);
  await ed.getByLabel(`Due date of action item ${n}`).fill(item.due);
  await ed.getByLabel(`Status of action item ${n}`).selectOption({ label: item.status });
}

describe('postmortem journey', () => {
  it('writes a postmortem with a sorted timeline and action items, and follows them up across postmortems', async () => {
    await page.getByRole('button', { name: 'New document of another kind' }).click();
    await page.getByRole('menuitem', { name: 'New Postmortem' }).click();
    const ed = page.getByRole('article', { name: 'PM-1 editor' });
    await ed.waitFor();

    // A new postmortem starts as a Draft, SEV-3, written by me, with the narrative template.
    await ed.getByTestId('status-badge').getByText('Draft').waitFor();
    await expect(ed.getByLabel('Severity').inputValue()).resolves.toBe('SEV-3');
    await expect(ed.getByLabel('Author').inputValue()).resolves.toBe('Ada Lovelace');
    for (const h of ['Summary', 'Root Cause', 'What Went Well', 'What Went Wrong', 'Lessons Learned']) {
      await ed.getByRole('heading', { name: h, exact: true }).waitFor();
    }

    // Metadata and impact.
    await ed.getByRole('textbox', { name: 'Title', exact: true }).fill('Checkout outage: payment provider timeouts');
    await ed.getByLabel('Incident date').fill(INCIDENT_DATE);
    await ed.getByLabel('Duration').fill('2h 15m');
    await ed.getByText('= 135 minutes').waitFor();
    await ed.getByLabel('Severity').selectOption('SEV-2');
    await ed.getByText('Major: a key feature down or badly degraded').waitFor();
    await ed.getByLabel('Attendees').fill('Grace Hopper, Linus Torvalds, Margaret Hamilton');
    await ed.getByLabel('Users affected').fill('12400');
    await ed.getByLabel('Minutes of downtime').fill('135');
    await ed.getByLabel('Revenue impact').fill('About $18k in lost orders');

    // Three timeline rows, typed out of order; a half-typed time is flagged and not saved.
    await ed.getByText('No events yet.', { exact: false }).waitFor();
    await addEvent(ed, 1, '10:42', 'Error rate back under 0.1%, incident closed');
    await addEvent(ed, 2, '8:2', 'Alert: checkout error rate above 5%');
    await ed.getByText('Use HH:MM or YYYY-MM-DD HH:MM').waitFor();
    await ed.getByLabel('Time of timeline row 2').fill('8:27');
    expect(await ed.getByText('Use HH:MM or YYYY-MM-DD HH:MM').count()).toBe(0);
    await addEvent(ed, 3, '09:15', 'Rolled the payment client back to 3.2');
    await ed.getByText('Not in time order').waitFor();

    // Move a row by hand, then let the app sort by time.
    await ed.getByRole('button', { name: 'Move timeline row 3 up' }).click();
    expect((await timelineRows(ed)).map(([t]) => t)).toEqual(['10:42', '09:15', '08:27']);
    await ed.getByRole('button', { name: 'Sort by time' }).click();
    expect(await timelineRows(ed)).toEqual([
      ['08:27', 'Alert: checkout error rate above 5%'],
      ['09:15', 'Rolled the payment client back to 3.2'],
      ['10:42', 'Error rate back under 0.1%, incident closed'],
    ]);
    expect(await ed.getByText('Not in time order').count()).toBe(0);

    await fillSection(ed, 'Summary', 'For 2h 15m one checkout in five failed: the payment client retried timeouts without a budget.');
    await fillSection(ed, 'Root Cause', 'Payment client 3.3 retried every timeout three times, tripling the load on a slow provider.');

    // Two action items, one already past its due date.
    await ed.getByText('No action items yet.', { exact: false }).waitFor();
    await addActionItem(ed, 1, { action: 'Add a timeout budget to payment calls', owner: 'Grace Hopper', due: PAST_DUE, status: 'In progress' });
    await addActionItem(ed, 2, { action: 'Page on-call on checkout error rate', owner: 'Linus Torvalds', due: FUTURE_DUE, status: 'Open' });
    const items = ed.getByRole('table', { name: 'Action items' });
    const rows = items.locator('tbody tr');
    await rows.nth(0).getByText('Overdue', { exact: true }).waitFor();
    expect(await rows.nth(1).getByText('Overdue', { exact: true }).count()).toBe(0);
    await expectSaved();

    // Reload: everything came back from the database.
    await page.reload();
    const again = page.getByRole('article', { name: 'PM-1 editor' });
    await again.waitFor();
    await expect(again.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).resolves.toBe('Checkout outage: payment provider timeouts');
    await expect(again.getByLabel('Incident date').inputValue()).resolves.toBe(INCIDENT_DATE);
    await expect(again.getByLabel('Duration').inputValue()).resolves.toBe('2h 15m');
    await expect(again.getByLabel('Severity').inputValue()).resolves.toBe('SEV-2');
    await expect(again.getByLabel('Attendees').inputValue()).resolves.toBe('Grace Hopper, Linus Torvalds, Margaret Hamilton');
    await expect(again.getByLabel('Users affected').inputValue()).resolves.toBe('12400');
    await expect(again.getByLabel('Minutes of downtime').inputValue()).resolves.toBe('135');
    await expect(again.getByLabel('Revenue impact').inputValue()).resolves.toBe('About $18k in lost orders');
    expect((await timelineRows(again)).map(([t]) => t)).toEqual(['08:27', '09:15', '10:42']);
    await expect(again.getByLabel('Owner of action item 1').inputValue()).resolves.toBe('Grace Hopper');
    await expect(again.getByLabel('Due date of action item 1').inputValue()).resolves.toBe(PAST_DUE);
    await expect(again.getByLabel('Status of action item 1').inputValue()).resolves.toBe('in-progress');
    await expect(again.getByLabel('Action of action item 2').inputValue()).resolves.toBe('Page on-call on checkout error rate');
    await waitForSection(again, 'Summary');
    expect(await sectionValue(again, 'Summary')).toMatch(/^For 2h 15m one checkout in five failed/);
    await again.getByRole('table', { name: 'Action items' }).locator('tbody tr').nth(0).getByText('Overdue', { exact: true }).waitFor();

    // The database holds the structured data, not just what the screen shows.
    const [pm] = app.documents.list('postmortem');
    const stored = app.documents.get(pm!.id);
    expect(stored.fields).toMatchObject({
      severity: 'SEV-2',
      duration: '2h 15m',
      attendees: ['Grace Hopper', 'Linus Torvalds', 'Margaret Hamilton'],
      impact: { usersAffected: 12400, downtimeMinutes: 135, revenueImpact: 'About $18k in lost orders' },
      timeline: [{ time: '08:27' }, { time: '09:15' }, { time: '10:42' }],
      actionItems: [
        { owner: 'Grace Hopper', due: PAST_DUE, status: 'in-progress' },
        { owner: 'Linus Torvalds', due: FUTURE_DUE, status: 'open' },
      ],
    });

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'postmortem-editor.png'), fullPage: true });

    // A teammate's earlier postmortem, so the cross-postmortem view has more than one source.
    const other = app.documents.create('postmortem', 'Search results stale for 40 minutes');
    app.documents.update({
      id: other.id,
      baseRevision: other.revision,
      fields: {
        ...other.fields,
        actionItems: [
          { id: 'a1', action: 'Alert on indexer queue age', owner: 'Margaret Hamilton', due: day(-20), status: 'done' },
          { id: 'a2', action: 'Document the reindex runbook', owner: 'Grace Hopper', due: day(30), status: 'open' },
        ],
      },
    });

    // Action items across postmortems: both of PM-1's, the overdue one marked in words.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Action items' }).click();
    await page.getByRole('heading', { name: 'Action items', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Action items' });
    await table.waitFor();
    const row = (action: string): Locator => table.getByRole('row').filter({ hasText: action });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    await row('Add a timeout budget to payment calls').getByText('Overdue', { exact: true }).waitFor();
    expect(await row('Page on-call on checkout error rate').getByText('Overdue', { exact: true }).count()).toBe(0);
    // Done items are never overdue, however old.
    expect(await row('Alert on indexer queue age').getByText('Overdue', { exact: true }).count()).toBe(0);
    await expect(row('Add a timeout budget to payment calls').getByRole('link').innerText()).resolves.toBe('PM-1 Checkout outage: payment provider timeouts');
    await page.getByText('1 overdue').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'action-items.png'), fullPage: true });

    // Filter by owner, then by status and overdue.
    await page.getByLabel('Owner').selectOption('Linus Torvalds');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await row('Page on-call on checkout error rate').waitFor();
    await page.getByLabel('Owner').selectOption('Grace Hopper');
    await row('Document the reindex runbook').waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Overdue only').check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await row('Add a timeout budget to payment calls').waitFor();
    await page.getByRole('form', { name: 'Filter action items' }).getByLabel('Status').selectOption('Done');
    await page.getByText('No action items match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await row('Alert on indexer queue age').waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);

    // The reference opens the postmortem.
    await row('Page on-call on checkout error rate').getByRole('link', { name: /PM-1/ }).click();
    await page.getByRole('article', { name: 'PM-1 editor' }).waitFor();
  });
});
