import { describe, expect, it } from 'vitest';
import { ADA, AXE_STEP_TIMEOUT, axeWorkspace } from '../support/axeScan';

// Accessibility (axe-core, light, dark and dark chosen by hand; see
// tests/support/axeScan.ts), part 1 of 5: the first-run guide, every step, walked
// to the guided sample, the library it opens on, sync settings, settings and
// its restore confirmation, and repository health.

const SCREENS = ['first run: workspace', 'first run: you, with errors', 'first run: start', 'first run: team repository', 'library', 'sync settings', 'settings', 'restore backup confirmation', 'repository health'];

const ws = axeWorkspace('first-run', 'first-run', SCREENS);

describe.sequential('accessibility (axe-core): the first-run guide, the library, sync settings, settings and health', { timeout: AXE_STEP_TIMEOUT }, () => {
  it('first run, every step (the "You" step with its inline errors showing)', async () => {
    const { page } = ws;
    await page.getByRole('heading', { name: 'Where your documents live' }).waitFor();
    await ws.check('first run: workspace');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('');
    await page.getByRole('textbox', { name: 'Email' }).fill('not an email');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.field-error').first().waitFor();
    await ws.check('first run: you, with errors');
    await page.getByRole('textbox', { name: 'Name' }).fill(ADA.name);
    await page.getByRole('textbox', { name: 'Email' }).fill(ADA.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'How to start' }).waitFor();
    await ws.check('first run: start');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Share with your team (optional)' }).waitFor({ timeout: 20_000 });
    await ws.check('first run: team repository');
    await page.getByRole('button', { name: 'Open the library' }).click();
    await page.getByTestId('doc-row').nth(3).waitFor();
    expect(ws.report()).toBe('');
  });

  it('the library with the sample documents', async () => {
    await ws.check('library');
    expect(ws.report()).toBe('');
  });

  it('sync settings, settings (with its restore confirmation) and repository health', async () => {
    const { page, nav } = ws;
    await nav('Sync').click();
    await page.getByRole('heading', { name: /Sync/, level: 1 }).first().waitFor();
    await ws.check('sync settings');
    await nav('Settings').click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await ws.check('settings');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByTestId('backup-row').first().getByRole('button', { name: /^Restore the backup from / }).click();
    await page.getByRole('alertdialog', { name: /^Restore the backup from / }).waitFor();
    await ws.check('restore backup confirmation');
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await nav('Health').click();
    await page.getByRole('heading', { name: 'Repository health', level: 1 }).waitFor();
    await page.locator('.health-list, .health-empty').first().waitFor();
    await ws.check('repository health');
    expect(ws.report()).toBe('');
  });

  ws.itScannedEveryScreen();
});
