import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/main/sync/secretStore';
import { startGitServer, type GitServer } from '../support/gitServer';
import { sourceSyncWorker } from '../support/sourceWorkers';
import { remoteFiles } from '../support/syncWorkspace';
import { startTrickleProxy, type TrickleProxy } from '../support/trickleProxy';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

let web: WebApp;
let server: GitServer;
let proxy: TrickleProxy;

beforeAll(async () => {
  server = await startGitServer();
  server.createRepo('designs.git');
  proxy = await startTrickleProxy(server.port);
  web = await startWebApp('sync-cancel', { secrets: new MemorySecretStore(), syncWorker: sourceSyncWorker() });
});

afterAll(async () => {
  await web?.close();
  await proxy?.close();
  await server?.close();
});

describe('cancelling a sync from the status bar', () => {
  it('shows Cancel sync while a push hangs; cancelling leaves the change local, and the next sync settles it', async () => {
    const { app, page } = web;
    const ok = async (r: Promise<{ ok: boolean }>) => expect((await r).ok).toBe(true);
    await ok(app.dispatch('sync:setRemote', { url: proxy.url('/designs.git'), branch: 'main', authorName: 'Ada Lovelace', authorEmail: 'ada@example.test', auth: { kind: 'none' } }));
    await ok(app.dispatch('docs:create', { kind: 'rfc', title: 'Pushed through a failing link' }));
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await bar.getByText('1 local change not pushed').waitFor();

    proxy.trickle = 'git-receive-pack';
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByRole('status').getByText(/Pushing…/).waitFor();
    const cancel = bar.getByRole('button', { name: 'Cancel sync' });
    await cancel.waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const scan = await new AxeBuilder({ page }).include('footer.sync-bar').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${scheme}: ${v.id}`)).toEqual([]);
      await bar.screenshot({ path: path.join(SCREENSHOTS, `sync-cancel-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await cancel.click();
    await bar.getByRole('status').getByText('Sync cancelled: nothing was changed').waitFor();
    await bar.getByText('1 local change not pushed').waitFor();
    await bar.screenshot({ path: path.join(SCREENSHOTS, 'sync-cancelled.png') });

    proxy.trickle = null;
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByText('Everything pushed').waitFor();
    expect(remoteFiles(server.repoDir('designs.git'))).toContain('rfcs/0001-pushed-through-a-failing-link.md');
    expect(web.problems).toEqual([]);
  });
});
