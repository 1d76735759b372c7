import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLUSH, pktLine } from '../../src/main/sync/pktLine';
import { startHostileGitServer, type HostileGitServer } from '../support/hostileGitServer';
import { remoteFiles, useSyncFixture } from '../support/syncWorkspace';

// The transport items as a user meets them: whole syncs through the app
// (sync:run, sync:testRemote) against real `git http-backend`, with a
// bending server in front where the host must misbehave.

const f = useSyncFixture();
let hostile: HostileGitServer;

beforeAll(async () => {
  hostile = await startHostileGitServer(f.server.port);
});

afterAll(async () => {
  await hostile.close();
});

const pathOf = (url: string): string => new URL(url).pathname;
const setRemote = (url: string) => ({ url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } }) as const;

describe('transport, end to end', () => {
  it("the server's remote: lines show in the sync's progress while it runs (a hook that explains itself, then accepts)", async () => {
    const hook = path.join(f.repo, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, '#!/bin/sh\necho "Checking the RFC index, one moment..." >&2\nsleep 2\nexit 0\n', { mode: 0o755 });
    try {
      const ada = await f.laptop('Ada');
      await ada.call('docs:create', { kind: 'rfc', title: 'Checked by a hook' });
      const seen = new Set<string>();
      let running = true;
      const run = ada.call('sync:run', {}).finally(() => {
        running = false;
      });
      while (running) {
        const status = await ada.call('sync:status', {});
        if (status.serverMessage) seen.add(status.serverMessage);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await run).out).toBe(1);
      expect([...seen]).toContain('Checking the RFC index, one moment...');
      // Once the sync is over, the status carries no server line.
      expect((await ada.call('sync:status', {})).serverMessage).toBeUndefined();
    } finally {
      fs.rmSync(hook, { force: true });
    }
  });

  it('a repository moved with a 301: the sync follows it for every request and says so in its result', async () => {
    const real = pathOf(f.url);
    hostile.setBehaviour((req, res) => {
      if (!req.path.startsWith('/old/')) return 'pass';
      res.writeHead(301, { location: `${real}${req.path.slice(`/old${real}`.length)}${req.method === 'GET' ? `?service=${req.service}` : ''}` });
      res.end();
    });
    const ada = await f.laptop('Ada');
    await ada.call('sync:setRemote', setRemote(hostile.url(`/old${real}`)));
    await ada.call('docs:create', { kind: 'rfc', title: 'Moved host' });
    const r = await ada.call('sync:run', {});
    expect(r.out).toBe(1);
    expect(r.warnings).toEqual([expect.stringMatching(new RegExp(`answered from ${hostile.url(real).replace(/[.]/g, '\\.')} \\(a redirect from .*/old/`))]);
    expect(remoteFiles(f.repo)).toContain('rfcs/0001-moved-host.md');
    expect(hostile.log.filter((l) => l.startsWith('POST /old/'))).toEqual([]);
    hostile.setBehaviour(null);
  });

  it('a remote URL ending in "/" syncs (it was HTTP 500)', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('sync:setRemote', setRemote(`${f.url}/`));
    await ada.call('docs:create', { kind: 'rfc', title: 'Slash' });
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1 });
    expect(await ada.call('sync:testRemote', setRemote(`${f.url}//`))).toMatchObject({ empty: false, branches: ['main'] });
    expect(execFileSync('git', ['log', '--format=%s', 'main'], { cwd: f.repo, encoding: 'utf8' })).toMatch(/Slash/);
  });

  it('an ERR line in the advertisement fails the sync with the server\'s text; nothing is trashed', async () => {
    const ada = await f.laptop('Ada');
    const doc = await ada.call('docs:create', { kind: 'rfc', title: 'Kept' });
    await ada.call('sync:run', {});
    hostile.setBehaviour((req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-git-upload-pack-advertisement' });
      res.end(Buffer.concat([pktLine('# service=git-upload-pack\n'), FLUSH, pktLine('ERR Repository is read-only during maintenance\n')]));
    });
    await ada.call('sync:setRemote', setRemote(hostile.url(pathOf(f.url))));
    const e = await ada.refusal('sync:run', {});
    expect(e.code).toBe('NETWORK');
    expect(e.message).toMatch(/answered: Repository is read-only during maintenance/);
    expect(await ada.call('docs:get', { id: doc.id })).toMatchObject({ title: 'Kept' });
    const t = await ada.refusal('sync:testRemote', setRemote(hostile.url(pathOf(f.url))));
    expect(t.message).toMatch(/read-only during maintenance/);
    hostile.setBehaviour(null);
  });
});
