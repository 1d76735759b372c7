import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { MemorySecretStore } from '../../src/main/sync/secretStore';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate, fsck, remoteFiles, remoteShow } from '../support/syncWorkspace';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

const PASSWORD = 'e2e-Secret-pa55';

let web: WebApp;
let app: App;
let page: Page;
let server: GitServer;
let url: string;

beforeAll(async () => {
  server = await startGitServer({ auth: { username: 'ada', password: PASSWORD } });
  url = server.createRepo('designs.git');
  web = await startWebApp('sync', { secrets: new MemorySecretStore() });
  ({ app, page } = web);
});

afterAll(async () => {
  await web?.close();
  await server?.close();
});

describe('sync journey', () => {
  it('connects the team repository, tests it, syncs a new RFC with visible progress, and the file is in the remote', async () => {
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await bar.getByText('not connected to a team repository').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync' }).click();
    await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Team repository connection' });
    await form.getByLabel('Repository URL').fill(url);
    await expect(form.getByLabel('Branch').inputValue()).resolves.toBe('main');
    await expect(form.getByLabel('Commit as (name)').inputValue()).resolves.toBe('Ada Lovelace');
    await form.getByLabel('Authentication').selectOption({ label: 'User name and password' });
    await form.getByLabel('User name', { exact: true }).fill('ada');

    // A wrong password is refused with a clear message; the right one connects.
    await form.getByLabel('Password', { exact: true }).fill('wrong');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByRole('alert').getByText(/refused the credentials \(401\)/).waitFor();
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByRole('status').getByText(/Connected to 127\.0\.0\.1:\d+\. The repository is empty/).waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').getByText(/^Saved\./).waitFor();
    await expect(form.getByLabel('Password', { exact: true }).inputValue()).resolves.toBe('');
    await expect(form.getByLabel('Password', { exact: true }).getAttribute('placeholder')).resolves.toMatch(/Saved/);
    await bar.getByText('Never synced').waitFor();

    // A new RFC is a local change until it is pushed.
    await page.getByRole('button', { name: 'New RFC' }).click();
    const editor = page.getByRole('article', { name: 'RFC-1 editor' });
    await editor.waitFor();
    await editor.getByRole('textbox', { name: 'Title', exact: true }).fill('Adopt event sourcing for orders');
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
    await bar.getByText('1 local change not pushed').waitFor();

    // The push is slowed down so the progress can be seen.
    server.setOnRequest(async (req) => {
      if (req.method === 'POST' && req.service === 'git-receive-pack') await new Promise((r) => setTimeout(r, 1500));
    });
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByRole('status').getByText(/Pushing… .*0 in · 1 out/).waitFor();
    await bar.getByRole('button', { name: 'Cancel sync' }).waitFor();
    await bar.getByRole('status').getByText('Synced: 0 in · 1 out').waitFor({ timeout: 15_000 });
    server.setOnRequest(undefined);
    await bar.getByText('Everything pushed').waitFor();
    await bar.getByText('Last synced just now').waitFor();

    // The git CLI sees the file in the team repository.
    const repo = server.repoDir('designs.git');
    expect(remoteFiles(repo)).toEqual(expect.arrayContaining(['designdesk.yml', 'rfcs/0001-adopt-event-sourcing-for-orders.md']));
    expect(remoteShow(repo, 'rfcs/0001-adopt-event-sourcing-for-orders.md')).toMatch(/^---\nid: [0-9A-Z]{26}\nref: RFC-1\ntitle: Adopt event sourcing for orders\n/);
    expect(() => fsck(repo)).not.toThrow();

    // The Sync page reports what the last sync did.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync' }).click();
    const report = page.getByRole('region', { name: 'Last sync' });
    await report.getByRole('cell', { name: 'rfcs/0001-adopt-event-sourcing-for-orders.md' }).waitFor();
    await report.getByText('0 in · 1 out').waitFor();

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1180 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sync.png') });

    // The shortcut syncs too (nothing new to send).
    await page.keyboard.press('Control+Shift+S');
    await bar.getByRole('status').getByText('Synced: 0 in · 0 out').waitFor();
  });

  it('shows a same-line conflict side by side, keeps the remote untouched, and pushes "Take mine" on the next sync', async () => {
    const file = 'rfcs/0001-adopt-event-sourcing-for-orders.md';
    const [doc] = (await app.dispatch('docs:list', {})).ok ? ((await app.dispatch('docs:list', {})) as { ok: true; value: { id: string }[] }).value : [];
    const tess = await cloneTeammate(server.urlWithAuth('designs.git'));
    tess.write(file, tess.read(file).replace('## Summary\n', '## Summary\n\nStore order events in Kafka.\n'));
    await tess.pushAll('Tess writes the summary');
    const current = await app.dispatch('docs:get', { id: doc!.id });
    if (!current.ok) throw new Error(current.error.message);
    const d = current.value as { revision: number; body: string };
    await app.dispatch('docs:update', { id: doc!.id, baseRevision: d.revision, body: d.body.replace('## Summary\n', '## Summary\n\nStore order events in Postgres.\n') });

    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByRole('button', { name: '1 conflict to resolve' }).click();
    const card = page.getByRole('article', { name: /RFC-1 Adopt event sourcing for orders/ });
    await card.getByText('Both changed the same lines of the text.').waitFor();
    const sides = card.getByTestId('conflict-sides');
    await sides.getByRole('columnheader', { name: 'Mine (this device)' }).waitFor();
    await sides.getByText('Store order events in Postgres.').waitFor();
    await sides.getByText('Store order events in Kafka.').waitFor();
    expect(remoteShow(server.repoDir('designs.git'), file)).toContain('Store order events in Kafka.');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sync-conflict.png') });

    await card.getByRole('button', { name: 'Take mine' }).click();
    await page.getByText('No conflicts').waitFor();
    await bar.getByText('1 local change not pushed').waitFor();
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByRole('status').getByText('Synced: 0 in · 1 out').waitFor();
    const text = remoteShow(server.repoDir('designs.git'), file);
    expect(text).toContain('Store order events in Postgres.');
    expect(text).not.toContain('Kafka');
  });
});
