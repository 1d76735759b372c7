import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackReader } from '../../src/main/sync/gitPackReader';
import { REPO_DIR } from '../../src/main/sync/syncService';
import { cloneTeammate, remoteShow, useSyncFixture } from '../support/syncWorkspace';

// Issue 13, item 7: git accepts delta chains of any length (its pack-objects makes them up to 4,095 deep)
// and a pack with chains longer than 64 used to be unreadable ("Something went wrong inside DesignDesk" on
// every later sync). Here git itself makes such a pack of a document's history and git http-backend serves
// it; the sync takes it in, reads it back, and keeps syncing.

const f = useSyncFixture();

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });

/** Every object of the packs under a repository with its delta depth, from git verify-pack. */
function depths(gitdir: string): Map<string, number> {
  const dir = path.join(gitdir, 'objects', 'pack');
  const out = new Map<string, number>();
  for (const idx of fs.readdirSync(dir).filter((p) => p.endsWith('.idx'))) {
    for (const line of git(gitdir, 'verify-pack', '-v', path.join(dir, idx)).split('\n')) {
      const m = /^([0-9a-f]{40}) (\w+)\s+\d+ \d+ \d+(?: (\d+) [0-9a-f]{40})?$/.exec(line);
      if (m) out.set(m[1]!, Number(m[3] ?? 0));
    }
  }
  return out;
}

describe('delta chains as long as git makes them', () => {
  it('a document whose history git packed into chains over 64 deep: a second laptop joins, reads it, and keeps syncing', { timeout: 180_000 }, async () => {
    const ada = await f.laptop('Ada');
    const doc = await ada.call('docs:create', { kind: 'rfc', title: 'Deep history' });
    await ada.call('sync:run', {});
    const file = 'rfcs/0001-deep-history.md';

    // A teammate writes 200 lines, then settles them one commit at a time: each version differs from the
    // one before in one line and is a little smaller, so git deltas each against the one before and the
    // head ends the chain.
    const tess = await cloneTeammate(f.url);
    const start = tess.read(file);
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i} of a long design discussion that keeps going.`);
    // The 151 commits in one git fast-import (a git process per commit takes a minute on a busy machine).
    const versions = [`${start.trimEnd()}\n\n${lines.join('\n')}\n`];
    for (let n = 0; n < 150; n++) {
      lines[n] = `Line ${n} settled.`;
      versions.push(`${start.trimEnd()}\n\n${lines.join('\n')}\n`);
    }
    const stream = versions.map((text, i) => {
      const message = i === 0 ? 'Write it all down' : `Settle line ${i - 1}`;
      return [`commit refs/heads/main`, `committer Tess <tess@example.com> ${1_800_000_000 + i} +0000`, `data ${Buffer.byteLength(message)}`, message, ...(i === 0 ? ['from refs/heads/main^0'] : []), `M 100644 inline ${file}`, `data ${Buffer.byteLength(text)}`, text, ''].join('\n');
    });
    execFileSync('git', ['fast-import', '--quiet'], { cwd: tess.dir, input: stream.join('\n') });
    await tess.git('reset', '--quiet', '--hard');
    await tess.git('push', '--quiet', 'origin', 'HEAD:main');

    // git's own repack, and pack.depth so upload-pack keeps the chains when it serves them.
    git(f.repo, 'config', 'pack.depth', '4095');
    git(f.repo, 'repack', '-adf', '--quiet', '--depth=150', '--window=250');
    const head = git(f.repo, 'rev-parse', `main:${file}`).trim();
    expect(depths(f.repo).get(head)).toBeGreaterThan(64);

    const bob = await f.laptop('Bob');
    expect(await bob.call('sync:run', {})).toMatchObject({ in: 1, conflicts: 0, errors: [] });
    const bobsRepo = path.join(bob.dir, REPO_DIR);
    const stored = depths(bobsRepo);
    expect(stored.get(head)).toBeGreaterThan(64);
    expect(Math.max(...stored.values())).toBeGreaterThan(100);
    expect((await bob.call('docs:get', { id: doc.id })).body).toContain('Line 149 settled.\nLine 150 of a long design discussion');

    // Every object of the stored pack reads back byte for byte as git shows it (one git cat-file --batch).
    const oids = [...stored.keys()];
    const batch = execFileSync('git', ['cat-file', '--batch'], { cwd: bobsRepo, input: `${oids.join('\n')}\n`, maxBuffer: 256 * 1024 * 1024 });
    const reader = new PackReader(bobsRepo);
    let at = 0;
    for (const oid of oids) {
      const eol = batch.indexOf(10, at);
      const [id, type, size] = batch.toString('latin1', at, eol).split(' ');
      expect(id).toBe(oid);
      const object = reader.read(oid);
      expect(object?.type).toBe(type);
      expect(object!.content.equals(batch.subarray(eol + 1, eol + 1 + Number(size)))).toBe(true);
      at = eol + 1 + Number(size) + 1;
    }
    expect(oids.length).toBeGreaterThan(150);

    // Later syncs read the stored pack: nothing new, then Bob's edit on top of the deep history.
    expect(await bob.call('sync:run', {})).toMatchObject({ in: 0, out: 0, errors: [] });
    const d = await bob.call('docs:get', { id: doc.id });
    await bob.call('docs:update', { id: doc.id, baseRevision: d.revision, body: `${d.body.trimEnd()}\n\nBob: agreed.\n` });
    expect(await bob.call('sync:run', {})).toMatchObject({ out: 1, errors: [] });
    expect(remoteShow(f.repo, file)).toContain('Bob: agreed.');
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 1, errors: [] });
    expect((await ada.call('docs:get', { id: doc.id })).body).toContain('Bob: agreed.');
  });
});
