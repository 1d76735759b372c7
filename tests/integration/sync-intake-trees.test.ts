import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catFile, headOf, listTree, readTreeEntries, replaceTopEntry, sortEntries, writeBlob, writeRawTree, type RawEntry } from '../support/craftTree';
import { GitRepo } from '../../src/main/sync/gitRepo';
import { startGitServer, type GitServer } from '../support/gitServer';
import { openWorkspace, type Workspace } from '../support/syncWorkspace';

// Own set-up rather than useSyncFixture: these repositories hold hostile trees on purpose, so `git fsck --strict`
// of the whole repository would fail; each test checks instead that DesignDesk added no such tree itself.
let server: GitServer;
let url = '';
let repo = '';
let n = 0;
const opened: Workspace[] = [];

beforeAll(async () => {
  server = await startGitServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  url = server.createRepo(`intake-${++n}.git`);
  repo = server.repoDir(`intake-${n}.git`);
});
afterEach(() => {
  for (const w of opened.splice(0)) {
    expect(w.logged).toEqual([]);
    w.close();
  }
});

async function laptop(name: string): Promise<Workspace> {
  const w = openWorkspace(name);
  opened.push(w);
  await w.call('sync:setRemote', { url, branch: 'main', authorName: name, authorEmail: `${name.toLowerCase()}@example.com`, auth: { kind: 'none' } });
  return w;
}

/** A hand-made RFC file, without an id (so a sync writes one back). */
function rfcText(title: string, ref?: string): string {
  return `---\n${ref ? `ref: ${ref}\n` : ''}status: draft\nauthor: Tess\n---\n\n# ${title}\n\n## Summary\n\n${title} text.\n`;
}

/** rfcs/ of the branch, with the entries given added to it. */
function rfcsWith(extra: RawEntry[]): RawEntry {
  const rfcs = readTreeEntries(repo, 'main').find((e) => e.name === 'rfcs')!;
  const inside = readTreeEntries(repo, rfcs.oid);
  return { mode: '40000', name: 'rfcs', oid: writeRawTree(repo, sortEntries([...inside, ...extra])) };
}

describe('hostile tree entries from the server', () => {
  it('skips `..`, `.git` lookalikes, control characters, symlinks and submodules with one message naming each; the next sync pushes nothing', async () => {
    const ada = await laptop('Ada');
    await ada.call('docs:create', { kind: 'rfc', title: 'Ada first' });
    await ada.call('sync:run', {});

    const inner = (name: string, text: string): RawEntry => ({ mode: '40000', name, oid: writeRawTree(repo, [{ mode: '100644', name, oid: writeBlob(repo, text) }]) });
    const dotdot = { mode: '40000', name: '..', oid: writeRawTree(repo, [{ mode: '100644', name: '0300-dotdot.md', oid: writeBlob(repo, rfcText('Dot dot', 'RFC-300')) }]) };
    // x/../../y.md, as nested trees.
    const deepest = writeRawTree(repo, [{ mode: '100644', name: 'y.md', oid: writeBlob(repo, rfcText('Escapes twice', 'RFC-301')) }]);
    const x = { mode: '40000', name: 'x', oid: writeRawTree(repo, [{ mode: '40000', name: '..', oid: writeRawTree(repo, [{ mode: '40000', name: '..', oid: deepest }]) }]) };
    const hostile: RawEntry[] = [
      dotdot,
      x,
      { mode: '100644', name: '../0302-slash.md', oid: writeBlob(repo, rfcText('Slash in a name', 'RFC-302')) },
      { mode: '40000', name: '.GiT', oid: inner('0303-config.md', rfcText('In .git', 'RFC-303')).oid },
      { mode: '40000', name: '.git. ', oid: inner('0304-ntfs.md', rfcText('NTFS', 'RFC-304')).oid },
      { mode: '40000', name: '.g\u200cit', oid: inner('0305-hfs.md', rfcText('HFS', 'RFC-305')).oid },
      { mode: '40000', name: 'GIT~1', oid: inner('0306-short.md', rfcText('Short name', 'RFC-306')).oid },
      { mode: '100644', name: '0307-\u001b[2Jevil.md', oid: writeBlob(repo, rfcText('Escape in the name', 'RFC-307')) },
      { mode: '120000', name: '0308-link.md', oid: writeBlob(repo, '../../../../etc/passwd') },
      { mode: '160000', name: '0309-sub.md', oid: headOf(repo) },
    ];
    const good: RawEntry[] = [
      { mode: '100644', name: '0010-hand-made.md', oid: writeBlob(repo, rfcText('Hand made', 'RFC-10')) },
      { mode: '100755', name: '0011-executable.md', oid: writeBlob(repo, rfcText('Executable', 'RFC-11')) },
    ];
    const crafted = replaceTopEntry(repo, rfcsWith([...hostile, ...good]), 'Mallory: hostile entries');
    const before = listTree(repo);

    const r = await ada.call('sync:run', {});
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { path: 'rfcs/..', reason: 'skipped: a ".." path component' },
        { path: 'rfcs/x/..', reason: 'skipped: a ".." path component' },
        { path: 'rfcs/../0302-slash.md', reason: 'skipped: a "/" inside a name' },
        { path: 'rfcs/.GiT', reason: 'skipped: a ".git" path component' },
        { path: 'rfcs/.git. ', reason: 'skipped: a ".git" path component' },
        { path: 'rfcs/.g\u200cit', reason: 'skipped: a ".git" path component' },
        { path: 'rfcs/GIT~1', reason: 'skipped: a ".git" path component' },
        { path: 'rfcs/0307-\u001b[2Jevil.md', reason: 'skipped: a control character in the name' },
        { path: 'rfcs/0308-link.md', reason: 'skipped: a symbolic link (DesignDesk reads only regular files)' },
        { path: 'rfcs/0309-sub.md', reason: 'skipped: a submodule (DesignDesk reads only regular files)' },
      ]),
    );
    expect(r.skipped).toHaveLength(10);
    const rfcs = await ada.call('docs:list', { kind: 'rfc' });
    expect(rfcs.map((d) => `${d.number} ${d.title}`).sort()).toEqual(['1 Ada first', '10 Hand made', '11 Executable']);

    // The two hand-made files got their ids written back, in a commit that says so; nothing else changed.
    expect(r.commit).not.toBeNull();
    const after = listTree(repo);
    expect(after).toEqual(before);
    expect(after).toContain('100755 rfcs/0011-executable.md');
    expect(catFile(repo, 'main')).toContain('DesignDesk: write ids and numbers into 2 files');
    expect(catFile(repo, 'main')).toMatch(/^parent /m);
    expect(catFile(repo, 'main')).toContain(`parent ${crafted}`);

    // A second sync: the same one message, and nothing to push.
    const head = headOf(repo);
    const again = await ada.call('sync:run', {});
    expect(again).toMatchObject({ commit: null, errors: [], in: 0, out: 0 });
    expect(again.skipped).toHaveLength(10);
    expect(headOf(repo)).toBe(head);

    // An edit of the executable document keeps its executable bit.
    const exec = rfcs.find((d) => d.title === 'Executable')!;
    await ada.call('docs:update', { id: exec.id, baseRevision: (await ada.call('docs:get', { id: exec.id })).revision, body: 'Edited.\n' });
    const edited = await ada.call('sync:run', {});
    expect(edited.commit).not.toBeNull();
    expect(listTree(repo)).toContain('100755 rfcs/0011-executable.md');
    expect(catFile(repo, 'main').split('\n').find((l) => l.startsWith('Update'))).toBe('Update RFC-11: Executable');
  });

  it('a symlinked top-level file and a hostile name at the top are skipped too; a tree only under an unread folder is not mentioned', async () => {
    const ada = await laptop('Ada');
    await ada.call('sync:run', {});
    const root = readTreeEntries(repo, 'main');
    const junk = writeRawTree(repo, [{ mode: '100644', name: '..', oid: writeBlob(repo, 'x') }]);
    const tree = writeRawTree(
      repo,
      sortEntries([...root.filter((e) => e.name !== 'README.md'), { mode: '120000', name: 'README.md', oid: writeBlob(repo, '/etc/passwd') }, { mode: '40000', name: 'src', oid: junk }, { mode: '100644', name: '.GIT', oid: writeBlob(repo, 'x') }]),
    );
    const { commitTree } = await import('../support/craftTree');
    commitTree(repo, tree, 'Mallory: top-level junk');
    const r = await ada.call('sync:run', {});
    expect(r.skipped).toEqual([
      { path: '.GIT', reason: 'skipped: a ".git" path component' },
      { path: 'README.md', reason: 'skipped: a symbolic link (DesignDesk reads only regular files)' },
    ]);
    expect(r.commit).toBeNull();
  });
});

describe('writing trees', () => {
  it('never writes a path with a hostile component, whatever planned it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-intake-repo-'));
    try {
      const repo = new GitRepo(path.join(dir, 'git'));
      await repo.init();
      const blob = await repo.writeText('x\n');
      for (const p of ['rfcs/../x.md', 'rfcs/.git/x.md', 'rfcs/.GIT /x.md', 'rfcs/x\u001b.md', '../x.md', 'rfcs//x.md']) {
        await expect(repo.buildTree(null, new Map([[p, blob]]))).rejects.toThrow(/^refusing to write/);
      }
      await expect(repo.buildTree(null, new Map([['rfcs/0001-x.md', blob]]))).resolves.toMatch(/^[0-9a-f]{40}$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('commits', () => {
  it("carry the user's time-zone offset", async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      const ada = await laptop('Ada');
      await ada.call('docs:create', { kind: 'rfc', title: 'In India' });
      await ada.call('sync:run', {});
      expect(catFile(repo, 'main')).toMatch(/^author Ada <ada@example\.com> \d+ \+0530$/m);
      expect(catFile(repo, 'main')).toMatch(/^committer Ada <ada@example\.com> \d+ \+0530$/m);
      process.env.TZ = 'America/New_York';
      const doc = (await ada.call('docs:list', { kind: 'rfc' }))[0]!;
      await ada.call('docs:update', { id: doc.id, baseRevision: (await ada.call('docs:get', { id: doc.id })).revision, body: 'West.\n' });
      await ada.call('sync:run', {});
      expect(catFile(repo, 'main')).toMatch(/^author Ada <ada@example\.com> \d+ -0[45]00$/m);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
