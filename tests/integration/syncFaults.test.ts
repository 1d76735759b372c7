import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../../src/main/app';
import { DB_FILE } from '../../src/main/store/openDatabase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy, type FaultRequest } from '../support/faultProxy';
import { cloneTeammate, remoteFiles, remoteShow, useSyncFixture, type Workspace } from '../support/syncWorkspace';

// Faults of the remote beyond tests/integration/syncFailures.test.ts (server
// dies mid-push, push race, bad URLs) and syncAuth.test.ts (401 on connect):
// the server stopping mid-fetch, an HTTP 500 at each step of a sync, the
// credentials revoked between fetch and push, a force-pushed remote, and a
// repository over its size quota. Each time: a clear error code (never
// INTERNAL: the fixture fails a test whose workspace logged one), nothing
// local lost, the remote untouched, and the next sync completes.

const f = useSyncFixture();
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(f.server.port);
});

afterAll(async () => {
  await proxy.close();
});

const head = (): string => execFileSync('git', ['rev-parse', 'main'], { cwd: f.repo, encoding: 'utf8' }).trim();
const viaProxy = (): string => proxy.url(new URL(f.url).pathname);

/** A laptop that has published one RFC, plus a local edit of it not yet synced. */
async function laptopWithLocalEdit(name: string, url = f.url): Promise<{ w: Workspace; id: string; edit: string }> {
  const w = await f.laptop(name);
  if (url !== f.url) await w.call('sync:setRemote', { url, branch: 'main', authorName: name, authorEmail: `${name.toLowerCase()}@example.com`, auth: { kind: 'none' } });
  const doc = await w.call('docs:create', { kind: 'rfc', title: 'Faults' });
  await w.call('sync:run', {});
  const edit = await localEdit(w, doc.id, 'first local edit');
  return { w, id: doc.id, edit };
}

async function localEdit(w: Workspace, id: string, text: string): Promise<string> {
  const d = await w.call('docs:get', { id });
  await w.call('docs:update', { id, baseRevision: d.revision, body: `${d.body.trimEnd()}\n\n${text}\n` });
  return text;
}

describe('sync faults (real git server, with a fault-injecting proxy where needed)', () => {
  it('the server stops in the middle of a fetch: NETWORK, nothing taken in or lost; the next sync merges both sides', async () => {
    const { w: ada, id, edit } = await laptopWithLocalEdit('Ada');
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/0001-faults.md', tess.read('rfcs/0001-faults.md').replace('## Motivation\n', '## Motivation\n\nTess adds a reason.\n'));
    await tess.pushAll('Tess edits');
    const remoteHead = head();

    f.server.setOnRequest(async (req) => {
      if (req.method === 'POST' && req.service === 'git-upload-pack') {
        await f.server.stop();
        return 'drop';
      }
    });
    const failed = await ada.refusal('sync:run', {});
    f.server.setOnRequest(undefined);
    expect(failed.code).toBe('NETWORK');
    const mine = await ada.call('docs:get', { id });
    expect(mine.body).toContain(edit);
    expect(mine.body).not.toContain('Tess adds a reason.');
    expect(await ada.call('sync:status', {})).toMatchObject({ running: false, localChanges: 1, lastError: { code: 'NETWORK' } });

    await f.server.restart();
    expect(head()).toBe(remoteHead);
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 1, out: 1, conflicts: 0 });
    const merged = await ada.call('docs:get', { id });
    expect(merged.body).toContain(edit);
    expect(merged.body).toContain('Tess adds a reason.');
    expect(remoteShow(f.repo, 'rfcs/0001-faults.md')).toContain(edit);
  });

  it('an HTTP 500 at any step of fetch or push fails the sync cleanly, and the next one completes', async () => {
    const { w: ada, id } = await laptopWithLocalEdit('Ada', viaProxy());
    const steps: [string, (r: FaultRequest) => boolean][] = [
      ['advertise for fetch', (r) => r.method === 'GET' && r.service === 'git-upload-pack'],
      ['fetch pack', (r) => r.method === 'POST' && r.service === 'git-upload-pack'],
      ['advertise for push', (r) => r.method === 'GET' && r.service === 'git-receive-pack'],
      ['push pack', (r) => r.method === 'POST' && r.service === 'git-receive-pack'],
    ];
    const seen: string[] = [];
    for (const [i, [step, match]] of steps.entries()) {
      const text = `edit before a 500 at ${step}`;
      if (i > 0) await localEdit(ada, id, text);
      if (step === 'fetch pack') {
        // The pack is only asked for when the branch has moved: a teammate pushes first.
        const tess = await cloneTeammate(f.url);
        tess.write('rfcs/0001-faults.md', tess.read('rfcs/0001-faults.md').replace('## Motivation\n', '## Motivation\n\nTess adds a reason.\n'));
        await tess.pushAll('Tess edits');
      }
      const before = head();
      let injected = false;
      proxy.setFault((r) => (!injected && match(r) ? ((injected = true), { status: 500, body: 'Internal Server Error\n' }) : 'pass'));
      const failed = await ada.refusal('sync:run', {});
      proxy.setFault(null);
      expect(injected, step).toBe(true);
      seen.push(`${step}: ${failed.code}`);
      // A server error is the server's, at every step: NETWORK (retry later), never a conflict or a refusal of rights.
      expect(failed.code, `${step}: ${failed.message}`).toBe('NETWORK');
      expect(failed.message, step).toMatch(/500/);
      expect(head(), `${step}: the remote moved`).toBe(before);
      expect((await ada.call('sync:status', {})).localChanges, step).toBe(1);
      const r = await ada.call('sync:run', {});
      expect(r.out, step).toBe(1);
      expect(remoteShow(f.repo, 'rfcs/0001-faults.md'), step).toContain(i > 0 ? text : 'first local edit');
    }
    expect(seen).toHaveLength(4);
    console.log(`[sync-faults] HTTP 500 at: ${seen.join('; ')}`);
  });

  it('a sync while the branch has not moved asks only for the refs: no pack is fetched', async () => {
    const { w: ada } = await laptopWithLocalEdit('Ada', viaProxy());
    await ada.call('sync:run', {});
    const requests: string[] = [];
    proxy.setFault((r) => (requests.push(`${r.method} ${r.service}`), 'pass'));
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 0, out: 0 });
    // Then a teammate pushes: the next sync fetches the pack.
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/0001-faults.md', tess.read('rfcs/0001-faults.md').replace('## Motivation\n', '## Motivation\n\nTess adds a reason.\n'));
    await tess.pushAll('Tess edits');
    const idle = [...requests];
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 1, out: 0 });
    proxy.setFault(null);
    expect(idle).toEqual(['GET git-upload-pack']);
    expect(requests.slice(idle.length)).toEqual(['GET git-upload-pack', 'POST git-upload-pack']);
  });

  it('credentials revoked between fetch and push (401 on the push): AUTH_FAILED, local changes kept', async () => {
    const { w: ada, edit } = await laptopWithLocalEdit('Ada', viaProxy());
    const before = head();
    proxy.setFault((r) => (r.service === 'git-receive-pack' ? { status: 401, headers: { 'www-authenticate': 'Basic realm="revoked"' } } : 'pass'));
    const failed = await ada.refusal('sync:run', {});
    proxy.setFault(null);
    expect(failed.code).toBe('AUTH_FAILED');
    expect(failed.message).toMatch(/401/);
    expect(head()).toBe(before);
    expect(await ada.call('sync:status', {})).toMatchObject({ localChanges: 1, lastError: { code: 'AUTH_FAILED' } });
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1 });
    expect(remoteShow(f.repo, 'rfcs/0001-faults.md')).toContain(edit);
  });

  it('a force-pushed remote (history rewritten under us) loses no local edit and leaves a clean repository', async () => {
    const ada = await f.laptop('Ada');
    const keep = await ada.call('docs:create', { kind: 'rfc', title: 'Kept by everyone' });
    await ada.call('sync:run', {});
    const gone = await ada.call('docs:create', { kind: 'adr', title: 'Dropped by the force push' });
    await ada.call('sync:run', {});
    expect(remoteFiles(f.repo)).toContain('adrs/0001-dropped-by-the-force-push.md');

    // A teammate rewinds main by one commit, commits something else, and force-pushes.
    const tess = await cloneTeammate(f.url);
    await tess.git('reset', '--hard', 'HEAD~1');
    tess.write('rfcs/0001-kept-by-everyone.md', tess.read('rfcs/0001-kept-by-everyone.md').replace('## Summary\n', '## Summary\n\nRewritten history.\n'));
    await tess.git('commit', '--quiet', '-am', 'Rewrite');
    await tess.git('push', '--quiet', '--force', 'origin', 'HEAD:main');

    const edit = await localEdit(ada, keep.id, 'Ada edits after the force push.');
    const adrEdit = await localEdit(ada, gone.id, 'Ada edits the dropped ADR.');
    // The branch no longer holds the commit Ada synced with: refused, nothing moves (issue 13, item 1).
    const rewritten = head();
    expect(await ada.refusal('sync:run', {})).toMatchObject({ code: 'CONFLICT', data: { reason: 'history-rewritten', head: rewritten } });
    expect(head()).toBe(rewritten);

    // Connecting again takes the rewritten branch as it is: the RFC merges Ada's edit with the rewritten text (against
    // the stored base text), and the ADR the force push dropped is published again with Ada's edit, never lost.
    const remote = (await ada.call('sync:getRemote', {}))!;
    await ada.call('sync:disconnect', {});
    await ada.call('sync:setRemote', { url: remote.url, branch: remote.branch, authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0 });
    const kept = await ada.call('docs:get', { id: keep.id });
    expect(kept.body).toContain(edit);
    expect(kept.body).toContain('Rewritten history.');
    expect(remoteShow(f.repo, 'rfcs/0001-kept-by-everyone.md')).toContain(edit);
    expect(remoteShow(f.repo, 'rfcs/0001-kept-by-everyone.md')).toContain('Rewritten history.');
    expect(remoteShow(f.repo, 'adrs/0001-dropped-by-the-force-push.md')).toContain(adrEdit);
    expect(await ada.call('sync:status', {})).toMatchObject({ localChanges: 0, conflicts: 0 });
  });

  it('a push over 1 MB is streamed: it lands whole, and a quota refusal in the middle of the stream is still FORBIDDEN', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('docs:create', { kind: 'adr', title: 'Small' });
    await ada.call('sync:run', {});
    // Four documents of 400 KB that do not compress: a pack of about 1.6 MB, above the 1 MB sent in one piece.
    const bodies: string[] = [];
    for (let i = 0; i < 4; i++) {
      const doc = await ada.call('docs:create', { kind: 'rfc', title: `Large ${i}` });
      const body = `## Summary\n\n${crypto.randomBytes(300 * 1024).toString('base64').replace(/(.{76})/g, '$1\n')}\n`;
      await ada.call('docs:update', { id: doc.id, baseRevision: doc.revision, body });
      bodies.push(body);
    }
    execFileSync('git', ['config', 'receive.maxInputSize', String(512 * 1024)], { cwd: f.repo });
    const refused = await ada.refusal('sync:run', {});
    expect(refused.code, refused.message).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/over its size limit/);
    expect(remoteFiles(f.repo).filter((p) => p.startsWith('rfcs/') && p.endsWith('.md'))).toEqual([]);
    expect((await ada.call('sync:status', {})).localChanges).toBe(4);

    execFileSync('git', ['config', '--unset', 'receive.maxInputSize'], { cwd: f.repo });
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 4, errors: [] });
    execFileSync('git', ['fsck', '--strict', '--no-dangling'], { cwd: f.repo });
    for (let i = 0; i < 4; i++) expect(remoteShow(f.repo, `rfcs/000${i + 1}-large-${i}.md`)).toContain(bodies[i]!.slice(0, 2000).trimEnd());
  });

  it('a repository over its size quota refuses the push: the error says so, nothing is lost, and it goes through once there is room', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('docs:create', { kind: 'rfc', title: 'Small' });
    await ada.call('sync:run', {});
    execFileSync('git', ['config', 'receive.maxInputSize', '4000'], { cwd: f.repo });
    const big = await ada.call('docs:create', { kind: 'postmortem', title: 'Too big for the quota' });
    const noise = Array.from({ length: 4000 }, (_, i) => `line ${i} ${((i * 2654435761) % 4294967296).toString(36)}`).join('\n');
    await ada.call('docs:update', { id: big.id, baseRevision: big.revision, body: `## Summary\n\n${noise}\n` });
    const before = head();
    const failed = await ada.refusal('sync:run', {});
    expect(failed.code, failed.message).toBe('FORBIDDEN');
    expect(failed.message).toMatch(/over its size limit/);
    expect(head()).toBe(before);
    expect((await ada.call('docs:get', { id: big.id })).body).toContain('line 3999');
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);
    console.log(`[sync-faults] over quota: ${failed.code}: ${failed.message}`);

    execFileSync('git', ['config', '--unset', 'receive.maxInputSize'], { cwd: f.repo });
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1 });
    expect(remoteShow(f.repo, remoteFiles(f.repo).find((p) => /^postmortems\/.*\.md$/.test(p))!)).toContain('line 3999');
  });

  it('a full local disk (file size limit) while taking in a large push: a clear error, the database intact, and the sync completes once there is room', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-diskfull-'));
    try {
      const open = () => createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }) });
      let app = open();
      const doc = app.documents.create('rfc', 'Before the disk filled');
      await app.dispatch('sync:setRemote', { url: f.url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
      expect((await app.dispatch('sync:run', {})).ok).toBe(true);
      app.close();

      // A teammate pushes about 700 KB that does not compress (a body just under the API's 1,000,000 characters, which a
      // synced file must also respect): taking it in needs more room than this laptop has.
      const tess = await cloneTeammate(f.url);
      tess.write('rfcs/0002-huge-appendix.md', `---\ntitle: Huge appendix\nstatus: Draft\n---\n\n## Appendix\n\n${crypto.randomBytes(700 * 1024).toString('base64').replace(/(.{76})/g, '$1\n')}\n`);
      await tess.pushAll('Huge appendix');

      app = open();
      const d = app.documents.get(doc.id);
      app.documents.update({ id: doc.id, baseRevision: d.revision, body: `${d.body}\nWritten before the disk filled.\n` });
      app.close();

      // `ulimit -f 512` (bash counts KiB): no file of this process may grow past 512 KiB (EFBIG, as on a full disk).
      const run = (limitKb: number | null): Promise<{ stdout: string; stderr: string; code: number | null }> =>
        new Promise((resolve) => {
          const node = `node --import tsx ${JSON.stringify(path.resolve('tests/support/syncOnce.ts'))} ${JSON.stringify(dir)}`;
          execFile('bash', ['-c', limitKb === null ? node : `ulimit -f ${limitKb} && ${node}`], { encoding: 'utf8' }, (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? ((error as { code?: number }).code ?? 1) : 0 }));
        });
      const full = await run(512);
      expect(full.code, full.stderr).toBe(0);
      const result = JSON.parse(full.stdout) as { ok: boolean; error?: { code: string; message: string } };
      expect(result.ok).toBe(false);
      console.log(`[sync-faults] disk full: ${result.error!.code}: ${result.error!.message}${full.stderr.includes('INTERNAL') ? ' (logged as an internal error)' : ''}`);
      expect(result.error!.code, result.error!.message).toBe('DISK_FULL');

      const db = new Database(path.join(dir, DB_FILE), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      app = open();
      expect(app.documents.get(doc.id).body).toContain('Written before the disk filled.');
      expect(app.documents.list().map((x) => x.title)).not.toContain('Huge appendix');
      app.close();

      const roomy = await run(null);
      expect(JSON.parse(roomy.stdout), roomy.stderr).toMatchObject({ ok: true, value: { in: 1, out: 1 } });
      app = open();
      expect(app.documents.list().map((x) => x.title).sort()).toEqual(['Before the disk filled', 'Huge appendix']);
      app.close();
      expect(remoteShow(f.repo, 'rfcs/0001-before-the-disk-filled.md')).toContain('Written before the disk filled.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
