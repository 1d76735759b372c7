import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { BACKUP_DIR } from '../../src/main/store/backup';
import { themedFindings } from '../support/axeScan';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

// Issue 17 item 6: backups in Settings, as a user takes them: back up, change
// and delete documents, restore from Settings after the confirmation (Escape
// and Cancel change nothing), and the library shows the documents as they
// were; the toast's Undo brings the changes back. The restore runs in the
// bundled worker (dist/main/restore-worker.cjs, built by `npm run build`).

const WORKER = path.resolve('dist/main/restore-worker.cjs');

let web: WebApp;
let page: Page;
let sqlite: Output<'docs:create'>;
let kafka: Output<'docs:create'>;

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await web.app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}
const titles = async (): Promise<string[]> => (await call('docs:list', {})).map((d) => d.title).sort();
const backupFiles = (): string[] => fs.readdirSync(path.join(web.dir, BACKUP_DIR)).sort();
const section = () => page.locator('section', { has: page.getByRole('heading', { name: 'Backups', level: 2 }) });

/** Serious and critical axe findings on the page as it is, in light, dark, and dark chosen by hand; a screenshot of `shot` in each. */
function scan(name: string, shot: () => Promise<Buffer>): Promise<string[]> {
  return themedFindings(page, { each: async (s) => fs.writeFileSync(path.join(SCREENSHOTS, `${name}-${s.slug}.png`), await shot()) });
}

beforeAll(async () => {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first.`);
  web = await startWebApp('backup-settings', { restoreWorker: { script: WORKER } }, {
    beforeOpen: async (started) => {
      web = started;
      sqlite = await call('docs:create', { kind: 'adr', title: 'Use SQLite' });
      sqlite = await call('docs:update', { id: sqlite.id, baseRevision: sqlite.revision, body: '## Context and Problem Statement\n\nOne file per workspace.\n' });
      kafka = await call('docs:create', { kind: 'rfc', title: 'Adopt Kafka' });
    },
  });
  ({ page } = web);
});

afterAll(() => web?.close());

describe('Settings > Backups', () => {
  it('backs up, restores after the confirmation (Escape and Cancel change nothing), shows the library as it was, and undoes', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await section().getByText('No backups yet.').waitFor();
    await section().getByRole('button', { name: 'Back up now' }).click();
    await page.locator('.toast').filter({ hasText: 'Backed up: 2 documents' }).waitFor();
    const rows = section().getByTestId('backup-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect((await rows.first().innerText()).replace(/\s+/g, ' ')).toMatch(/^just now .+ 2 documents · \d+ KB Restore…$/);

    // After the backup: one document edited, one deleted.
    await call('docs:update', { id: sqlite.id, baseRevision: sqlite.revision, body: 'Rewritten after the backup.\n' });
    await call('docs:delete', { id: kafka.id });
    expect(await titles()).toEqual(['Use SQLite']);
    const before = backupFiles();

    const restoreButton = rows.first().getByRole('button', { name: /^Restore the backup from / });
    const dialog = page.getByRole('alertdialog', { name: /^Restore the backup from just now\?$/ });
    await restoreButton.click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('DesignDesk first backs up the library as it is now, so you can undo this by restoring that backup.');
    const findings = await scan('backups-restore-dialog', () => page.screenshot());
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await restoreButton.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await titles()).toEqual(['Use SQLite']);
    expect((await call('docs:get', { id: sqlite.id })).body).toBe('Rewritten after the backup.\n');
    expect(backupFiles()).toEqual(before);

    await restoreButton.click();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    const toast = page.locator('.toast').filter({ hasText: /^Restored the backup from / });
    await toast.waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await titles()).toEqual(['Adopt Kafka', 'Use SQLite']);
    expect((await call('docs:get', { id: sqlite.id })).body).toBe('## Context and Problem Statement\n\nOne file per workspace.\n');
    // The library before the restore is the newest backup now.
    await expect.poll(() => rows.count()).toBe(2);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
    const docRows = page.getByTestId('doc-row');
    await docRows.filter({ hasText: 'Adopt Kafka' }).waitFor();
    expect(await docRows.count()).toBe(2);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.locator('.toast').filter({ hasText: 'Undone: the library is back as it was before the restore.' }).waitFor();
    await docRows.filter({ hasText: 'Adopt Kafka' }).waitFor({ state: 'detached' });
    expect(await titles()).toEqual(['Use SQLite']);
    expect((await call('docs:get', { id: sqlite.id })).body).toBe('Rewritten after the backup.\n');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(3);
    findings.push(...(await scan('backups-settings', () => section().screenshot())));
    expect(findings).toEqual([]);
    expect(web.problems).toEqual([]);
  });

  it('says why a restore failed, and the library stays as it was', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
    const damaged = 'designdesk-20200101T000000000Z.sqlite';
    fs.writeFileSync(path.join(web.dir, BACKUP_DIR, damaged), 'SQLite format 3\0 but not really');
    await section().getByRole('button', { name: 'Back up now' }).click();
    const rows = section().getByTestId('backup-row');
    const oldest = rows.last();
    await oldest.getByText('unreadable').waitFor();
    await oldest.getByRole('button', { name: /^Restore the backup from / }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();
    const alert = section().getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^The backup designdesk-20200101T000000000Z\.sqlite could not be restored: .+ Your library is as it was\.$/);
    expect(await titles()).toEqual(['Use SQLite']);
    expect(web.problems).toEqual([]);
  });
});
