import path from 'node:path';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { ADA, SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';
import { sectionBox } from '../support/bodyEditor';
import { selectText, signInAs as signIn, type Person } from '../support/identityAndSelection';

const GRACE = { name: 'Grace Hopper', email: 'grace@example.com' };

let web: WebApp;
let app: App;
let page: Page;

beforeAll(async () => {
  web = await startWebApp('review');
  ({ app, page } = web);
});

afterAll(() => web?.close());

const editor = (): Locator => page.getByRole('article', { name: 'RFC-1 editor' });
const panel = (): Locator => editor().getByRole('complementary', { name: 'Review' });
const badge = (): Locator => editor().locator('.status-controls').getByTestId('status-badge');

async function saved(): Promise<void> {
  await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
}

const signInAs = (p: Person): Promise<void> => signIn(page, p);

const selectInReading = (text: string): Promise<void> => selectText(editor().locator('[data-reading-body]'), text);

async function dismissToasts(): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  // A toast may time out on its own between the count and the click.
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 2000 }).catch(() => undefined);
}

async function tryApprove(): Promise<string> {
  await editor().locator('.status-controls').getByRole('button', { name: 'Approved', exact: true }).click();
  const alert = editor().locator('.status-controls').getByRole('alert');
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

describe('review journey: author and reviewer on one laptop', () => {
  it('requests review, gets a passage comment and changes requested, edits, and is Approved only once the reviewer approves', async () => {
    // Ada writes an RFC.
    await page.getByRole('banner').getByRole('button', { name: 'New RFC', exact: true }).click();
    await editor().waitFor();
    await editor().getByRole('textbox', { name: 'Title', exact: true }).fill('Store documents in SQLite');
    await sectionBox(editor(), 'Summary').fill('We store documents in SQLite. It needs no server and works offline.');
    await sectionBox(editor(), 'Motivation').fill('Teams write design documents on planes.');
    await saved();

    // Ada asks Grace (required) to review.
    await panel().getByLabel('Reviewer name').fill(GRACE.name);
    await panel().getByLabel('Reviewer email (optional)').fill(GRACE.email);
    expect(await panel().getByRole('checkbox', { name: 'Required' }).isChecked()).toBe(true);
    await panel().getByRole('button', { name: 'Add reviewer' }).click();
    const graceRow = panel().getByTestId('reviewer').filter({ hasText: GRACE.name });
    await graceRow.getByText('No response yet').waitFor();
    // The review's reviewers are the one source: the RFC's metadata lists them, read-only.
    await editor().getByRole('list', { name: 'Reviewers in the metadata' }).getByText(GRACE.name, { exact: true }).waitFor();
    await editor().locator('.metadata').getByText('Manage reviewers in the').waitFor();
    expect(await editor().locator('.metadata').getByRole('textbox', { name: 'Reviewers' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'rfc-metadata-reviewers.png') });
    await panel().getByLabel('Note to reviewers (optional)').fill('Mostly the storage choice.');
    await panel().getByRole('button', { name: 'Request review', exact: true }).click();
    await badge().getByText('In Review', { exact: true }).waitFor();
    await panel().getByText('Review requested by Ada Lovelace').waitFor();

    // Approving now is refused, naming who is missing.
    expect(await tryApprove()).toContain('Waiting for approval from Grace Hopper');
    expect(await badge().textContent()).toBe('In Review');

    // Grace signs in on the same laptop and finds it waiting on her on the dashboard.
    await signInAs(GRACE);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
    const waiting = page.getByRole('table', { name: 'Waiting on me' });
    await waiting.getByRole('link', { name: 'RFC-1 Store documents in SQLite' }).click();
    await editor().waitFor();

    // She reviews it in review mode (the reading view) and comments on a selected passage of the Summary.
    await editor().getByTestId('review-mode-bar').getByText('Review mode.').waitFor();
    await selectInReading('needs no server');
    await panel().getByRole('button', { name: 'Comment on selection' }).click();
    const form = panel().getByRole('form', { name: 'New comment' });
    await form.getByText('needs no server', { exact: true }).waitFor();
    await form.getByLabel('Comment', { exact: true }).fill('What about backups? A file on a laptop is not a database server.');
    await form.getByRole('button', { name: 'Add comment' }).click();
    const thread = panel().getByRole('article', { name: 'Comment by Grace Hopper on Summary' });
    await thread.getByText('What about backups?', { exact: false }).waitFor();
    expect(await thread.locator('blockquote').textContent()).toBe('needs no server');

    // ...ticks two checklist items with a concern, and requests changes.
    await panel().getByRole('checkbox', { name: 'Reliability' }).check();
    await panel().getByText('1/6 ticked by you').waitFor();
    await panel().getByRole('button', { name: 'Note a concern about Reliability' }).click();
    await panel().getByLabel('Concern about Reliability').fill('No backup story yet.');
    await panel().getByLabel('Concern about Reliability').press('Enter');
    await panel().getByRole('checkbox', { name: 'Security' }).check();
    await panel().getByText('2/6 ticked by you').waitFor();
    expect(await panel().getByLabel('Concern about Reliability').inputValue()).toBe('No backup story yet.');
    await panel().getByLabel('Note with your verdict (optional)').fill('Backups first, please.');
    await panel().getByRole('button', { name: 'Request changes', exact: true }).click();
    await graceRow.getByText('Changes requested', { exact: true }).waitFor();

    // Ada comes back, cannot approve, and edits the passage Grace quoted.
    await signInAs(ADA);
    await panel().getByText('You wrote this document', { exact: false }).waitFor();
    const refusal = await tryApprove();
    expect(refusal).toContain('Changes requested by Grace Hopper');
    expect(await badge().textContent()).toBe('In Review');
    await sectionBox(editor(), 'Summary').fill('We store documents in SQLite, with a nightly backup to the team share. It runs in process and works offline.');
    await saved();
    await thread.getByText('Outdated', { exact: true }).waitFor();
    expect(await thread.locator('blockquote').textContent()).toBe('needs no server');
    // A reply the app refuses gives back what was typed, with the reason.
    const tooLong = 'x'.repeat(20_001);
    await thread.getByLabel('Reply to Grace Hopper').fill(tooLong);
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await panel().getByRole('alert').filter({ hasText: 'at most 20,000 characters' }).waitFor();
    expect(await thread.getByLabel('Reply to Grace Hopper').inputValue()).toBe(tooLong);
    await thread.getByLabel('Reply to Grace Hopper').fill('Backups added to the Summary.');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByText('Backups added to the Summary.').waitFor();
    // Grace's request for changes was made on the earlier text.
    await graceRow.getByText('given on an earlier version').waitFor();

    // Grace approves and resolves her comment.
    await signInAs(GRACE);
    await panel().getByRole('button', { name: 'Approve', exact: true }).click();
    await graceRow.getByText('Approved', { exact: true }).waitFor();
    expect(await graceRow.getByText('given on an earlier version').count()).toBe(0);
    await panel().getByTestId('policy-summary').getByText('Ready for Approved', { exact: false }).waitFor();
    await thread.getByRole('button', { name: 'Resolve' }).click();
    await panel().getByText('1 resolved comment').waitFor();
    await panel().getByText('1 resolved comment').click();
    await thread.getByText('Resolved by Grace Hopper').waitFor();
    await dismissToasts();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-document.png') });
    // The whole panel in one picture: a viewport tall enough that it does not scroll.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await panel().screenshot({ path: path.join(SCREENSHOTS, 'review-panel.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Only now does the RFC move to Approved.
    await signInAs(ADA);
    await editor().locator('.status-controls').getByRole('button', { name: 'Approved', exact: true }).click();
    await badge().getByText('Approved', { exact: true }).waitFor();

    // History tells the story with who did what.
    const history = editor().getByRole('region', { name: 'History' });
    for (const line of [
      'Ada Lovelace requested review from Grace Hopper: “Mostly the storage choice.”',
      'Grace Hopper commented on “needs no server” in Summary',
      'Grace Hopper requested changes: “Backups first, please.”',
      'Ada Lovelace replied to Grace Hopper’s comment on Summary',
      'Grace Hopper approved it',
      'Grace Hopper resolved Grace Hopper’s comment on Summary',
      'Ada Lovelace moved it from In Review to Approved',
    ]) {
      await history.getByText(line, { exact: false }).waitFor();
    }
  });

  it('shows the author a dashboard with counts that open the documents', async () => {
    // More going on: a second RFC waiting on Grace and Linus, and an overdue postmortem action item.
    const call = async (channel: string, input: unknown): Promise<{ id: string; revision: number; fields: Record<string, unknown> }> => {
      const r = await app.dispatch(channel, input);
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { document?: unknown }).document ? ((r.value as { document: never }).document as never) : (r.value as never);
    };
    const second = await call('docs:create', { kind: 'rfc', title: 'Sync through a plain git remote' });
    await call('reviews:setReviewers', { docId: second.id, reviewers: [{ ...GRACE, required: true }, { name: 'Linus Torvalds', required: false }] });
    await call('reviews:request', { docId: second.id });
    const pm = await call('docs:create', { kind: 'postmortem', title: 'Search index corrupted after crash' });
    await call('docs:update', {
      id: pm.id,
      baseRevision: pm.revision,
      fields: { ...pm.fields, actionItems: [{ id: 'a1', action: 'Rebuild the index on open when the check fails', owner: 'Ada Lovelace', due: '2026-01-15', status: 'open' }] },
    });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
    const glance = page.getByRole('list', { name: 'At a glance' });
    await glance.getByText('My documents in review').waitFor();
    const count = async (label: string): Promise<string> =>
      ((await glance.getByRole('link').filter({ hasText: label }).locator('.dash-count-number').textContent()) ?? '').trim();
    expect(await count('Waiting on me')).toBe('0');
    expect(await count('My documents in review')).toBe('1');
    expect(await count('Recently decided')).toBe('1');
    expect(await count('Overdue action items')).toBe('1');

    const mine = page.getByRole('table', { name: 'My documents in review' });
    const row = mine.getByTestId('dash-row').filter({ hasText: 'Sync through a plain git remote' });
    await row.getByText('Grace Hopper', { exact: true }).waitFor();
    expect(await row.getByText('No response yet').count()).toBe(2);
    await page.getByRole('table', { name: 'Recently decided' }).getByText('Store documents in SQLite').waitFor();
    await page.getByRole('table', { name: 'Overdue action items' }).getByText('Rebuild the index on open').waitFor();
    await dismissToasts();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

    // Grace's view of the same workspace: one document waits on her.
    await signInAs(GRACE);
    await page.getByRole('table', { name: 'Waiting on me' }).getByText('Sync through a plain git remote').waitFor();
    expect(await count('Waiting on me')).toBe('1');

    // Every row opens its document; a click anywhere on the row does too.
    await page.getByRole('table', { name: 'Recently decided' }).getByTestId('dash-row').locator('td').nth(2).click();
    await editor().waitFor();
    expect(await badge().textContent()).toBe('Approved');
  });
});
