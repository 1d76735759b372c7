import path from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS as SHOTS, webAppPerTest } from '../support/webApp';

// What `git config` would say on this machine: the guide pre-fills it.
const GIT_IDENTITY = { name: 'Grace Hopper', email: 'grace@example.test' };

const startFresh = webAppPerTest();
const start = () => startFresh('firstrun', { fallbackIdentity: () => GIT_IDENTITY, offerFirstRun: true });

const rows = (page: Page) => page.getByTestId('doc-row');

describe('first run in Chromium against the web host', () => {
  it('shows the workspace, takes a validated name and email, starts from the guided sample, and removes it in one click with undo', async () => {
    const { app, dir, page, problems } = await start();
    await page.getByRole('heading', { name: 'Set up your workspace', level: 1 }).waitFor();
    const steps = page.getByRole('list', { name: 'Setup steps' });
    expect((await steps.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))).toEqual(['1 Workspace', '2 You', '3 Start', '4 Team repository']);
    expect(await steps.locator('[aria-current="step"]').innerText()).toContain('Workspace');

    // 1. Workspace: on the web host it is fixed, and the guide says so.
    await page.getByRole('heading', { name: 'Where your documents live' }).waitFor();
    expect(await page.locator('.workspace-path code').innerText()).toBe(dir);
    expect(await page.getByText('npm run web -- --workspace DIR').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Choose another folder…' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Continue' }).click();

    // 2. You: pre-filled from git config, validated inline.
    const stepHeading = page.getByRole('heading', { name: 'Who you are' });
    await stepHeading.waitFor();
    expect(await stepHeading.evaluate((h) => h === document.activeElement)).toBe(true);
    const name = page.getByRole('textbox', { name: 'Name' });
    const email = page.getByRole('textbox', { name: 'Email' });
    expect(await name.inputValue()).toBe(GIT_IDENTITY.name);
    expect(await email.inputValue()).toBe(GIT_IDENTITY.email);
    await name.fill('   ');
    await email.fill('grace at navy');
    await email.blur();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Enter your name: it is recorded on every edit, review and commit.').waitFor();
    expect(await page.getByText('This does not look like an email address').isVisible()).toBe(true);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent)).toContain('Enter your name');
    expect(app.settings.get('identity')).toBeUndefined();
    await name.fill('Grace B. Hopper');
    await email.fill('grace@navy.test');
    expect(await page.locator('.field-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Continue' }).click();

    // 3. Start: the guided sample is the default.
    await page.getByRole('heading', { name: 'How to start' }).waitFor();
    expect(app.settings.get('identity')).toEqual({ name: 'Grace B. Hopper', email: 'grace@navy.test' });
    expect(await page.getByRole('radio', { name: /Start with a guided sample/ }).isChecked()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'first-run.png') });
    await page.getByRole('button', { name: 'Continue' }).click();

    // 4. Team repository: optional, links to the Sync settings.
    await page.getByRole('heading', { name: 'Share with your team (optional)' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Connect a repository now' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Open the library' }).click();

    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await rows(page).nth(3).waitFor();
    expect((await rows(page).evaluateAll((rs) => rs.map((r) => r.querySelector('[role="cell"]')?.textContent?.trim()))).sort()).toEqual(['ADR-1', 'DM-1', 'PM-1', 'RFC-1']);
    const docs = app.documents.list();
    const byKind = Object.fromEntries(docs.map((d) => [d.kind, app.documents.get(d.id)]));
    expect(byKind.rfc!.status).toBe('in-review');
    expect(byKind.rfc!.body).toContain('## Motivation\n\nSaving a large postmortem takes 1.8 s');
    expect(byKind.rfc!.fields.author).toBe('Grace B. Hopper');
    expect((byKind.matrix!.fields.criteria as unknown[]).length).toBe(4);
    expect((byKind.postmortem!.fields.actionItems as unknown[]).length).toBe(3);
    expect(byKind.adr!.body).toContain('Chosen option: "SQLite in WAL mode"');
    expect(app.settings.get('onboarded')).toBe(true);

    // The guide does not come back.
    await page.reload();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await rows(page).nth(3).waitFor();

    // One click (and a confirmation) removes the samples; Undo brings them back.
    const banner = page.getByRole('region', { name: 'Sample documents' });
    await banner.getByRole('button', { name: 'Remove sample documents' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove the sample documents?' });
    await confirm.waitFor();
    expect(await confirm.getByRole('listitem').count()).toBe(4);
    expect(await confirm.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('heading', { name: 'No documents yet' }).waitFor();
    expect(app.documents.list()).toEqual([]);
    const toast = page.getByRole('status').filter({ hasText: 'Moved 4 sample documents to the trash.' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await rows(page).nth(3).waitFor();
    expect(app.documents.list()).toHaveLength(4);
    expect(await banner.isVisible()).toBe(true);

    // Settings offers the same, and then says nothing is left.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const samples = page.getByRole('region', { name: 'Sample documents' });
    await samples.getByRole('button', { name: 'Remove sample documents' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Move to trash' }).click();
    await samples.getByText('No sample documents in this workspace.').waitFor();
    expect(app.documents.list()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('can be skipped; an empty library then says what to do', async () => {
    const { app, page } = await start();
    await page.getByRole('button', { name: 'Skip setup' }).click();
    await page.getByRole('heading', { name: 'No documents yet' }).waitFor();
    expect(await page.getByText('Start an RFC from the template').isVisible()).toBe(true);
    expect(app.settings.get('onboarded')).toBe(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Set up your workspace' }).count()).toBe(0);
  });
});
