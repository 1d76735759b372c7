import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepo } from '../../src/main/sync/gitRepo';
import { fsck } from '../support/syncWorkspace';

let dir: string;
let repo: GitRepo;

function looseObjects(gitdir: string): Set<string> {
  const out = new Set<string>();
  const root = path.join(gitdir, 'objects');
  for (const d of fs.readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(d)) continue;
    for (const f of fs.readdirSync(path.join(root, d))) out.add(d + f);
  }
  return out;
}

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo.gitdir, encoding: 'utf8' });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-gitrepo-'));
  repo = new GitRepo(path.join(dir, 'repo.git'));
  await repo.init();
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GitRepo.buildTree', () => {
  it('commits one changed file in a 1,200-file repository by writing only its blob and the two trees above it', async () => {
    const files = new Map<string, string | null>();
    for (let i = 1; i <= 400; i++) {
      for (const folder of ['rfcs', 'adrs', 'postmortems']) files.set(`${folder}/${String(i).padStart(4, '0')}-doc.md`, await repo.writeText(`${folder} ${i}\n`));
    }
    files.set('designdesk.yml', await repo.writeText('format: 1\n'));
    const tree1 = await repo.buildTree(null, files);
    const c1 = await repo.commit(tree1, null, 'first\n', { name: 'Ada', email: 'ada@example.com' }, new Date('2026-01-01T00:00:00Z'));

    const before = looseObjects(repo.gitdir);
    const started = performance.now();
    const blob = await repo.writeText('changed\n');
    const tree2 = await repo.buildTree(tree1, new Map([['rfcs/0200-doc.md', blob]]));
    const c2 = await repo.commit(tree2, c1, 'one change\n', { name: 'Ada', email: 'ada@example.com' }, new Date('2026-01-02T00:00:00Z'));
    const ms = performance.now() - started;
    const added = [...looseObjects(repo.gitdir)].filter((o) => !before.has(o));
    expect(added.sort()).toEqual([blob, tree2, git('rev-parse', `${c2}:rfcs`).trim(), c2].sort());
    // The untouched folders are the very same tree objects.
    expect(git('rev-parse', `${c2}:adrs`)).toBe(git('rev-parse', `${c1}:adrs`));
    expect(git('show', `${c2}:rfcs/0200-doc.md`)).toBe('changed\n');
    expect(git('ls-tree', '-r', '--name-only', c2).trim().split('\n')).toHaveLength(1201);
    console.log(`one-file commit over 1,201 files: ${ms.toFixed(1)} ms`);

    git('update-ref', 'refs/heads/main', c2);
    expect(() => fsck(repo.gitdir)).not.toThrow();
  });

  it('deletes files, drops folders left empty, and sorts trees as git does', async () => {
    const a = await repo.writeText('a\n');
    const t1 = await repo.buildTree(null, new Map([['rfcs/x.md', a], ['rfcs.md', a], ['adrs/y.md', a]]));
    const t2 = await repo.buildTree(t1, new Map([['adrs/y.md', null]]));
    expect(git('ls-tree', '-r', '--name-only', t2).trim().split('\n')).toEqual(['rfcs.md', 'rfcs/x.md']);
    const c = await repo.commit(t2, null, 'x\n', { name: 'Ada', email: 'a@x' }, new Date());
    git('update-ref', 'refs/heads/main', c);
    expect(() => fsck(repo.gitdir)).not.toThrow();
    expect(GitRepo.blobOid('a\n')).toBe(a);
  });

  it('lists the tree it built without walking it, exactly as a walk of that tree does', async () => {
    const [a, b] = [await repo.writeText('a\n'), await repo.writeText('b\n')];
    const folders = ['rfcs', 'adrs'];
    const t1 = await repo.buildTree(null, new Map([['rfcs/x.md', a], ['rfcs/y.md', a], ['adrs/z.md', a], ['notes/n.md', a], ['top.yml', a]]));
    expect([...(await repo.listFiles(t1, folders))].sort()).toEqual([['adrs/z.md', a], ['rfcs/x.md', a], ['rfcs/y.md', a], ['top.yml', a]]);
    // Changes: an edit, a delete that empties a folder, a new file, a top-level file, one outside the folders listed.
    const t2 = await repo.buildTree(t1, new Map([['rfcs/x.md', b], ['adrs/z.md', null], ['rfcs/new.md', b], ['top.yml', b], ['notes/m.md', b]]));
    const derived = [...(await repo.listFiles(t2, folders))].sort();
    const walked = [...(await new GitRepo(repo.gitdir).listFiles(t2, folders))].sort();
    expect(derived).toEqual(walked);
    expect(walked).toEqual([['rfcs/new.md', b], ['rfcs/x.md', b], ['rfcs/y.md', a], ['top.yml', b]]);

    // A tree made elsewhere (a teammate's commit) is listed from the last listing and the folders that differ.
    const other = new GitRepo(repo.gitdir);
    const t3 = await other.buildTree(t2, new Map([['rfcs/y.md', null], ['adrs/w.md', b], ['rfcs', null], ['rfcs.md', a]]));
    const diffed = [...(await repo.listFiles(t3, folders))].sort();
    expect(diffed).toEqual([...(await new GitRepo(repo.gitdir).listFiles(t3, folders))].sort());
    expect(diffed).toEqual([['adrs/w.md', b], ['rfcs.md', a], ['top.yml', b]]);
  });
});
