import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from '../support/webApp';

// axe-core (through @axe-core/playwright) on every main screen, in the light
// and the dark theme: no violation of serious or critical impact. The
// workspace goes through the first-run guide with the sample documents, so
// every screen has real content.

const ADA = { name: 'Ada Lovelace', email: 'ada@example.test' };
const SCHEMES = ['light', 'dark'] as const;

let web: WebApp;
let page: Page;

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Scans the page as it is, in both themes; returns the serious and critical findings. */
async function scan(screen: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push({ screen: `${screen} (${scheme})`, rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
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
describe.sequential('accessibility (axe-core) of every main screen, light and dark', () => {
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

  it('action items, dashboard, sync settings and settings', async () => {
    await nav('Action items').click();
    await page.getByRole('heading', { name: /Action items/, level: 1 }).waitFor();
    await check('action items');
    await nav('Dashboard').click();
    await page.getByRole('heading', { name: /Dashboard/, level: 1 }).waitFor();
    await check('dashboard');
    await nav('Sync').click();
    await page.getByRole('heading', { name: /Sync/, level: 1 }).first().waitFor();
    await check('sync settings');
    await nav('Settings').click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await check('settings');
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

  it('scanned every screen', () => {
    if (findings.length) console.log(report());
    expect(screens).toHaveLength(22);
  });
});
