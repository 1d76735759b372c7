import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTeamTemplates } from '../../src/main/services/teamTemplateStore';
import { readTemplateFile } from '../../src/shared/kinds/teamTemplates';
import { THEME_SETTINGS, applyThemeSetting, resetThemeSetting } from '../support/themeSettings';
import { startWebApp, type WebApp } from '../support/webApp';

// axe-core (through @axe-core/playwright) on every main screen, in three theme
// settings (light, dark from the system, dark chosen by hand on a light
// system): no violation of serious or critical impact. The
// workspace goes through the first-run guide with the sample documents, so
// every screen has real content.

const ADA = { name: 'Ada Lovelace', email: 'ada@example.test' };

let web: WebApp;
let page: Page;

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Scans the page as it is, in the three theme settings; returns the serious and critical findings. */
async function scan(screen: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const setting of THEME_SETTINGS) {
    await applyThemeSetting(page, setting);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push({ screen: `${screen} (${setting.name})`, rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) });
    }
  }
  await resetThemeSetting(page);
  return found;
}

const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });

async function openDoc(ref: string): Promise<void> {
  await nav('Library').click();
  await page.getByTestId('doc-row').filter({ hasText: ref }).getByRole('link').click();
  await page.getByRole('article', { name: `${ref} editor` }).waitFor();
}

beforeAll(async () => {
  web = await startWebApp('axe', { fallbackIdentity: () => ADA, offerFirstRun: true, dispatch: { checkOutput: false } });
  ({ page } = web);
});

afterAll(() => web?.close());

const findings: Finding[] = [];
const screens: string[] = [];
async function check(screen: string): Promise<void> {
  screens.push(screen);
  findings.push(...(await scan(screen)));
}

function report(): string {
  return findings.map((f) => `${f.screen}: [${f.impact}] ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

// One workspace and one page, walked through in order: each step starts where the last one ended.
// Three settings per screen: a step scans up to three screens three times, longer than the e2e default allows on a busy machine.
describe.sequential('accessibility (axe-core) of every main screen, in light, dark and dark chosen by hand', { timeout: 360_000 }, () => {
  it('first run, every step (the "You" step with its inline errors showing)', async () => {
    await page.getByRole('heading', { name: 'Where your documents live' }).waitFor();
    await check('first run: workspace');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('');
    await page.getByRole('textbox', { name: 'Email' }).fill('not an email');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.field-error').first().waitFor();
    await check('first run: you, with errors');
    await page.getByRole('textbox', { name: 'Name' }).fill(ADA.name);
    await page.getByRole('textbox', { name: 'Email' }).fill(ADA.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'How to start' }).waitFor();
    await check('first run: start');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Share with your team (optional)' }).waitFor({ timeout: 20_000 });
    await check('first run: team repository');
    await page.getByRole('button', { name: 'Open the library' }).click();
    await page.getByTestId('doc-row').nth(3).waitFor();
    expect(report()).toBe('');
  });

  it('the library with the sample documents', async () => {
    await check('library');
    expect(report()).toBe('');
  });

  for (const ref of ['RFC-1', 'ADR-1', 'DM-1', 'PM-1']) {
    it(`the ${ref} editor`, async () => {
      await openDoc(ref);
      await check(`${ref} editor`);
      expect(report()).toBe('');
    });
  }

  it('the one editor with its outline and the "/" list open, also in dark chosen by hand on a light system', async () => {
    await openDoc('RFC-1');
    await page.getByRole('navigation', { name: 'Outline' }).getByRole('button').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    await page.getByRole('listbox', { name: 'Insert from template' }).waitFor();
    await check('RFC-1 editor, "/" list open');
    await page.evaluate(() => Object.assign(document.documentElement.dataset, { theme: 'dark', colorMode: 'dark' }));
    await check('RFC-1 editor, "/" list open, dark chosen by hand');
    await page.evaluate(() => {
      delete document.documentElement.dataset.theme;
      delete document.documentElement.dataset.colorMode;
    });
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    expect(report()).toBe('');
  });

  it('the RFC-1 reading view with a highlight and a suggestion, and review mode', async () => {
    const app = web.app;
    const call = async (channel: string, input: unknown): Promise<unknown> => {
      const r = await app.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    const rfc = app.documents.list('rfc').find((d) => d.number === 1)!;
    const body = app.documents.get(rfc.id).body;
    // Two passages of the sample's first paragraph of prose.
    const words = (/\n([A-Z][^\n#|>`*-]{30,})\n/.exec(body)?.[1] ?? '').split(' ');
    const quote = (from: number): { section: string; quote: string; prefix: string; suffix: string } => ({ section: '', quote: words.slice(from, from + 3).join(' '), prefix: '', suffix: '' });
    await call('reviews:setReviewers', { docId: rfc.id, reviewers: [{ name: 'Grace Hopper', email: 'grace@example.test', required: true }] });
    await call('identity:set', { name: 'Grace Hopper', email: 'grace@example.test' });
    await call('reviews:comment', { docId: rfc.id, text: 'Why this?', anchor: quote(0) });
    await call('reviews:suggest', { docId: rfc.id, anchor: quote(4), replacement: 'something clearer' });
    await call('identity:set', ADA);
    await openDoc('RFC-1');
    await page.getByRole('button', { name: 'Reading view' }).click();
    await page.locator('[data-reading-body] mark').first().waitFor();
    await page.getByTestId('suggestion').first().waitFor();
    await check('RFC-1 reading view');
    await call('identity:set', { name: 'Grace Hopper', email: 'grace@example.test' });
    await page.reload();
    await page.getByTestId('review-mode-bar').waitFor();
    await check('RFC-1 review mode');
    await call('identity:set', ADA);
    await page.reload();
    await page.getByRole('article', { name: 'RFC-1 editor' }).waitFor();
    expect(report()).toBe('');
  });

  it('a drawn diagram and a refused one in the reading view', async () => {
    const created = await web.app.dispatch('docs:create', { kind: 'rfc', title: 'Diagrams' });
    if (!created.ok) throw new Error(created.error.message);
    const doc = created.value as { id: string; revision: number };
    const body = '## Summary\n\n```mermaid\nflowchart LR\n  A[Client] --> B[(Database)]\n```\n\n```mermaid\nflowchart LR\n  A["<img src=x>"] --> B\n```\n';
    const updated = await web.app.dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, body });
    if (!updated.ok) throw new Error(updated.error.message);
    await page.reload();
    await openDoc('RFC-2');
    await page.getByRole('button', { name: 'Reading view' }).click();
    await page.locator('[data-diagram][data-state="drawn"]').waitFor();
    await page.locator('[data-diagram][data-state="error"]').waitFor();
    await check('RFC-2 reading view with diagrams');
    // Out of the way of the later screens (the empty library).
    const removed = await web.app.dispatch('docs:delete', { id: doc.id });
    if (!removed.ok) throw new Error(removed.error.message);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(report()).toBe('');
  });

  it('action items, dashboard, sync settings, settings (with its restore confirmation) and repository health', async () => {
    await nav('Action items').click();
    await page.getByRole('heading', { name: /Action items/, level: 1 }).waitFor();
    await check('action items');
    await nav('Postmortems').click();
    await page.getByRole('img', { name: /median per quarter and severity/ }).waitFor();
    await check('postmortems overview');
    await nav('Dashboard').click();
    await page.getByRole('heading', { name: /Dashboard/, level: 1 }).waitFor();
    await check('dashboard');
    await nav('Sync').click();
    await page.getByRole('heading', { name: /Sync/, level: 1 }).first().waitFor();
    await check('sync settings');
    await nav('Settings').click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await check('settings');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByTestId('backup-row').first().getByRole('button', { name: /^Restore the backup from / }).click();
    await page.getByRole('alertdialog', { name: /^Restore the backup from / }).waitFor();
    await check('restore backup confirmation');
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await nav('Health').click();
    await page.getByRole('heading', { name: 'Repository health', level: 1 }).waitFor();
    await page.locator('.health-list, .health-empty').first().waitFor();
    await check('repository health');
    expect(report()).toBe('');
  });

  it('"Publish site…" from the palette: the dialog, and after a publish', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('combobox', { name: 'Type a command' }).pressSequentially('publish site');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Publish site' });
    await dialog.waitFor();
    await check('publish site dialog');
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-axe-site-'));
    try {
      await dialog.getByLabel('Folder').fill(site);
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await dialog.getByText(/Published \d+ documents/).waitFor({ timeout: 60_000 });
      await check('publish site dialog, published');
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(fs.existsSync(path.join(site, 'index.html'))).toBe(true);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
    expect(report()).toBe('');
  });

  it('the command palette, the shortcuts, a confirmation, an empty library and the trash', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await check('command palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await check('keyboard shortcuts');
    await page.keyboard.press('Escape');

    await nav('Library').click();
    await page.getByRole('button', { name: 'Remove sample documents' }).click();
    await page.getByRole('alertdialog').waitFor();
    await check('remove samples confirmation');
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('heading', { name: 'No documents yet' }).waitFor();
    await check('library, empty');
    await nav('Trash').click();
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
    await page.getByText('Use SQLite in WAL mode').first().waitFor();
    await check('trash');
    expect(report()).toBe('');
  });

  it('the New document menu offering a team template', async () => {
    const read = readTemplateFile('templates/rfc-lightweight.md', '---\nkind: rfc\ntitle: Lightweight RFC\n---\n## Summary\n\nOne paragraph.\n');
    if (!read.ok) throw new Error(read.reason);
    writeTeamTemplates(web.app.settings, [read.template]);
    await page.getByRole('button', { name: 'New document of another kind' }).click();
    await page.getByRole('menuitem', { name: 'New Lightweight RFC' }).waitFor();
    await check('new document menu with a team template');
    await page.keyboard.press('Escape');
    expect(report()).toBe('');
  });

  it('scanned every screen', () => {
    if (findings.length) console.log(report());
    expect(screens).toHaveLength(29);
  });
});
