import path from 'node:path';
import { themedFindings } from '../support/axeScan';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

let web: WebApp;
let app: App;
let page: Page;

async function api<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Output<C>;
}

/** A local date `days` from today as YYYY-MM-DD (the browser runs on this machine's clock and zone). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Photographs `target` and scans `scope` with axe in light, dark and dark chosen by hand on a light system. */
function themedCheck(target: Locator, file: string, scope: readonly string[]): Promise<string[]> {
  return themedFindings(page, { include: scope, each: (s) => target.screenshot({ path: path.join(SCREENSHOTS, `${file}-${s.slug}.png`) }) });
}

async function expectSaved(): Promise<void> {
  await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
}

const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });

beforeAll(async () => {
  web = await startWebApp('pm-milestones');
  ({ app, page } = web);
});

afterAll(() => web?.close());

// One workspace and one page: the overview reads the postmortem the first test writes.
describe.sequential('postmortem milestones, action item links and the overview', () => {
  it('marks milestones and sees the times, links an action item to an ADR, records a won\'t-do with its reason', async () => {
    const adr = await api('docs:create', { kind: 'adr', title: 'Bound the connection pool per service' });
    const pm = await api('docs:create', { kind: 'postmortem', title: 'Checkout outage: connection pool exhausted' });
    await api('docs:update', {
      id: pm.id,
      baseRevision: pm.revision,
      fields: {
        ...pm.fields,
        incidentDate: day(-3),
        severity: 'SEV-5',
        timeline: [
          { id: 't1', time: '14:02', event: 'Error rate on checkout rises' },
          { id: 't2', time: '14:09', event: 'On-call paged by the error-rate alert' },
          { id: 't3', time: '14:31', event: 'Traffic shifted to the standby pool' },
          { id: 't4', time: '15:47', event: 'Pool limits raised, checkout healthy' },
        ],
        actionItems: [
          { id: 'a1', action: 'Cap connections per service', owner: 'Grace', due: day(10), status: 'open' },
          { id: 'a2', action: 'Rewrite the pool in-house', owner: 'Linus', due: day(10), status: 'open' },
        ],
      },
    });
    await page.evaluate((id) => (window.location.hash = `#doc/${id}`), pm.id);
    const ed = page.getByRole('article', { name: 'PM-1 editor' });
    await ed.waitFor();

    // A severity the scale does not know is kept and flagged; choosing one from the scale clears the flag.
    await expect(ed.getByLabel('Severity').inputValue()).resolves.toBe('SEV-5');
    await ed.getByText('"SEV-5" is not in the severity scale').waitFor();
    const options = await ed.getByLabel('Severity').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).label));
    expect(options.slice(0, 4)).toEqual([expect.stringMatching(/^SEV-1 — Critical/), expect.stringMatching(/^SEV-2 — Major/), expect.stringMatching(/^SEV-3 — Minor/), expect.stringMatching(/^SEV-4 — Low/)]);
    await ed.getByLabel('Severity').selectOption('SEV-2');
    await ed.getByText('Major: a key feature down or badly degraded', { exact: true }).waitFor();
    await expect(ed.getByText('is not in the severity scale').count()).resolves.toBe(0);

    // Milestones: the times are measured from the earliest event until a row is marked Start.
    const times = ed.getByRole('definition');
    await ed.getByTestId('pm-detect').getByText('Mark a detection row').waitFor();
    await ed.getByLabel('Milestone of timeline row 2').selectOption({ label: 'Detection' });
    await ed.getByLabel('Milestone of timeline row 3').selectOption({ label: 'Mitigation' });
    await ed.getByLabel('Milestone of timeline row 4').selectOption({ label: 'Resolution' });
    await expect(ed.getByTestId('pm-detect').locator('dd').textContent()).resolves.toBe('7 min');
    await expect(ed.getByTestId('pm-mitigate').locator('dd').textContent()).resolves.toBe('29 min');
    await expect(ed.getByTestId('pm-resolve').locator('dd').textContent()).resolves.toBe('1 h 45 min');
    await ed.getByLabel('Time of timeline row 1').fill('14:00');
    await ed.getByLabel('Milestone of timeline row 1').selectOption({ label: 'Start' });
    await expect(ed.getByTestId('pm-detect').locator('dd').textContent()).resolves.toBe('9 min');
    await ed.getByText('Measured from the row marked Start.').waitFor();
    expect(await times.count()).toBe(3);

    // Contributing factors as a list.
    await ed.getByRole('button', { name: 'Add contributing factor' }).click();
    await ed.getByLabel('Contributing factor 1', { exact: true }).fill('No alert on pool saturation');
    await ed.getByRole('button', { name: 'Add contributing factor' }).click();
    await ed.getByLabel('Contributing factor 2', { exact: true }).fill('Pool size copied from a staging default');

    // An action item names the ADR that addresses it: a wrong reference is refused, the right one becomes a link.
    await ed.getByLabel('RFC or ADR addressing action item 1').fill('DM-1');
    await ed.getByText('An RFC or ADR, e.g. RFC-12 or ADR-3').waitFor();
    await ed.getByLabel('RFC or ADR addressing action item 1').fill('adr-9');
    await ed.getByText('No ADR-9 in this workspace yet').waitFor();
    await ed.getByLabel('RFC or ADR addressing action item 1').fill(`adr-${adr.number}`);
    const link = ed.getByRole('button', { name: `ADR-${adr.number}: Bound the connection pool per service` });
    await link.waitFor();

    // Won't do, with its reason.
    await ed.getByLabel('Status of action item 2').selectOption({ label: "Won't do" });
    await ed.getByText('Say why it will not be done').waitFor();
    await ed.getByLabel('Reason action item 2 will not be done').fill('The ADR bounds the pool instead');
    await expect(ed.getByText('Say why it will not be done').count()).resolves.toBe(0);
    await expectSaved();

    const stored = (await api('docs:get', { id: pm.id })).fields;
    expect(stored).toMatchObject({
      severity: 'SEV-2',
      contributingFactors: ['No alert on pool saturation', 'Pool size copied from a staging default'],
      timeline: [{ time: '14:00', milestone: 'start' }, { milestone: 'detection' }, { milestone: 'mitigation' }, { milestone: 'resolution' }],
      actionItems: [{ link: `ADR-${adr.number}`, status: 'open' }, { status: 'wont-do', reason: 'The ADR bounds the pool instead', closed: day(0) }],
    });
    expect(await themedCheck(ed, 'postmortem-milestones', ['.pm-details', '.pm-timeline', '.pm-factors', '.pm-actions'])).toEqual([]);

    // The link opens the ADR.
    await link.click();
    await page.getByRole('article', { name: `ADR-${adr.number} editor` }).waitFor();
  });

  it('opens the overview from the command palette and the top navigation: a chart and the same numbers as a table', async () => {
    // The overview: reached from the command palette, with the chart and the same numbers as a table.
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('Postmortems overview');
    await page.keyboard.press('Enter');
    const view = page.locator('.pmo-view');
    await view.getByRole('heading', { name: 'Postmortems', level: 1 }).waitFor();
    await view.getByRole('img', { name: 'Time to resolve, median per quarter and severity' }).waitFor();
    const table = view.getByRole('table', { name: 'Median times per quarter and severity' });
    const row = table.locator('tbody tr').filter({ hasText: 'SEV-2' });
    await expect(row.locator('td').allTextContents()).resolves.toEqual(['SEV-2', '1', '9 min', '31 min', '1 h 47 min']);
    await view.getByRole('radio', { name: 'Time to detect' }).check();
    await view.getByRole('img', { name: 'Time to detect, median per quarter and severity' }).waitFor();
    expect(await themedCheck(view, 'postmortems-overview', ['.pmo-view'])).toEqual([]);

    // And from the top navigation.
    await nav('Library').click();
    await nav('Postmortems').click();
    await view.getByRole('table', { name: 'Action items done on time per quarter' }).waitFor();
    expect(web.problems).toEqual([]);
  });
});
