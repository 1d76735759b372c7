import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { seedPublishWorkspace } from '../support/publishFixture';
import { sourcePublishWorker } from '../support/sourceWorkers';

// "Publish site..." in the app: the site:publish call builds the site in the
// publish worker (a thread of its own), and site:status follows it.

let dir: string;
let app: App;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-publish-app-'));
  await seedPublishWorkspace(path.join(dir, 'ws'));
  app = createApp({ workspaceDir: path.join(dir, 'ws'), bridge: 'web', version: 'test', publishWorker: sourcePublishWorker(), dispatch: { checkOutput: true } });
}, 60_000);
afterAll(() => {
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('site:publish', () => {
  it('builds the site in the publish worker and reports what it wrote', async () => {
    const site = path.join(dir, 'site');
    const pending = app.dispatch('site:publish', { dir: site, title: 'From the app' });
    const during = await app.dispatch('site:status', {});
    expect(during.ok && (during.value as { running: boolean }).running).toBe(true);
    const r = await pending;
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ dir: site, index: path.join(site, 'index.html'), documents: 5, rendered: 5 });
    expect(fs.readFileSync(path.join(site, 'index.html'), 'utf8')).toContain('<h1>From the app</h1>');
    const after = await app.dispatch('site:status', {});
    expect(after.ok && after.value).toMatchObject({ running: false, phase: 'done' });
    const again = await app.dispatch('site:publish', { dir: site, title: 'From the app' });
    expect(again.ok && again.value).toMatchObject({ rendered: 0, written: 0 });
  });

  it('refuses a relative folder and the workspace itself, saying why', async () => {
    const rel = await app.dispatch('site:publish', { dir: 'site' });
    expect(rel.ok).toBe(false);
    if (!rel.ok) expect(rel.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('full path') });
    const ws = await app.dispatch('site:publish', { dir: path.join(dir, 'ws') });
    expect(!ws.ok && ws.error.code).toBe('VALIDATION');
  });
});
