import path from 'node:path';
import { themedFindings } from '../support/axeScan';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { ADA, SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';
import { signInAs as signIn, type Person } from '../support/identityAndSelection';

/**
 * Concerns, hold, final comment period and due dates (issue 14) in a real
 * browser with three identities; the review panel and the dashboard are
 * scanned with axe and photographed in light, system dark and dark chosen by hand.
 */
const GRACE = { name: 'Grace Hopper', email: 'grace@example.com' };
const LINUS = { name: 'Linus Torvalds', email: 'linus@example.com' };
const TITLE = 'Shard the search index';

let web: WebApp;
let app: App;
let page: Page;

beforeAll(async () => {
  web = await startWebApp('review-blocks');
  ({ app, page } = web);
});

afterAll(() => web?.close());

async function api<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}

const editor = (): Locator => page.getByRole('article', { name: 'RFC-1 editor' });
const panel = (): Locator => editor().getByRole('complementary', { name: 'Review' });
const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });

const signInAs = (p: Person): Promise<void> => signIn(page, p);

async function openRfc(): Promise<void> {
  await nav('Library').click();
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  await editor().waitFor();
}

/** Photographs `target` and scans the page with axe in the three theme settings; returns serious and critical findings. */
function themedCheck(target: Locator, file: string): Promise<string[]> {
  return themedFindings(page, { each: (s) => target.screenshot({ path: path.join(SCREENSHOTS, `${file}-${s.slug}.png`) }) });
}

describe('concerns, hold and the final comment period in the browser', () => {
  it('a reviewer raises a concern and a hold; the author cannot resolve it; once cleared the FCP runs and the dashboard counts the days', async () => {
    await api('settings:setReviewPolicy', { minApprovals: {}, finalCommentPeriodDays: { rfc: 10 } });
    await api('identity:set', ADA);
    const doc = await api('docs:create', { kind: 'rfc', title: TITLE });
    await api('reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }, { ...LINUS, required: false }] });
    await api('reviews:request', { docId: doc.id, note: 'Mostly the shard key.', due: '2026-01-05' });
    await api('identity:set', GRACE);
    await api('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    await page.reload();

    // Linus raises a blocking concern on a section and puts the RFC on hold.
    await signInAs(LINUS);
    await openRfc();
    await panel().getByRole('button', { name: '+ Raise a blocking concern' }).click();
    const form = panel().getByRole('form', { name: 'Raise a concern' });
    await form.getByLabel('Concern (a short name)').fill('Cost at scale');
    await form.getByLabel('Concern is about').selectOption('Summary');
    await form.getByLabel('What would resolve it (optional)').fill('Estimate the cost of 64 shards.');
    await form.getByRole('button', { name: 'Raise concern' }).click();
    const concern = panel().getByRole('listitem', { name: 'Concern “Cost at scale” by Linus Torvalds' });
    await concern.getByText('Open', { exact: true }).waitFor();
    await panel().getByRole('button', { name: 'Put on hold…' }).click();
    await panel().getByLabel('Reason for the hold').fill('Wait for the load test');
    await panel().getByRole('button', { name: 'Put on hold', exact: true }).click();
    await panel().getByTestId('hold').getByText('Wait for the load test', { exact: false }).waitFor();

    // Ada, the author, sees both; she cannot resolve Linus's concern, and cannot approve.
    await signInAs(ADA);
    await panel().getByTestId('policy-summary').getByText('Blocking concern “Cost at scale” raised by Linus Torvalds. On hold by Linus Torvalds: Wait for the load test.', { exact: false }).waitFor();
    await concern.getByText('Only Linus Torvalds can resolve it.').waitFor();
    expect(await concern.getByRole('button', { name: 'Resolve concern' }).count()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 2600 });
    expect(await themedCheck(panel(), 'review-panel-concern-hold')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await nav('Dashboard').click();
    await page.getByRole('table', { name: 'On hold' }).getByText('Wait for the load test').waitFor();
    await page.getByRole('table', { name: 'Overdue reviews' }).getByText('Linus Torvalds').waitFor();

    // Linus resolves his concern and lifts the hold: the final comment period starts.
    await signInAs(LINUS);
    await openRfc();
    await concern.getByRole('button', { name: 'Resolve concern' }).click();
    await concern.getByText('Resolved', { exact: true }).waitFor();
    await panel().getByRole('button', { name: 'Lift hold' }).click();
    await panel().getByTestId('policy-summary').getByText(/In its final comment period until \d{4}-\d{2}-\d{2} \(10 days left\)/).waitFor();
    await nav('Dashboard').click();
    const fcp = page.getByRole('table', { name: 'In final comment period' });
    await fcp.getByText('10 days').waitFor();
    await page.setViewportSize({ width: 1280, height: 2000 });
    expect(await themedCheck(page.locator('.dashboard'), 'dashboard-review-process')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
