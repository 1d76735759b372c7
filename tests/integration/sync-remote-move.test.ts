import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneTeammate, fsck, useSyncFixture, type Workspace } from '../support/syncWorkspace';

const f = useSyncFixture();
let n = 0;

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Tess', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Tess', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();
const show = (repo: string, rev: string): string => git(repo, 'show', rev);

async function seeded(name: string): Promise<{ w: Workspace; ids: string[] }> {
  const w = await f.laptop(name);
  const ids: string[] = [];
  for (let i = 1; i <= 3; i++) ids.push((await w.call('docs:create', { kind: 'rfc', title: `Design ${i}` })).id);
  await w.call('sync:run', {});
  return { w, ids };
}

async function update(w: Workspace, id: string, change: { body?: string; title?: string }): Promise<void> {
  const d = await w.call('docs:get', { id });
  await w.call('docs:update', { id, baseRevision: d.revision, ...change });
}

/** Points the workspace at another repository or branch, as Settings or "designdesk remote set" does. */
async function move(w: Workspace, url: string, branch = 'main'): Promise<void> {
  await w.call('sync:setRemote', { url, branch, authorName: w.name, authorEmail: `${w.name.toLowerCase()}@example.com`, auth: { kind: 'none' } });
}

/** A new repository on the same server: empty, or a mirror of the current one (same commits). */
function newRepo(mirror: boolean): { url: string; dir: string } {
  const name = `moved-${++n}.git`;
  const url = f.server.createRepo(name);
  const dir = f.server.repoDir(name);
  if (mirror) git(f.repo, 'push', '--quiet', '--mirror', dir);
  return { url, dir };
}

describe('moving the repository or renaming the branch (issue 13, item 13)', () => {
  it('keeps the merge bases when the new repository holds the last synced commit: local edits are pushed, none is a conflict', async () => {
    const { w: ada, ids } = await seeded('Ada');
    const bob = await f.laptop('Bob');
    await bob.call('sync:run', {});
    await update(ada, ids[0]!, { body: 'Ada, offline, before the move.\n' });
    await update(bob, ids[1]!, { body: 'Bob, offline, before the move.\n' });
    const moved = newRepo(true);

    await move(ada, moved.url);
    const a = await ada.call('sync:run', {});
    expect(a).toMatchObject({ conflicts: 0, in: 0, out: 1 });
    expect(show(moved.dir, 'main:rfcs/0001-design-1.md')).toContain('Ada, offline, before the move.');

    await move(bob, moved.url);
    const b = await bob.call('sync:run', {});
    expect(b).toMatchObject({ conflicts: 0, in: 1, out: 1 });
    expect(show(moved.dir, 'main:rfcs/0002-design-2.md')).toContain('Bob, offline, before the move.');
    expect((await bob.call('docs:get', { id: ids[0]! })).body).toBe('Ada, offline, before the move.\n');
    expect(git(moved.dir, 'rev-list', '--count', 'main')).toBe('3');
    fsck(moved.dir);
  });

  it('keeps the merge bases across a branch rename', async () => {
    const { w: ada, ids } = await seeded('Ada');
    git(f.repo, 'branch', '-m', 'main', 'trunk');
    await update(ada, ids[2]!, { body: 'Edited while the branch was renamed.\n' });
    await move(ada, f.url, 'trunk');
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, in: 0, out: 1 });
    expect(show(f.repo, 'trunk:rfcs/0003-design-3.md')).toContain('Edited while the branch was renamed.');
    expect(await ada.call('sync:run', {})).toMatchObject({ commit: null, changes: [] });
    git(f.repo, 'branch', '-m', 'trunk', 'main');
  });

  it('merges against the stored base text when the new repository has another history: edits on both sides merge, a missing file is published, nothing is trashed', async () => {
    const { w: ada, ids } = await seeded('Ada');
    // The team copies the files into a fresh repository (no shared commits), leaves RFC-3 behind, and edits RFC-2 there.
    const moved = newRepo(false);
    const tess = await cloneTeammate(f.url);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-copy-'));
    fs.cpSync(tess.dir, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}.git`) });
    fs.rmSync(path.join(copy, 'rfcs/0003-design-3.md'));
    fs.appendFileSync(path.join(copy, 'rfcs/0002-design-2.md'), '\nAdded on the new host.\n');
    git(copy, 'init', '--quiet', '-b', 'main');
    git(copy, 'add', '-A');
    git(copy, 'commit', '--quiet', '-m', 'Import the design docs');
    git(copy, 'push', '--quiet', moved.dir, 'main');
    fs.rmSync(copy, { recursive: true, force: true });

    await update(ada, ids[0]!, { body: 'Ada, offline, before the move.\n' });
    await update(ada, ids[1]!, { title: 'Design 2, renamed by Ada' });
    await move(ada, moved.url);
    const r = await ada.call('sync:run', {});
    expect(r.conflicts).toBe(0);
    expect(r.changes.filter((c) => c.action === 'deleted')).toEqual([]);
    expect(show(moved.dir, 'main:rfcs/0001-design-1.md')).toContain('Ada, offline, before the move.');
    const two = show(moved.dir, 'main:rfcs/0002-design-2.md');
    expect(two).toContain('title: Design 2, renamed by Ada');
    expect(two).toContain('Added on the new host.');
    expect(show(moved.dir, 'main:rfcs/0003-design-3.md')).toContain('title: Design 3');
    const local = await ada.call('docs:get', { id: ids[1]! });
    expect([local.title, local.body.includes('Added on the new host.')]).toEqual(['Design 2, renamed by Ada', true]);
    expect((await ada.call('docs:list', { kind: 'rfc' })).length).toBe(3);
    // From then on the new branch is the anchor, and its history only grows.
    expect(await ada.call('sync:run', {})).toMatchObject({ commit: null, changes: [] });
    expect(git(moved.dir, 'rev-list', '--count', 'main')).toBe('2');
    fsck(moved.dir);
  });
});
