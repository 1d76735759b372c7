import { describe, expect, it } from 'vitest';
import { writeTeamTemplates } from '../../src/main/services/teamTemplateStore';
import { readTemplateFile } from '../../src/shared/kinds/teamTemplates';
import { AXE_STEP_TIMEOUT, axeWorkspace } from '../support/axeScan';

// Accessibility (axe-core, light, dark and dark chosen by hand; see
// tests/support/axeScan.ts), part 5: the command palette, the shortcuts, a
// confirmation, the library emptied of its samples, the trash, and the New
// document menu offering a team template.

const SCREENS = ['command palette', 'keyboard shortcuts', 'remove samples confirmation', 'library, empty', 'trash', 'new document menu with a team template'];

const ws = axeWorkspace('dialogs', 'samples', SCREENS);

describe.sequential('accessibility (axe-core): palette, shortcuts, confirmation, empty library, trash and team template', { timeout: AXE_STEP_TIMEOUT }, () => {
  it('the command palette, the shortcuts, a confirmation, an empty library and the trash', async () => {
    const { page, nav } = ws;
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await ws.check('command palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await ws.check('keyboard shortcuts');
    await page.keyboard.press('Escape');

    await nav('Library').click();
    await page.getByRole('button', { name: 'Remove sample documents' }).click();
    await page.getByRole('alertdialog').waitFor();
    await ws.check('remove samples confirmation');
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('heading', { name: 'No documents yet' }).waitFor();
    await ws.check('library, empty');
    await nav('Trash').click();
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
    await page.getByText('Use SQLite in WAL mode').first().waitFor();
    await ws.check('trash');
    expect(ws.report()).toBe('');
  });

  it('the New document menu offering a team template', async () => {
    const { page } = ws;
    const read = readTemplateFile('templates/rfc-lightweight.md', '---\nkind: rfc\ntitle: Lightweight RFC\n---\n## Summary\n\nOne paragraph.\n');
    if (!read.ok) throw new Error(read.reason);
    writeTeamTemplates(ws.web.app.settings, [read.template]);
    await page.getByRole('button', { name: 'New document of another kind' }).click();
    await page.getByRole('menuitem', { name: 'New Lightweight RFC' }).waitFor();
    await ws.check('new document menu with a team template');
    await page.keyboard.press('Escape');
    expect(ws.report()).toBe('');
  });

  ws.itScannedEveryScreen();
});
