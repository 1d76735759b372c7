import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/main/sync/secretStore';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate, remoteFiles } from '../support/syncWorkspace';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

// The mass-deletion guard in the app (issue 13, item 2): a teammate deleted
// six of eight documents; Sync now stops and asks "Delete 6 documents?",
// Cancel changes nothing, Delete runs the sync with allowDeletes.

let web: WebApp;
let page: Page;
let server: GitServer;
let url: string;
let repo: string;

beforeAll(async () => {
  server = await startGitServer();
  url = server.createRepo('designs.git');
  repo = server.repoDir('designs.git');
  web = await startWebApp('deletions', { secrets: new MemorySecretStore() }, {
    beforeOpen: async ({ app }) => {
      const call = async (channel: string, input: unknown): Promise<unknown> => {
        const r = await app.dispatch(channel as never, input as never);
        if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
        return r.value;
      };
      await call('sync:setRemote', { url, branch: 'main', authorName: 'Ada Lovelace', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
      for (let i = 1; i <= 8; i++) await call('docs:create', { kind: 'rfc', title: `Queue design ${i}` });
      await call('sync:run', {});
      const tess = await cloneTeammate(url);
      for (const file of tess.files('rfcs').slice(0, 6)) tess.remove(`rfcs/${file}`);
      await tess.pushAll('Remove six RFCs');
    },
  });
  ({ page } = web);
});

afterAll(async () => {
  await web?.close();
  await server?.close();
});

/** Serious and critical axe findings on the page as it is. */
async function axe(): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const live = (): number => (web.app.db.prepare('SELECT count(*) AS n FROM documents WHERE deleted_at IS NULL').get() as { n: number }).n;

describe('the deletion confirmation', () => {
  it('asks before a sync deletes many documents: Cancel changes nothing, Delete goes ahead', async () => {
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await bar.getByRole('button', { name: 'Sync now' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete 6 documents?' });
    await dialog.waitFor();
    await dialog.getByText('This sync would delete 6 of 8 documents. Nothing has been changed yet').waitFor();
    const group = dialog.getByRole('region', { name: 'Deleted in the team repository: moved to the trash here' });
    expect(await group.getByRole('listitem').allInnerTexts()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `RFC-${n} Queue design ${n}`));
    // A destructive question: Cancel has the focus, so Enter does not delete.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');

    // Light, dark from the system, and dark chosen by hand.
    const findings: string[] = [];
    for (const [name, scheme, manual] of [['light', 'light', false], ['dark', 'dark', false], ['dark-by-hand', 'light', true]] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((dark) => {
        if (dark) Object.assign(document.documentElement.dataset, { theme: 'dark', colorMode: 'dark' });
        else for (const k of ['theme', 'colorMode']) delete document.documentElement.dataset[k];
      }, manual);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      findings.push(...(await axe()).map((f) => `${name}: ${f}`));
      await page.screenshot({ path: path.join(SCREENSHOTS, `sync-deletions-${name}.png`) });
    }
    await page.evaluate(() => {
      for (const k of ['theme', 'colorMode']) delete document.documentElement.dataset[k];
    });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(findings).toEqual([]);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await bar.getByText(/Sync failed: This sync would delete 6 of 8 documents/).waitFor();
    expect(live()).toBe(8);
    expect(remoteFiles(repo).filter((p) => p.endsWith('.md') && p.startsWith('rfcs/'))).toHaveLength(2);

    await bar.getByRole('button', { name: 'Sync now' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await bar.getByText(/Synced: 6 in · 0 out/).waitFor();
    expect(live()).toBe(2);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByText('Queue design 6').first().waitFor();
    expect(web.problems).toEqual([]);
  });
});
