import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/main/app';
import { MemorySecretStore } from '../../src/main/sync/secretStore';
import { startConnectProxy, type ConnectProxy } from '../support/connectProxy';
import { startGitServer, type GitServer } from '../support/gitServer';
import { sourceSyncWorker } from '../support/sourceWorkers';

// Issue 13 item 18: the desktop app uses the system's proxy settings. The
// shell asks Electron's session.resolveProxy on the main side; the sync runs
// in its worker, so the answer travels with the job and every request of
// that sync goes through it.

let git: GitServer;
let proxy: ConnectProxy;
const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];

beforeAll(async () => {
  for (const k of PROXY_VARS) delete process.env[k];
  git = await startGitServer();
  proxy = await startConnectProxy();
});

afterAll(async () => {
  await Promise.all([proxy.close(), git.close()]);
});

it('a sync in the worker goes through the proxy the system names for the remote, and only then', async () => {
  const url = git.createRepo('team.git');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-sysproxy-'));
  const asked: string[] = [];
  let answer: string | null = proxy.url;
  const app = createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    secrets: new MemorySecretStore(),
    syncWorker: sourceSyncWorker(),
    systemProxy: async (u) => (asked.push(u), answer),
  });
  try {
    app.documents.create('rfc', 'Behind the company proxy');
    const set = await app.dispatch('sync:setRemote', { url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
    expect(set.ok).toBe(true);
    const r = await app.dispatch('sync:run', {});
    expect(r).toMatchObject({ ok: true, value: { out: 1 } });
    expect(asked).toEqual([url]);
    // The http remote is asked for with absolute URIs through the proxy: discovery, and the push.
    expect(proxy.log).toContain(`GET ${url}/info/refs?service=git-upload-pack`);
    expect(proxy.log).toContain(`POST ${url}/git-receive-pack`);

    // The system says "direct" now: the next sync does not touch the proxy.
    answer = null;
    proxy.log.length = 0;
    app.documents.create('rfc', 'Straight to the server');
    expect(await app.dispatch('sync:run', {})).toMatchObject({ ok: true, value: { out: 1 } });
    expect(proxy.log).toEqual([]);
  } finally {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
