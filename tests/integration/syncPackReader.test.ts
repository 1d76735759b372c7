import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitContent, ObjectBatch, objectId, treeContent } from '../../src/main/sync/gitObjects';
import { PackReader, parseTree, readLooseObject } from '../../src/main/sync/gitPackReader';
import { fsck } from '../support/syncWorkspace';

let dir: string;
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x', GIT_CONFIG_NOSYSTEM: '1' } });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-pack-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// The sync reads and writes git objects itself for speed (docs/performance.md); git is the judge of both.
describe('git objects written and read natively', () => {
  it('reads every object of a pack git made with deltas (offset and ref deltas), byte for byte as git shows them', () => {
    const work = path.join(dir, 'work');
    fs.mkdirSync(work);
    git(work, 'init', '--quiet', '-b', 'main');
    const base = Array.from({ length: 200 }, (_, i) => `line ${i} of a long enough design document`).join('\n');
    for (let v = 0; v < 6; v++) {
      for (let f = 0; f < 5; f++) fs.writeFileSync(path.join(work, `doc${f}.md`), `${base}\nversion ${v} of file ${f}\n${'x'.repeat(v * 100)}\n`);
      git(work, 'add', '-A');
      git(work, 'commit', '--quiet', '-m', `version ${v}`);
    }
    const gitdir = path.join(work, '.git');
    const objects = git(work, 'cat-file', '--batch-all-objects', '--batch-check').trim().split('\n').map((l) => l.split(' '));
    // Offset deltas (git's default), then deltas naming their base by id.
    for (const useOffsets of ['true', 'false']) {
      git(work, '-c', `repack.useDeltaBaseOffset=${useOffsets}`, 'repack', '-adf', '--quiet', '--window=50');
      const idx = fs.readdirSync(path.join(gitdir, 'objects', 'pack')).filter((f) => f.endsWith('.idx')).map((f) => path.join(gitdir, 'objects', 'pack', f));
      expect(git(work, 'verify-pack', '-v', ...idx)).toMatch(/chain length = [1-9]/);
      const reader = new PackReader(gitdir);
      for (const [oid, type] of objects) {
        const o = reader.read(oid!);
        expect(o?.type).toBe(type);
        expect(o!.content.equals(execFileSync('git', ['cat-file', type!, oid!], { cwd: work }))).toBe(true);
        expect(objectId(type as 'blob', o!.content)).toBe(oid);
      }
      expect(reader.read('0'.repeat(40))).toBeNull();
    }
  });

  it('writes a batch git accepts: a pack with its index for many blobs, loose trees and commit, sorted trees', () => {
    const gitdir = path.join(dir, 'repo.git');
    git(dir, 'init', '--quiet', '--bare', '-b', 'main', gitdir);
    const batch = new ObjectBatch();
    const entries = Array.from({ length: 150 }, (_, i) => ({ mode: '100644', path: `doc-${i}.md`, oid: batch.add('blob', Buffer.from(`document ${i}\n`)), type: 'blob' as const }));
    const readme = batch.add('blob', Buffer.from('# Team designs\n'), true);
    const folder = batch.add('tree', treeContent(entries));
    // "rfcs" (a folder) sorts after "rfcs.md" (git compares it as "rfcs/").
    const root = batch.add('tree', treeContent([{ mode: '040000', path: 'rfcs', oid: folder, type: 'tree' }, { mode: '100644', path: 'rfcs.md', oid: readme, type: 'blob' }]));
    const who = { name: 'Ada', email: 'ada@example.com', timestamp: 1_800_000_000 };
    const commit = batch.add('commit', commitContent(root, [], who, who, 'Publish\n'));
    batch.store(gitdir);
    git(gitdir, 'update-ref', 'refs/heads/main', commit);

    expect(() => fsck(gitdir)).not.toThrow();
    expect(git(gitdir, 'ls-tree', 'main').trim().split('\n').map((l) => l.split('\t')[1])).toEqual(['rfcs.md', 'rfcs']);
    expect(git(gitdir, 'show', 'main:rfcs/doc-7.md')).toBe('document 7\n');
    expect(readLooseObject(gitdir, readme)?.content.toString()).toBe('# Team designs\n');
    expect(readLooseObject(gitdir, entries[0]!.oid)).toBeNull();
    expect(parseTree(readLooseObject(gitdir, folder)!.content)).toHaveLength(150);
    expect(new PackReader(gitdir).read(entries[42]!.oid)?.content.toString()).toBe('document 42\n');
    const { count } = batch.pack();
    expect(count).toBe(154);
  });
});
