import path from 'node:path';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { ADA, SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';
import { bodyBox, sectionValue, waitForSection } from '../support/bodyEditor';
import { selectText, signInAs as signIn, type Person } from '../support/identityAndSelection';

// Reviewing in the text, with two identities on one laptop: the reviewer
// (Grace) gets review mode, comments on a passage and suggests two changes;
// the author (Ada) sees the highlights and the suggestions inline, accepts
// one and declines the other.

const GRACE = { name: 'Grace Hopper', email: 'grace@example.com' };
const BODY = [
  '## Summary',
  '',
  'We store documents in SQLite. It needs no server and works offline.',
  '',
  '## Motivation',
  '',
  'Teams write design documents on planes and trains.',
  '',
  '## Detailed Design',
  '',
  'One file per workspace, in WAL mode.',
  '',
].join('\n');

let web: WebApp;
let app: App;
let page: Page;
let docId: string;

async function dispatch<T>(channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  web = await startWebApp('intext');
  ({ app, page } = web);
  const doc = await dispatch<{ id: string; revision: number }>('docs:create', { kind: 'rfc', title: 'Store documents in SQLite' });
  docId = doc.id;
  await dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, body: BODY });
  await dispatch('reviews:setReviewers', { docId, reviewers: [{ ...GRACE, required: true }] });
  await dispatch('reviews:request', { docId });
});

afterAll(() => web?.close());

const editor = (): Locator => page.getByRole('article', { name: 'RFC-1 editor' });
const panel = (): Locator => editor().getByRole('complementary', { name: 'Review' });
const reading = (): Locator => editor().locator('[data-reading-body]');

const signInAs = (p: Person): Promise<void> => signIn(page, p);

async function openDoc(): Promise<void> {
  await page.evaluate((id) => {
    history.pushState(null, '', `#doc/${id}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, docId);
  await editor().waitFor();
  await panel().getByRole('heading', { name: 'Reviewers' }).waitFor();
}

const selectInReading = (text: string): Promise<void> => selectText(reading(), text);

const focusedAttr = (attr: string): Promise<string | null> => page.evaluate((a) => document.activeElement?.getAttribute(a) ?? null, attr);

async function shoot(name: string): Promise<void> {
  await page.getByRole('button', { name: 'Dismiss' }).first().click({ timeout: 1000 }).catch(() => undefined);
  for (const [scheme, suffix] of [['light', ''], ['dark', '-dark']] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}${suffix}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('reviewing in the text: author and reviewer', () => {
  it('the reviewer gets review mode: the reading view, no author controls, editing only when chosen', async () => {
    await signInAs(GRACE);
    await openDoc();
    const bar = editor().getByTestId('review-mode-bar');
    await bar.getByText('Review mode.').waitFor();
    await reading().getByText('It needs no server').waitFor();
    // No author controls and no editing.
    expect(await editor().getByRole('textbox', { name: 'Title', exact: true }).count()).toBe(0);
    expect(await bodyBox(editor()).count()).toBe(0);
    expect(await editor().getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    expect(await editor().getByRole('button', { name: 'Move', exact: true }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Add reviewer' }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: /Request review/ }).count()).toBe(0);
    // The verdict is hers to give, as before.
    await panel().getByRole('button', { name: 'Approve', exact: true }).waitFor();

    // Editing is one deliberate click away, and back.
    await bar.getByRole('button', { name: 'Edit anyway' }).click();
    await bodyBox(editor()).waitFor();
    await editor().getByTestId('review-mode-bar').getByRole('button', { name: 'Back to review mode' }).click();
    await reading().waitFor();
  });

  it('a comment on a selected passage is highlighted where it is; the highlight opens its thread and the thread links back', async () => {
    await selectInReading('needs no server');
    await editor().getByRole('toolbar', { name: 'Review the selected passage' }).getByRole('button', { name: 'Comment', exact: true }).click();
    const form = editor().getByRole('form', { name: 'New comment on the selected passage' });
    await form.getByText('needs no server', { exact: true }).waitFor();
    await form.getByLabel('Comment', { exact: true }).fill('What about backups?');
    await form.getByRole('button', { name: 'Add comment' }).click();
    const mark = reading().getByRole('button', { name: 'needs no server (comment by Grace Hopper, opens the thread)' });
    await mark.waitFor();
    expect(await mark.textContent()).toBe('needs no server');

    await mark.click();
    const thread = panel().getByRole('article', { name: 'Comment by Grace Hopper on Summary' });
    const threadId = await thread.getAttribute('data-thread-id');
    await expect.poll(() => focusedAttr('data-thread-id')).toBe(threadId);
    // And back: the thread's link focuses the highlight in the text.
    await thread.getByRole('button', { name: 'Summary' }).click();
    await expect.poll(() => focusedAttr('data-mark')).toBe(threadId);
    // The keyboard reaches it too.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedAttr('data-thread-id')).toBe(threadId);
  });

  it('the reviewer suggests two changes; they show where they apply', async () => {
    for (const [quote, replacement, note] of [
      ['on planes and trains', 'anywhere, offline included', 'Broader.'],
      ['One file per workspace', 'A single SQLite file per workspace', ''],
    ] as const) {
      await selectInReading(quote);
      await editor().getByRole('button', { name: 'Suggest a change' }).click();
      const form = editor().getByRole('form', { name: 'Suggest a change to the selected passage' });
      await form.getByLabel('Suggested text').fill(replacement);
      if (note) await form.getByLabel('Why (optional)').fill(note);
      await form.getByRole('button', { name: 'Suggest', exact: true }).click();
      await form.waitFor({ state: 'detached' });
    }
    const cards = reading().getByTestId('suggestion');
    await expect.poll(() => cards.count()).toBe(2);
    await cards.first().getByText('Waiting for the author', { exact: false }).waitFor();
    expect(await cards.first().getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await shoot('review-mode');
  });

  it('the author sees highlights and suggestions inline, accepts one and declines the other; history credits the reviewer', async () => {
    await signInAs(ADA);
    // The author edits by default; the reading view is a click away.
    await bodyBox(editor()).waitFor();
    await editor().getByRole('button', { name: 'Reading view' }).click();
    await reading().getByRole('button', { name: 'needs no server (comment by Grace Hopper, opens the thread)' }).waitFor();
    const planes = reading().getByTestId('suggestion').filter({ hasText: 'anywhere, offline included' });
    const file = reading().getByTestId('suggestion').filter({ hasText: 'A single SQLite file' });
    await planes.getByText('Broader.').waitFor();
    await shoot('suggestion-inline');

    await planes.getByRole('button', { name: 'Accept' }).click();
    await reading().getByText('Teams write design documents anywhere, offline included.').waitFor();
    await file.getByRole('button', { name: 'Decline' }).click();
    const list = editor().getByRole('region', { name: 'Suggested changes' });
    await list.getByTestId('suggestion').filter({ hasText: 'A single SQLite file' }).getByText('Declined by Ada Lovelace.').waitFor();
    await list.getByTestId('suggestion').filter({ hasText: 'anywhere, offline included' }).getByText('Accepted by Ada Lovelace.').waitFor();
    expect(await reading().getByText('One file per workspace, in WAL mode.').count()).toBe(1);
    expect(app.documents.get(docId).body).toContain('Teams write design documents anywhere, offline included.');

    // The editor has the accepted text too, and saving from it is not refused as a conflict.
    await editor().getByRole('button', { name: 'Back to editing' }).click();
    await waitForSection(editor(), 'Motivation');
    expect(await sectionValue(editor(), 'Motivation')).toBe('Teams write design documents anywhere, offline included.');
    const history = editor().getByRole('region', { name: 'History' });
    await history.getByText('Grace Hopper suggested replacing “on planes and trains” in Motivation', { exact: false }).waitFor();
    await history.getByText('Ada Lovelace accepted Grace Hopper’s suggestion in Motivation', { exact: false }).waitFor();
    await history.getByText('Ada Lovelace declined Grace Hopper’s suggestion', { exact: false }).waitFor();
    expect(web.problems).toEqual([]);
  });

  it('reads well with dark chosen by hand', async () => {
    await page.evaluate(() => localStorage.setItem('designdesk.theme', 'dark'));
    await page.reload();
    await openDoc();
    await editor().getByRole('button', { name: 'Reading view' }).click();
    await reading().getByRole('button', { name: 'needs no server (comment by Grace Hopper, opens the thread)' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reading-view-manual-dark.png') });
    await signInAs(GRACE);
    await editor().getByTestId('review-mode-bar').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-mode-manual-dark.png') });
    await page.evaluate(() => localStorage.removeItem('designdesk.theme'));
  });
});
