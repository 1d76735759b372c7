import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate } from '../support/syncWorkspace';
import { themedFindings } from '../support/axeScan';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

// Repository health in the app (issue 16 item 2): after a sync that brought
// a one-sided supersede link and a broken reference from a teammate, the
// status bar counts the new findings, the Health view lists them with a fix
// where one is obvious, and the fix resolves the finding.

let web: WebApp;
let server: GitServer;
let url: string;

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await web.app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}

beforeAll(async () => {
  server = await startGitServer();
  url = server.createRepo('health.git');
  web = await startWebApp('health', {}, {
    beforeOpen: async (started) => {
      web = started;
      const mysql = await call('docs:create', { kind: 'adr', title: 'Use MySQL' });
      await call('docs:move', { id: mysql.id, to: 'accepted' });
      await call('sync:setRemote', { url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
      await call('sync:run', {});
    },
  });
});

afterAll(async () => {
  await web?.close();
  await server?.close();
});

describe('the Health view', () => {
  it('counts new findings in the status bar after a sync, lists them, passes axe in three settings, and fixes a one-sided supersede', async () => {
    const { page } = web;
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await bar.getByText('Everything pushed').waitFor();
    expect(await bar.getByTestId('health-count').count()).toBe(0);

    const tess = await cloneTeammate(url);
    tess.write('adrs/0002-use-postgres.md', '---\nref: ADR-2\nstatus: accepted\nsupersedes: [1]\nauthor: Tess\n---\n\n# Use Postgres\n\nReplaces ADR-1. Measured in RFC-99.\n');
    await tess.pushAll('Tess: Postgres supersedes MySQL');

    await bar.getByRole('button', { name: 'Sync now' }).click();
    const count = bar.getByTestId('health-count');
    await count.waitFor();
    expect(await count.innerText()).toBe('2 new health findings');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'health-status-bar.png') });

    await count.click();
    await page.getByRole('heading', { name: 'Repository health', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Health findings' });
    await list.waitFor();
    const items = list.getByTestId('health-finding');
    expect(await items.count()).toBe(2);
    expect((await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'BROKEN REFERENCE ADR-2 Use Postgres broken reference RFC-99: no such document in the repo',
      'ONE-SIDED SUPERSEDE LINK ADR-2 Use Postgres one-sided supersede link: ADR-2 supersedes ADR-1, but adrs/0001-use-mysql.md does not name ADR-2 as superseded-by Fix: Mark ADR-1 superseded by ADR-2',
    ]);
    // Seen: the count leaves the status bar.
    await count.waitFor({ state: 'detached' });

    const findings = await themedFindings(page, { each: (s) => page.screenshot({ path: path.join(SCREENSHOTS, `health-${s.slug}.png`) }) });
    expect(findings).toEqual([]);

    await list.getByRole('button', { name: 'Fix: Mark ADR-1 superseded by ADR-2' }).click();
    await page.locator('.toast').filter({ hasText: 'Fixed: Mark ADR-1 superseded by ADR-2' }).waitFor();
    await items.filter({ hasText: 'One-sided supersede link' }).waitFor({ state: 'detached' });
    expect(await items.count()).toBe(1);
    const mysql = (await call('docs:list', { kind: 'adr' })).find((d) => d.number === 1)!;
    expect((await call('docs:get', { id: mysql.id })).fields.supersededBy).toBe(2);
    await bar.getByText('1 local change not pushed').waitFor();
    expect(web.problems).toEqual([]);
  });
});
