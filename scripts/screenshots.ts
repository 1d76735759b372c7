// Regenerates the README's screenshots: docs/screenshots/<screen>.png (light)
// and <screen>-dark.png (dark), from a web host on a temporary workspace that
// goes through the first-run guide with the sample documents.
//   npx vite build && node --import tsx scripts/screenshots.ts
// Uses Debian's Chromium (tests/support/browser.ts); downloads nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright';
import { pathToFileURL } from 'node:url';
import { createApp } from '../src/main/app';
import { publishSite } from '../src/main/publish/publishSite';
import { readWorkspaceSite } from '../src/main/publish/siteSources';
import { writeTeamTemplates } from '../src/main/services/teamTemplateStore';
import { readTemplateFile } from '../src/shared/kinds/teamTemplates';
import { startWebHost } from '../src/main/web/webHost';
import { launchBrowser } from '../tests/support/browser';
import { requireRenderer } from '../tests/support/renderer';

const OUT = path.resolve('docs/screenshots');
const ADA = { name: 'Ada Lovelace', email: 'ada@example.com' };

type Scheme = 'light' | 'dark';

async function shoot(page: Page, name: string, schemes: readonly Scheme[] = ['light', 'dark']): Promise<void> {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(OUT, `${name}${scheme === 'dark' ? '-dark' : ''}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${path.relative(process.cwd(), file)}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openFromLibrary(page: Page, ref: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByTestId('doc-row').filter({ hasText: ref }).getByRole('link').first().click();
  await page.getByRole('article', { name: `${ref} editor` }).waitFor();
  await page.waitForTimeout(300);
}

async function go(page: Page, label: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForTimeout(300);
}

/** Grace comments on a passage of RFC-1 and suggests a change; Ada sees them in the reading view, Grace in review mode. */
async function reviewInText(app: ReturnType<typeof createApp>, page: Page): Promise<void> {
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const r = await app.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  const grace = { name: 'Grace Hopper', email: 'grace@example.com' };
  const rfc = app.documents.list('rfc').find((d) => d.number === 1)!;
  const anchor = (quote: string) => ({ section: '', quote, prefix: '', suffix: '' });
  await call('reviews:setReviewers', { docId: rfc.id, reviewers: [{ ...grace, required: true }] });
  await call('identity:set', grace);
  await call('reviews:comment', { docId: rfc.id, text: 'What happens to queued jobs after a crash?', anchor: anchor('A durable job table') });
  await call('reviews:suggest', { docId: rfc.id, anchor: anchor('so saving stays under 50 ms'), replacement: 'so saving stays under 50 ms at the 95th percentile', note: 'Say which percentile we promise.' });
  await call('identity:set', ADA);
  await page.reload();
  await openFromLibrary(page, 'RFC-1');
  await page.getByRole('button', { name: 'Reading view' }).click();
  await page.getByTestId('suggestion').first().waitFor();
  await shoot(page, 'suggestion');
  await call('identity:set', grace);
  await page.reload();
  await page.getByTestId('review-mode-bar').waitFor();
  await page.waitForTimeout(300);
  await shoot(page, 'review-mode');

  // The decision grammar: Ada asks for reviews by a date already past; Grace raises a blocking concern and puts RFC-1 on hold.
  await call('identity:set', ADA);
  await call('reviews:request', { docId: rfc.id, note: 'Mostly the job table.', due: '2026-01-05' });
  await call('identity:set', grace);
  await call('reviews:raiseConcern', { docId: rfc.id, title: 'Crash recovery', text: 'Say what happens to queued jobs after a crash.', anchor: { section: 'Summary', quote: '', prefix: '', suffix: '' } });
  await call('reviews:hold', { docId: rfc.id, on: true, reason: 'Wait for the load test.' });
  await page.reload();
  await page.getByText('Crash recovery').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shoot(page, 'review-concerns');
  await go(page, 'Dashboard', /Dashboard/);
  await shoot(page, 'dashboard-review');
  await call('identity:set', ADA);
}

/** The New menu offering the team's templates (templates/rfc-lightweight.md and templates/adr-quick.md). */
async function teamTemplates(app: ReturnType<typeof createApp>, page: Page): Promise<void> {
  const files: Record<string, string> = {
    'templates/rfc-lightweight.md': '---\nkind: rfc\ntitle: Lightweight RFC\ndescription: For a change one team ships in a sprint.\n---\n## Summary\n\nWhat and why, in one paragraph.\n\n## Design\n\nHow it works.\n\n## Rollout\n\nFlags and how to roll back.\n',
    'templates/adr-quick.md': '---\nkind: adr\ntitle: Quick decision\n---\n## Context and Problem Statement\n\nThe question, in two sentences.\n\n## Decision Outcome\n\nWhat we chose and why.\n',
  };
  writeTeamTemplates(
    app.settings,
    Object.entries(files).map(([file, text]) => {
      const r = readTemplateFile(file, text);
      if (!r.ok) throw new Error(`${file}: ${r.reason}`);
      return r.template;
    }),
  );
  await go(page, 'Library', 'Library');
  await page.getByRole('button', { name: 'New document of another kind' }).click();
  await page.getByRole('menuitem', { name: 'New Quick decision' }).waitFor();
  await shoot(page, 'team-templates');
  await page.keyboard.press('Escape');
}

/** Repository health: an ADR that supersedes ADR-1 on its side only and cites an RFC that does not exist. */
async function health(app: ReturnType<typeof createApp>, page: Page): Promise<void> {
  const call = async (channel: string, input: unknown): Promise<Record<string, unknown>> => {
    const r = await app.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  const adr = await call('docs:create', { kind: 'adr', title: 'Move job storage to Postgres' });
  await call('docs:update', { id: adr.id, baseRevision: adr.revision, body: 'Replaces ADR-1 once the load test of RFC-42 is in.\n', fields: { ...(adr.fields as object), supersedes: [1] } });
  await go(page, 'Health', 'Repository health');
  await page.getByTestId('health-finding').first().waitFor();
  await shoot(page, 'health');
}

/** An RFC whose Architecture Overview is a Mermaid diagram, in the reading view (drawn once in each scheme first). */
async function diagram(app: ReturnType<typeof createApp>, page: Page): Promise<void> {
  const created = await app.dispatch('docs:create', { kind: 'rfc', title: 'Background jobs in the desktop app' });
  if (!created.ok) throw new Error(created.error.message);
  const doc = created.value as { id: string; revision: number };
  const body = [
    '## Summary',
    '',
    'Long exports and imports run as jobs in a worker, so the window never waits for them.',
    '',
    '## Architecture Overview',
    '',
    '```mermaid',
    'flowchart LR',
    '  UI[Window] -- "jobs:start" --> Main[Main process]',
    '  Main --> Table[(Job table)]',
    '  Main -- spawn --> Worker[Worker thread]',
    '  Worker -- progress --> Main',
    '  Worker --> Table',
    '  Main -- "jobs:progress" --> UI',
    '```',
    '',
    'A crash leaves the job in the table; the next start picks it up.',
    '',
  ].join('\n');
  const updated = await app.dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, body });
  if (!updated.ok) throw new Error(updated.error.message);
  await page.reload();
  await openFromLibrary(page, 'RFC-2');
  await page.getByRole('button', { name: 'Reading view' }).click();
  const drawn = page.locator('[data-diagram][data-state="drawn"]');
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    await drawn.waitFor();
  }
  await page.getByRole('heading', { name: 'Architecture Overview' }).scrollIntoViewIfNeeded();
  await shoot(page, 'diagram');
}

async function main(): Promise<void> {
  const staticDir = requireRenderer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-screens-'));
  const app = createApp({ workspaceDir: dir, bridge: 'web', version: 'screenshots', fallbackIdentity: () => ADA, offerFirstRun: true });
  const host = await startWebHost({ dispatch: app.dispatch, staticDir });
  const browser = await launchBrowser();
  fs.mkdirSync(OUT, { recursive: true });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.openUrl);
    await page.getByRole('heading', { name: 'Set up your workspace' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Name').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'How to start' }).waitFor();
    await shoot(page, 'first-run');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Share with your team (optional)' }).waitFor();
    await page.getByRole('button', { name: 'Open the library' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await page.getByTestId('doc-row').nth(3).waitFor();
    // Let the "created" toast go before the pictures.
    await page.waitForTimeout(4500);
    await shoot(page, 'library');

    await openFromLibrary(page, 'RFC-1');
    // The one editor with its outline in view, the metadata block above it.
    await page.locator('.metadata').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shoot(page, 'rfc-editor');
    await openFromLibrary(page, 'ADR-1');
    await shoot(page, 'adr-editor');
    await openFromLibrary(page, 'DM-1');
    await page.getByRole('table').first().scrollIntoViewIfNeeded();
    await shoot(page, 'matrix-editor');
    await page.getByTestId('sensitivity').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shoot(page, 'matrix-sensitivity');
    await openFromLibrary(page, 'PM-1');
    // The timeline with its milestones and the times they give, then the contributing factors.
    await page.locator('#pm-timeline-heading').evaluate((h) => {
      h.closest('section')?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -(document.querySelector('header')?.getBoundingClientRect().height ?? 0) - 16);
    });
    await shoot(page, 'postmortem-editor');

    await go(page, 'Action items', /Action items/);
    await shoot(page, 'action-items');
    await go(page, 'Postmortems', 'Postmortems');
    await page.getByRole('img', { name: /median per quarter and severity/ }).waitFor();
    await shoot(page, 'postmortems-overview');
    await go(page, 'Dashboard', /Dashboard/);
    await shoot(page, 'dashboard');
    await go(page, 'Sync', /Sync/);
    await shoot(page, 'sync-settings');
    await go(page, 'Settings', 'Settings');
    await shoot(page, 'settings');
    // The Backups section, below the fold, with one backup taken: brought under the top bar.
    const backups = page.locator('section', { has: page.getByRole('heading', { name: 'Backups', level: 2 }) });
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await backups.getByRole('button', { name: /^Restore/ }).first().waitFor();
    await page.getByRole('heading', { name: 'Backups', level: 2 }).evaluate((h) => {
      h.closest('section')?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -(document.querySelector('header')?.getBoundingClientRect().height ?? 0) - 16);
    });
    await shoot(page, 'settings-backups');

    await go(page, 'Library', 'Library');
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('combobox', { name: 'Type a command' }).pressSequentially('new');
    await shoot(page, 'command-palette');
    await page.keyboard.press('Escape');

    // Reviewing in the text (last, so the screens above show the samples as they come): Grace reviews RFC-1.
    await reviewInText(app, page);
    await diagram(app, page);

    // The team's own templates, as a sync takes them from templates/ in the team repository.
    await teamTemplates(app, page);
    await health(app, page);
    // Last: the page leaves the app for the site opened from file://.
    await publishedSite(page, dir);
  } finally {
    await browser.close();
    await host.close();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The workspace's static site (designdesk publish), opened from file:// as a reader of the CI artifact would. */
async function publishedSite(page: Page, workspaceDir: string): Promise<void> {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-site-'));
  try {
    publishSite(readWorkspaceSite(workspaceDir), site, { title: 'Team decisions' });
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    await shoot(page, 'published-site');
    await page.goto(pathToFileURL(path.join(site, 'rfc-1.html')).href);
    await page.waitForTimeout(500);
    await shoot(page, 'published-page');
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
