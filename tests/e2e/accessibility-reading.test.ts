import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADA, AXE_STEP_TIMEOUT, GRACE, axeWorkspace, call, seedReview } from '../support/axeScan';

// Accessibility (axe-core, light, dark and dark chosen by hand; see
// tests/support/axeScan.ts), part 5 of 5: the reading view with a highlight
// and a suggestion, review mode, drawn and refused diagrams, and the
// "Publish site…" dialog before and after a publish.

const SCREENS = ['RFC-1 reading view', 'RFC-1 review mode', 'RFC-2 reading view with diagrams', 'publish site dialog', 'publish site dialog, published'];

const ws = axeWorkspace('reading', 'samples', SCREENS);

describe.sequential('accessibility (axe-core): reading view, review mode, diagrams and publishing', { timeout: AXE_STEP_TIMEOUT }, () => {
  it('the RFC-1 reading view with a highlight and a suggestion, and review mode', async () => {
    const { page, web } = ws;
    await seedReview(web.app);
    await ws.openDoc('RFC-1');
    await page.getByRole('button', { name: 'Reading view' }).click();
    await page.locator('[data-reading-body] mark').first().waitFor();
    await page.getByTestId('suggestion').first().waitFor();
    await ws.check('RFC-1 reading view');
    await call(web.app, 'identity:set', GRACE);
    await page.reload();
    await page.getByTestId('review-mode-bar').waitFor();
    await ws.check('RFC-1 review mode');
    await call(web.app, 'identity:set', ADA);
    await page.reload();
    await page.getByRole('article', { name: 'RFC-1 editor' }).waitFor();
    expect(ws.report()).toBe('');
  });

  it('a drawn diagram and a refused one in the reading view', async () => {
    const { page, web } = ws;
    const doc = (await call(web.app, 'docs:create', { kind: 'rfc', title: 'Diagrams' })) as { id: string; revision: number };
    const body = '## Summary\n\n```mermaid\nflowchart LR\n  A[Client] --> B[(Database)]\n```\n\n```mermaid\nflowchart LR\n  A["<img src=x>"] --> B\n```\n';
    await call(web.app, 'docs:update', { id: doc.id, baseRevision: doc.revision, body });
    await page.reload();
    await ws.openDoc('RFC-2');
    await page.getByRole('button', { name: 'Reading view' }).click();
    await page.locator('[data-diagram][data-state="drawn"]').waitFor();
    await page.locator('[data-diagram][data-state="error"]').waitFor();
    await ws.check('RFC-2 reading view with diagrams');
    // Out of the published site, as in the old single walk.
    await call(web.app, 'docs:delete', { id: doc.id });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(ws.report()).toBe('');
  });

  it('"Publish site…" from the palette: the dialog, and after a publish', async () => {
    const { page } = ws;
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('combobox', { name: 'Type a command' }).pressSequentially('publish site');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Publish site' });
    await dialog.waitFor();
    await ws.check('publish site dialog');
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-axe-site-'));
    try {
      await dialog.getByLabel('Folder').fill(site);
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await dialog.getByText(/Published \d+ documents/).waitFor({ timeout: 60_000 });
      await ws.check('publish site dialog, published');
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(fs.existsSync(path.join(site, 'index.html'))).toBe(true);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
    expect(ws.report()).toBe('');
  });

  ws.itScannedEveryScreen();
});
