import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cloneTeammate, remoteFiles, remoteShow, useSyncFixture } from '../support/syncWorkspace';

const f = useSyncFixture();

function commits(repo: string): string[] {
  return execFileSync('git', ['log', '--format=%s', 'main'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
}

function merges(repo: string): string {
  return execFileSync('git', ['rev-list', '--min-parents=2', 'main'], { cwd: repo, encoding: 'utf8' }).trim();
}

describe('sync when the network or the remote misbehaves', () => {
  it('leaves everything in place when the server dies in the middle of a push, and the next sync completes with nothing lost', async () => {
    const ada = await f.laptop('Ada');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Survives a crash' });
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/0001-survives-a-crash.md', tess.read('rfcs/0001-survives-a-crash.md').replace('## Summary\n', '## Summary\n\nTess was here.\n'));
    await tess.pushAll('Tess edits');
    const d = await ada.call('docs:get', { id: rfc.id });
    await ada.call('docs:update', { id: rfc.id, baseRevision: d.revision, fields: { ...d.fields, reviewers: ['Tess'] } });
    const adr = await ada.call('docs:create', { kind: 'adr', title: 'Written before the crash' });
    const headBefore = commits(f.repo);

    // The server goes down while receiving the pack: between our fetch and the end of our push.
    f.server.setOnRequest(async (req) => {
      if (req.method === 'POST' && req.service === 'git-receive-pack') {
        await f.server.stop();
        return 'drop';
      }
    });
    const failed = await ada.refusal('sync:run', {});
    f.server.setOnRequest(undefined);
    expect(failed.code).toBe('NETWORK');
    expect(failed.message).toMatch(/Cannot reach 127\.0\.0\.1:\d+/);
    expect(failed.message).toMatch(/changes stay here/);

    // Nothing moved: the local edit and the new ADR are still local changes, the teammate's edit not yet taken in.
    const status = await ada.call('sync:status', {});
    expect(status).toMatchObject({ running: false, localChanges: 2, lastError: { code: 'NETWORK' } });
    expect((await ada.call('docs:get', { id: rfc.id })).body).not.toContain('Tess was here.');
    expect((await ada.call('docs:get', { id: rfc.id })).fields.reviewers).toEqual(['Tess']);

    // Offline: the next attempt says why and still changes nothing.
    expect((await ada.refusal('sync:run', {})).code).toBe('NETWORK');

    await f.server.restart();
    expect(commits(f.repo)).toEqual(headBefore);
    const r = await ada.call('sync:run', {});
    expect(r).toMatchObject({ in: 1, out: 2, conflicts: 0 });
    const after = await ada.call('docs:get', { id: rfc.id });
    expect(after.body).toContain('Tess was here.');
    expect(after.fields.reviewers).toEqual(['Tess']);
    expect(remoteShow(f.repo, 'rfcs/0001-survives-a-crash.md')).toContain('Tess was here.');
    expect(remoteShow(f.repo, 'rfcs/0001-survives-a-crash.md')).toContain('- Tess');
    expect(remoteFiles(f.repo)).toContain('adrs/0001-written-before-the-crash.md');
    expect((await ada.call('docs:get', { id: adr.id })).number).toBe(1);
    expect(await ada.call('sync:status', {})).toMatchObject({ localChanges: 0, lastError: null });
  });

  it('fetches, merges and pushes again when someone pushed between our fetch and our push; history stays linear', async () => {
    const ada = await f.laptop('Ada');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Race' });
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    const d = await ada.call('docs:get', { id: rfc.id });
    await ada.call('docs:update', { id: rfc.id, baseRevision: d.revision, title: 'Race, renamed by Ada' });

    let armed = true;
    f.server.setOnRequest(async (req) => {
      if (armed && req.method === 'POST' && req.service === 'git-receive-pack') {
        armed = false;
        tess.write('rfcs/0002-tess-in-between.md', '---\ntitle: x\n---\n\n# Pushed in between\n');
        await tess.pushAll('Tess pushes in between');
      }
    });
    const r = await ada.call('sync:run', {});
    f.server.setOnRequest(undefined);
    expect(r).toMatchObject({ in: 1, out: 1, conflicts: 0 });
    expect(remoteFiles(f.repo)).toEqual(expect.arrayContaining(['rfcs/0001-race.md', 'rfcs/0002-tess-in-between.md']));
    expect(remoteShow(f.repo, 'rfcs/0001-race.md')).toContain('# Race, renamed by Ada');
    expect(commits(f.repo).slice(0, 2)).toEqual(['Update RFC-1: Race, renamed by Ada', 'Tess pushes in between']);
    expect(merges(f.repo)).toBe('');
  });

  it('explains what is wrong with a connection: bad URL, unreachable host, no repository, missing branch', async () => {
    const ada = await f.laptop('Ada');
    const base = { branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' as const } };
    expect((await ada.refusal('sync:testRemote', { ...base, url: 'git@github.com:team/designs.git' })).message).toMatch(/must start with https:\/\//);
    expect((await ada.refusal('sync:testRemote', { ...base, url: 'https://ada:pw@example.com/x.git' })).message).toMatch(/not in the URL/);

    const down = await ada.refusal('sync:testRemote', { ...base, url: 'http://127.0.0.1:9/nothing.git' });
    expect(down).toMatchObject({ code: 'NETWORK', message: expect.stringMatching(/Cannot reach 127\.0\.0\.1:9 \(connection refused\)/) });
    const missing = await ada.refusal('sync:testRemote', { ...base, url: `${f.server.baseUrl}/no-such-repo.git` });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no git repository at this URL/) });

    expect(await ada.call('sync:testRemote', { ...base, url: f.url })).toMatchObject({ empty: true, message: expect.stringMatching(/empty: the first sync sets it up/) });
    await ada.call('docs:create', { kind: 'rfc', title: 'Something' });
    await ada.call('sync:run', {});
    expect(await ada.call('sync:testRemote', { ...base, url: f.url })).toMatchObject({ empty: false, branches: ['main'], message: expect.stringMatching(/branch "main" found/) });
    const branch = await ada.refusal('sync:testRemote', { ...base, url: f.url, branch: 'trunk' });
    expect(branch).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/branch "trunk" does not exist \(branches: main\)/) });

    await ada.call('sync:setRemote', { ...base, url: f.url, branch: 'trunk' });
    expect((await ada.refusal('sync:run', {})).message).toMatch(/branch "trunk" does not exist/);
  });
});
