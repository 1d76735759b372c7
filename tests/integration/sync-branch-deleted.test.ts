import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneTeammate, remoteFiles, useSyncFixture, type Workspace } from '../support/syncWorkspace';
import { cliInProcess } from '../support/cliInProcess';

const f = useSyncFixture();

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A laptop with `n` RFCs, synced. */
async function seeded(name: string, n: number): Promise<Workspace> {
  const w = await f.laptop(name);
  for (let i = 1; i <= n; i++) await w.call('docs:create', { kind: 'rfc', title: `Design ${i}` });
  await w.call('sync:run', {});
  return w;
}

const titles = async (w: Workspace): Promise<string[]> => (await w.call('docs:list', { kind: 'rfc' })).map((d) => d.title).sort();

describe('a team branch deleted, emptied or rewritten (issue 13, item 1)', () => {
  it('refuses to sync while the branch is gone, listing the branches there are, and syncs normally once it is back at its commit', async () => {
    const ada = await seeded('Ada', 6);
    const bob = await f.laptop('Bob');
    await bob.call('sync:run', {});
    const all = await titles(ada);
    expect(all).toHaveLength(6);
    const old = git(f.repo, 'rev-parse', 'main');

    // Someone deletes the only branch on the host.
    git(f.repo, 'config', 'receive.denyDeleteCurrent', 'ignore');
    const tess = await cloneTeammate(f.url);
    await tess.git('push', '--quiet', 'origin', ':main');

    const refused = await ada.refusal('sync:run', {});
    expect(refused).toMatchObject({ code: 'NOT_FOUND', data: { reason: 'repository-empty', branch: 'main', branches: [], lastSynced: old } });
    expect(refused.message).toContain('is empty now');
    expect(await titles(ada)).toEqual(all);
    expect(ada.app.db.prepare('SELECT count(*) AS n FROM documents WHERE deleted_at IS NOT NULL').get()).toEqual({ n: 0 });
    // Nothing was pushed: the repository still has no branch.
    expect(git(f.repo, 'for-each-ref', 'refs/heads')).toBe('');

    // Another branch appears; main is still missing: the error lists what is there.
    await tess.git('push', '--quiet', 'origin', `${old}:refs/heads/archive`);
    const listed = await bob.refusal('sync:run', {});
    expect(listed).toMatchObject({ code: 'NOT_FOUND', data: { reason: 'branch-missing', branches: ['archive'] } });
    expect(listed.message).toContain('its branches are: archive');
    expect(await titles(bob)).toEqual(all);

    // The branch comes back at its old commit: both sync with nothing to do, and nothing is deleted anywhere.
    await tess.git('push', '--quiet', 'origin', `${old}:refs/heads/main`);
    const a = await ada.call('sync:run', {});
    const b = await bob.call('sync:run', {});
    expect([a.commit, a.changes, b.commit, b.changes]).toEqual([null, [], null, []]);
    expect(git(f.repo, 'rev-parse', 'main')).toBe(old);
    expect(remoteFiles(f.repo).filter((p) => p.endsWith('.md') && p.startsWith('rfcs/'))).toHaveLength(6);
    expect(await titles(ada)).toEqual(all);
    expect(await titles(bob)).toEqual(all);
  });

  it('treats a repository replaced by an empty one as the same error, and never starts a new history in it by itself', async () => {
    const ada = await seeded('Ada', 3);
    fs.rmSync(f.repo, { recursive: true, force: true });
    git(process.cwd(), 'init', '--quiet', '--bare', '-b', 'main', f.repo);
    git(f.repo, 'config', 'http.receivepack', 'true');

    const refused = await ada.refusal('sync:run', {});
    expect(refused).toMatchObject({ code: 'NOT_FOUND', data: { reason: 'repository-empty' } });
    expect(git(f.repo, 'for-each-ref', 'refs/heads')).toBe('');
    expect(await titles(ada)).toEqual(['Design 1', 'Design 2', 'Design 3']);

    // Connecting again says "this empty repository is the team's now": the documents are published to it, none trashed.
    const remote = (await ada.call('sync:getRemote', {}))!;
    await ada.call('sync:disconnect', {});
    await ada.call('sync:setRemote', { url: remote.url, branch: remote.branch, authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
    const r = await ada.call('sync:run', {});
    expect(r.changes.filter((c) => c.action === 'deleted')).toEqual([]);
    expect(remoteFiles(f.repo).filter((p) => p.startsWith('rfcs/') && p.endsWith('.md'))).toEqual(['rfcs/0001-design-1.md', 'rfcs/0002-design-2.md', 'rfcs/0003-design-3.md']);
    expect(await titles(ada)).toEqual(['Design 1', 'Design 2', 'Design 3']);
  });

  it('refuses a branch whose history no longer holds the last synced commit (force-pushed or reset), pushing nothing', async () => {
    const ada = await seeded('Ada', 3);
    const first = git(f.repo, 'rev-parse', 'main');
    await ada.call('docs:create', { kind: 'rfc', title: 'Design 4' });
    await ada.call('sync:run', {});
    const synced = git(f.repo, 'rev-parse', 'main');

    // The host's branch is reset to an older commit (recreated from an old clone).
    const tess = await cloneTeammate(f.url);
    await tess.git('push', '--quiet', '--force', 'origin', `${first}:refs/heads/main`);
    await ada.call('docs:create', { kind: 'rfc', title: 'Design 5' });

    const refused = await ada.refusal('sync:run', {});
    expect(refused).toMatchObject({ code: 'CONFLICT', data: { reason: 'history-rewritten', head: first, lastSynced: synced } });
    expect(git(f.repo, 'rev-parse', 'main')).toBe(first);
    expect(await titles(ada)).toEqual(['Design 1', 'Design 2', 'Design 3', 'Design 4', 'Design 5']);

    // An unrelated history (a new root commit) is refused the same way.
    await tess.git('checkout', '--quiet', '--orphan', 'fresh');
    await tess.git('rm', '-r', '--quiet', '--cached', '.');
    tess.write('README.md', '# Started over\n');
    await tess.git('add', 'README.md');
    await tess.git('commit', '--quiet', '-m', 'Start over');
    await tess.git('push', '--quiet', '--force', 'origin', 'fresh:main');
    expect(await ada.refusal('sync:run', {})).toMatchObject({ code: 'CONFLICT', data: { reason: 'history-rewritten' } });
    expect(remoteFiles(f.repo)).toEqual(['README.md']);

    // Connecting again takes the branch as it is: every document is published on top of it, nothing is trashed.
    const remote = (await ada.call('sync:getRemote', {}))!;
    await ada.call('sync:disconnect', {});
    await ada.call('sync:setRemote', { url: remote.url, branch: remote.branch, authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
    const r = await ada.call('sync:run', {});
    expect(r.changes.filter((c) => c.action === 'deleted')).toEqual([]);
    expect(git(f.repo, 'rev-list', '--count', 'main')).toBe('2');
    expect(remoteFiles(f.repo).filter((p) => p.startsWith('rfcs/') && p.endsWith('.md'))).toHaveLength(5);
    expect(await titles(ada)).toHaveLength(5);
    // And from then on it is the anchor: the next sync is an ordinary one.
    expect(await ada.call('sync:run', {})).toMatchObject({ commit: null, changes: [] });
  });

  it('on the command line: sync refuses a deleted branch (exit 1, naming the branches); remote disconnect + remote set takes a new one as it is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-branch-'));
    const cli = cliInProcess(dir);
    try {
      await cli('init');
      await cli('remote', 'set', f.url);
      await cli('new', 'rfc', '--title', 'Kept');
      expect((await cli('sync')).code).toBe(0);
      git(f.repo, 'config', 'receive.denyDeleteCurrent', 'ignore');
      const tess = await cloneTeammate(f.url);
      await tess.git('push', '--quiet', 'origin', 'HEAD:refs/heads/next');
      await tess.git('push', '--quiet', 'origin', ':main');

      const refused = await cli('sync');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^designdesk sync: The branch "main" no longer exists in the team repository \(.*\); its branches are: next\. This workspace synced with "main" before/);

      // The team moved to "next": setting it is enough (another branch rebinds), and the document stays.
      expect((await cli('remote', 'set', f.url, '--branch', 'next')).code).toBe(0);
      expect(await cli('sync')).toMatchObject({ code: 0 });
      expect((await cli('list')).stdout).toContain('Kept');

      // Back to a deleted-and-recreated main with another history: refused until disconnect + set.
      await tess.git('checkout', '--quiet', '--orphan', 'fresh');
      await tess.git('rm', '-r', '--quiet', '--cached', '.');
      tess.write('README.md', '# Fresh\n');
      await tess.git('add', 'README.md');
      await tess.git('commit', '--quiet', '-m', 'Fresh start');
      await tess.git('push', '--quiet', '--force', 'origin', 'fresh:next');
      expect((await cli('sync')).stderr).toContain('no longer holds the commit this workspace synced with last');
      expect((await cli('remote', 'disconnect')).stdout).toContain('Disconnected from the team repository; documents and merge bases stay.');
      await cli('remote', 'set', f.url, '--branch', 'next');
      expect((await cli('sync')).code).toBe(0);
      expect(git(f.repo, 'ls-tree', '-r', '--name-only', 'next')).toContain('rfcs/0001-kept.md');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
