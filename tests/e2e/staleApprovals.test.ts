import path from 'node:path';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate } from '../support/syncWorkspace';
import { ADA, SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';
import { sectionBox } from '../support/bodyEditor';
import { signInAs as signIn, type Person } from '../support/identityAndSelection';

/**
 * Issue 14, "approval means approved as written", driven in a real browser
 * with three identities on one laptop (Ada writes, Grace is required, Linus
 * optional): an edit, a restore and a teammate's change arriving by sync each
 * dismiss the approvals and send the Approved RFC back to In Review.
 */
const GRACE = { name: 'Grace Hopper', email: 'grace@example.com' };
const LINUS = { name: 'Linus Torvalds', email: 'linus@example.com' };

let web: WebApp;
let app: App;
let page: Page;
let server: GitServer;

beforeAll(async () => {
  server = await startGitServer();
  web = await startWebApp('stale-approvals');
  ({ app, page } = web);
});

afterAll(async () => {
  await web?.close();
  await server?.close();
});

async function api<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}

const editor = (n: number): Locator => page.getByRole('article', { name: `RFC-${n} editor` });
const panel = (n: number): Locator => editor(n).getByRole('complementary', { name: 'Review' });
const badge = (n: number): Locator => editor(n).locator('.status-controls').getByTestId('status-badge');
const summary = (n: number) => sectionBox(editor(n), 'Summary');

async function saved(): Promise<void> {
  await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
}

const signInAs = (p: Person): Promise<void> => signIn(page, p);

/** An RFC by Ada, approved by Grace (required) and Linus (optional) and moved to Approved, made through the API as Ada's colleagues would. */
async function approvedRfc(title: string, summaryText: string): Promise<number> {
  await api('identity:set', ADA);
  let doc = await api('docs:create', { kind: 'rfc', title });
  doc = await api('docs:update', { id: doc.id, baseRevision: doc.revision, body: doc.body.replace(/## Summary\n\n[^#]*/, `## Summary\n\n${summaryText}\n\n`) });
  await api('reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }, { ...LINUS, required: false }] });
  await api('reviews:request', { docId: doc.id });
  for (const who of [GRACE, LINUS]) {
    await api('identity:set', who);
    await api('reviews:verdict', { docId: doc.id, verdict: 'approve' });
  }
  await api('identity:set', ADA);
  await api('docs:move', { id: doc.id, to: 'approved' });
  titles.set(doc.number, title);
  return doc.number;
}

const titles = new Map<number, string>();

async function open(n: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('link', { name: titles.get(n)!, exact: true }).click();
  await editor(n).waitFor();
}

describe('stale approvals in the browser', () => {
  it('an edit by the author: the page warns first, the badge goes back to In Review, the reviewers see what changed and approve again', async () => {
    const n = await approvedRfc('Store documents in SQLite', 'We store documents in SQLite. It needs no server.');
    await page.reload();
    await signInAs(ADA);
    await open(n);
    await badge(n).getByText('Approved', { exact: true }).waitFor();
    await panel(n).getByTestId('approved-edit-notice').getByText('sends it back to In Review', { exact: false }).waitFor();

    await summary(n).fill('We store documents in Postgres. It needs a server.');
    await saved();
    await badge(n).getByText('In Review', { exact: true }).waitFor();
    await panel(n).getByTestId('policy-summary').getByText('The approvals by Grace Hopper and Linus Torvalds were given on an earlier text and are dismissed.', { exact: false }).waitFor();
    const graceRow = panel(n).getByTestId('reviewer').filter({ hasText: GRACE.name });
    await graceRow.getByText('dismissed: given on an earlier text').waitFor();
    const history = editor(n).getByRole('region', { name: 'History' });
    await history.getByText('Ada Lovelace changed the approved text: the approval by Grace Hopper and Linus Torvalds was dismissed').waitFor();
    await history.getByText('moved it from Approved to In Review: the approved text changed').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('table', { name: 'Approvals dismissed' }).getByRole('link', { name: `RFC-${n} Store documents in SQLite` }).waitFor();

    // Grace, the required reviewer, finds it waiting on her again and sees what changed since her approval.
    await signInAs(GRACE);
    const waiting = page.getByRole('table', { name: 'Waiting on me' });
    await waiting.getByText('text changed since your approval').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-approvals-dismissed.png'), fullPage: true });
    await waiting.getByRole('link', { name: `RFC-${n} Store documents in SQLite` }).click();
    await editor(n).waitFor();
    const changes = panel(n).getByTestId('changes-since-review');
    await changes.getByText('Summary', { exact: false }).first().waitFor();
    expect(await changes.locator('del.diff-removed').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('SQLite')]));
    expect(await changes.locator('ins.diff-added').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Postgres')]));
    await panel(n).screenshot({ path: path.join(SCREENSHOTS, 'review-changes-since.png') });
    await panel(n).getByRole('button', { name: 'Approve', exact: true }).click();
    await graceRow.getByText('Approved', { exact: true }).waitFor();
    expect(await graceRow.getByText('dismissed: given on an earlier text').count()).toBe(0);
    expect(await panel(n).getByTestId('changes-since-review').count()).toBe(0);

    // Linus (optional) is asked again too; the required approval is enough for the RFC to be Approved again.
    await signInAs(LINUS);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('table', { name: 'Waiting on me' }).getByText('text changed since your approval').waitFor();
    await signInAs(ADA);
    await open(n);
    await editor(n).locator('.status-controls').getByRole('button', { name: 'Approved', exact: true }).click();
    await badge(n).getByText('Approved', { exact: true }).waitFor();

    // The decisions count in the process metrics: a chart of the median time from In Review to decision.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
    const metrics = page.locator('#dash-metrics');
    await metrics.getByRole('img', { name: /^Median time from In Review to decision: RFCs \(2\) / }).waitFor();
    await metrics.getByRole('table', { name: 'Decisions' }).getByRole('link', { name: `RFC-${n} Store documents in SQLite` }).first().waitFor();
    await metrics.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-metrics.png') });
  });

  it('a restore of the text the reviewer rejected sends the Approved RFC back to In Review', async () => {
    await api('identity:set', ADA);
    const n = await approvedRfc('Cache rendered Markdown', 'Cache the HTML of every document.');
    const doc = (await api('docs:list', {})).find((d) => d.number === n && d.kind === 'rfc')!;
    // The kept version before the approval: Ada's first text.
    const first = (await api('versions:list', { docId: doc.id })).at(-1)!;
    await page.reload();
    await open(n);
    await badge(n).getByText('Approved', { exact: true }).waitFor();
    const versions = editor(n).getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: /^Versions/ }).click();
    const items = versions.getByRole('list', { name: 'Versions' }).getByRole('button');
    await items.last().click();
    await versions.getByRole('button', { name: 'Restore this version' }).click();
    await page.getByRole('alertdialog', { name: 'Restore this version?' }).getByRole('button', { name: 'Restore', exact: true }).click();
    await badge(n).getByText('In Review', { exact: true }).waitFor();
    expect(first.status).not.toBe('approved');
    await panel(n).getByTestId('policy-summary').getByText('are dismissed', { exact: false }).waitFor();
    await editor(n).getByRole('region', { name: 'History' }).getByText('changed the approved text (a restore)', { exact: false }).waitFor();
  });

  it('a teammate’s change of the Summary in git, synced, sends it back to In Review', async () => {
    const url = server.createRepo('stale.git');
    await api('sync:setRemote', { url, branch: 'main', authorName: 'Ada Lovelace', authorEmail: ADA.email, auth: { kind: 'none' } });
    const n = await approvedRfc('Sync through git', 'Documents travel through a plain git remote.');
    await api('sync:run', {});
    const tess = await cloneTeammate(url);
    const file = tess.files('rfcs').find((f) => f.includes('sync-through-git'))!;
    tess.write(`rfcs/${file}`, tess.read(`rfcs/${file}`).replace('a plain git remote', 'a git remote or a shared folder'));
    await tess.pushAll('Summary: shared folders too');

    await page.reload();
    await open(n);
    await badge(n).getByText('Approved', { exact: true }).waitFor();
    await page.getByRole('contentinfo', { name: 'Sync status' }).getByRole('button', { name: 'Sync now' }).click();
    await badge(n).getByText('In Review', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await summary(n).inputValue()).toContain('a git remote or a shared folder');
    await editor(n).getByRole('region', { name: 'History' }).getByText('(synced from the team repository)', { exact: false }).waitFor();
    await panel(n).getByTestId('reviewer').filter({ hasText: GRACE.name }).getByText('dismissed: given on an earlier text').waitFor();
  });
});
