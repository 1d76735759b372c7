import { describe, expect, it } from 'vitest';
import { AXE_STEP_TIMEOUT, axeWorkspace } from '../support/axeScan';

// Accessibility (axe-core, light, dark and dark chosen by hand; see
// tests/support/axeScan.ts), part 4 of 5: what the keyboard opens: the one
// editor with its outline and the "/" list (in the three settings, and once
// more with dark chosen by hand while the list is open), the command palette
// and the keyboard shortcuts.

const SCREENS = ['RFC-1 editor, "/" list open', 'RFC-1 editor, "/" list open, dark chosen by hand', 'command palette', 'keyboard shortcuts'];

const ws = axeWorkspace('keyboard', 'samples', SCREENS);

describe.sequential('accessibility (axe-core): the "/" list, the command palette and the shortcuts', { timeout: AXE_STEP_TIMEOUT }, () => {
  it('the one editor with its outline and the "/" list open, also in dark chosen by hand on a light system', async () => {
    const { page } = ws;
    await ws.openDoc('RFC-1');
    await page.getByRole('navigation', { name: 'Outline' }).getByRole('button').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    await page.getByRole('listbox', { name: 'Insert from template' }).waitFor();
    await ws.check('RFC-1 editor, "/" list open');
    await page.evaluate(() => Object.assign(document.documentElement.dataset, { theme: 'dark', colorMode: 'dark' }));
    await ws.check('RFC-1 editor, "/" list open, dark chosen by hand');
    await page.evaluate(() => {
      delete document.documentElement.dataset.theme;
      delete document.documentElement.dataset.colorMode;
    });
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    expect(ws.report()).toBe('');
  });

  it('the command palette and the shortcuts, over the library', async () => {
    const { page, nav } = ws;
    await nav('Library').click();
    await page.getByTestId('doc-row').nth(3).waitFor();
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await ws.check('command palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await ws.check('keyboard shortcuts');
    await page.keyboard.press('Escape');
    expect(ws.report()).toBe('');
  });

  ws.itScannedEveryScreen();
});
