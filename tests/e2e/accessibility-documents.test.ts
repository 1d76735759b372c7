import { describe, expect, it } from 'vitest';
import { writeTeamTemplates } from '../../src/main/services/teamTemplateStore';
import { readTemplateFile } from '../../src/shared/kinds/teamTemplates';
import { AXE_STEP_TIMEOUT, axeWorkspace } from '../support/axeScan';

// Accessibility (axe-core, light, dark and dark chosen by hand; see
// tests/support/axeScan.ts), part 2 of 5: the RFC-1 and ADR-1 editors, the
// remove-samples confirmation, the library emptied of its samples, the trash,
// and the New document menu offering a team template.

const REFS = ['RFC-1', 'ADR-1'];
const SCREENS = [...REFS.map((ref) => `${ref} editor`), 'remove samples confirmation', 'library, empty', 'trash', 'new document menu with a team template'];

const ws = axeWorkspace('documents', 'samples', SCREENS);

describe.sequential('accessibility (axe-core): two editors, removing the samples, the trash and a team template', { timeout: AXE_STEP_TIMEOUT }, () => {
  for (const ref of REFS) {
    it(`the ${ref} editor`, async () => {
      await ws.openDoc(ref);
      await ws.check(`${ref} editor`);
      expect(ws.report()).toBe('');
    });
  }

  it('a confirmation, an empty library and the trash', async () => {
    const { page, nav } = ws;
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
