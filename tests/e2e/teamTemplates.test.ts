import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { MemorySecretStore } from '../../src/main/sync/secretStore';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate, remoteShow } from '../support/syncWorkspace';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

let web: WebApp;
let app: App;
let page: Page;
let server: GitServer;

const LIGHTWEIGHT = `---
kind: rfc
title: Lightweight RFC
description: For a change one team ships in a sprint.
---

## Summary

What you propose, in one paragraph.

## Design

How it works, enough for a reviewer to find the holes.

## Rollout

Flags, and how to roll back.
`;

async function ok<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

beforeAll(async () => {
  server = await startGitServer();
  const url = server.createRepo('designs.git');
  web = await startWebApp('team-templates', { secrets: new MemorySecretStore() });
  ({ app, page } = web);
  await ok(app.dispatch('sync:setRemote', { url, branch: 'main', authorName: 'Ada Lovelace', authorEmail: 'ada@example.com', auth: { kind: 'none' } }));
  await ok(app.dispatch('sync:run', {}));
  const tess = await cloneTeammate(url);
  tess.write('templates/rfc-lightweight.md', LIGHTWEIGHT);
  await tess.pushAll('Our Lightweight RFC template');
});

afterAll(async () => {
  await web?.close();
  await server?.close();
});

describe('team templates', () => {
  it('a sync brings the team’s Lightweight RFC; the New menu offers it and creates an RFC with its sections and hints', async () => {
    const toggle = page.getByRole('button', { name: 'New document of another kind' });
    await toggle.click();
    await page.getByRole('menuitem', { name: 'New Decision matrix' }).waitFor();
    expect(await page.getByRole('menuitem', { name: /team template/ }).count()).toBe(0);
    await page.keyboard.press('Escape');

    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByRole('status').getByText('Synced: 1 in · 0 out').waitFor();

    await toggle.click();
    const item = page.getByRole('menuitem', { name: 'New Lightweight RFC RFC · team template' });
    await item.waitFor();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'team-templates-menu.png') });
    await item.click();

    const editor = page.getByRole('article', { name: 'RFC-1 editor' });
    await editor.waitFor();
    // The template's sections, each with the template's own hint; none of the playbook's.
    await editor.getByText('How it works, enough for a reviewer to find the holes.').waitFor();
    await editor.getByText('Flags, and how to roll back.').waitFor();
    expect(await editor.getByText('Motivation', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'team-templates-editor.png') });

    const [summary] = await ok<{ id: string }[]>(app.dispatch('docs:list', {}));
    const doc = await ok<{ body: string; fields: Record<string, unknown> }>(app.dispatch('docs:get', { id: summary!.id }));
    expect(doc.body).toBe('## Summary\n\n## Design\n\n## Rollout\n\n');
    expect(doc.fields.template).toBe('rfc-lightweight');

    // The RFC goes to the team repository naming its template.
    await editor.getByRole('textbox', { name: 'Title', exact: true }).fill('Retry budget for the API gateway');
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByRole('status').getByText('Synced: 0 in · 1 out').waitFor();
    expect(remoteShow(server.repoDir('designs.git'), 'rfcs/0001-retry-budget-for-the-api-gateway.md')).toContain('\ntemplate: rfc-lightweight\n');
  });
});
