import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncDeletionsDataSchema } from '../../src/shared/contract/sync';
import { cloneTeammate, remoteFiles, useSyncFixture, type Workspace } from '../support/syncWorkspace';
import { cliInProcess } from '../support/cliInProcess';

const f = useSyncFixture();

const head = (): string => execFileSync('git', ['rev-parse', 'main'], { cwd: f.repo, encoding: 'utf8' }).trim();
const rfcFiles = (): string[] => remoteFiles(f.repo).filter((p) => p.startsWith('rfcs/') && p.endsWith('.md'));
const live = (w: Workspace): number => (w.app.db.prepare('SELECT count(*) AS n FROM documents WHERE deleted_at IS NULL').get() as { n: number }).n;

/** A laptop with `n` RFCs, synced; their ids in number order. */
async function seeded(name: string, n: number): Promise<{ w: Workspace; ids: string[] }> {
  const w = await f.laptop(name);
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) ids.push((await w.call('docs:create', { kind: 'rfc', title: `Design ${i}` })).id);
  await w.call('sync:run', {});
  return { w, ids };
}

async function edit(w: Workspace, id: string, body: string): Promise<void> {
  const d = await w.call('docs:get', { id });
  await w.call('docs:update', { id, baseRevision: d.revision, body });
}

describe('the mass-deletion guard (issue 13, item 2)', () => {
  it('stops before trashing many documents a teammate deleted, changing nothing here or there, and goes ahead with allowDeletes', async () => {
    const { w: ada, ids } = await seeded('Ada', 10);
    const tess = await cloneTeammate(f.url);
    for (const file of tess.files('rfcs').slice(0, 6)) tess.remove(`rfcs/${file}`);
    await tess.pushAll('Remove six RFCs');
    const before = head();
    // Something to push as well: the guard stops the push too.
    await edit(ada, ids[9]!, 'Edited offline.\n');
    const revisions = ada.app.db.prepare('SELECT id, revision, deleted_at FROM documents ORDER BY id').all();

    const refused = await ada.refusal('sync:run', {});
    expect(refused.code).toBe('CONFLICT');
    const data = SyncDeletionsDataSchema.parse(refused.data);
    expect(data.library).toBe(10);
    expect(data.deletions.map((c) => `${c.direction} ${c.ref}`).sort()).toEqual(['in RFC-1', 'in RFC-2', 'in RFC-3', 'in RFC-4', 'in RFC-5', 'in RFC-6']);
    expect(refused.message).toBe(
      'This sync would delete 6 of 10 documents: 6 here (to the trash, deleted in the team repository). Nothing was changed. Check the list; to go ahead, confirm the deletion in the app or run "designdesk sync --allow-deletes".',
    );
    expect(ada.app.db.prepare('SELECT id, revision, deleted_at FROM documents ORDER BY id').all()).toEqual(revisions);
    expect(head()).toBe(before);
    expect((await ada.call('sync:status', {})).lastError).toMatchObject({ code: 'CONFLICT' });

    const r = await ada.call('sync:run', { allowDeletes: true });
    expect(r.changes.filter((c) => c.action === 'deleted')).toHaveLength(6);
    expect(live(ada)).toBe(4);
    expect(rfcFiles()).toHaveLength(4);
    expect(head()).not.toBe(before);
    expect(await ada.call('sync:run', {})).toMatchObject({ commit: null, changes: [] });
  });

  it('stops before deleting many documents from the team branch, and pushes the deletion with allowDeletes', async () => {
    const { w: ada, ids } = await seeded('Ada', 10);
    const bob = await f.laptop('Bob');
    await bob.call('sync:run', {});
    for (const id of ids.slice(0, 7)) await ada.call('docs:delete', { id });
    const before = head();

    const refused = await ada.refusal('sync:run', {});
    const data = SyncDeletionsDataSchema.parse(refused.data);
    expect(data.deletions.map((c) => c.direction)).toEqual(Array(7).fill('out'));
    expect(refused.message).toContain('7 from the team repository (deleted here)');
    expect([head(), rfcFiles().length, live(ada)]).toEqual([before, 10, 3]);

    await ada.call('sync:run', { allowDeletes: true });
    expect(rfcFiles()).toHaveLength(3);
    // Each laptop is asked for what its own sync deletes: seven of ten is over the threshold there too.
    expect((await bob.refusal('sync:run', {})).data).toMatchObject({ reason: 'deletions', library: 10 });
    await bob.call('sync:run', { allowDeletes: true });
    expect(live(bob)).toBe(3);
  });

  it('lets a few deletions through without asking', async () => {
    const { w: ada } = await seeded('Ada', 10);
    const tess = await cloneTeammate(f.url);
    for (const file of tess.files('rfcs').slice(0, 4)) tess.remove(`rfcs/${file}`);
    await tess.pushAll('Remove four RFCs');
    const r = await ada.call('sync:run', {});
    expect(r.changes.filter((c) => c.action === 'deleted')).toHaveLength(4);
    expect(live(ada)).toBe(6);
  });

  it('designdesk sync lists what it would delete and exits 1; --allow-deletes goes ahead', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-deletes-'));
    const cli = cliInProcess(dir);
    try {
      await cli('init');
      await cli('remote', 'set', f.url);
      for (let i = 1; i <= 6; i++) await cli('new', 'rfc', '--title', `Plan ${i}`);
      expect((await cli('sync')).code).toBe(0);
      const tess = await cloneTeammate(f.url);
      for (const file of tess.files('rfcs')) tess.remove(`rfcs/${file}`);
      await tess.pushAll('Remove every RFC');

      const refused = await cli('sync');
      expect(refused.code).toBe(1);
      expect(refused.stdout.split('\n').filter(Boolean)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `would delete here  RFC-${n}    Plan ${n}  (rfcs/000${n}-plan-${n}.md)`));
      expect(refused.stderr).toContain('designdesk sync: This sync would delete 6 of 6 documents');
      const json = await cli('sync', '--json');
      expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'CONFLICT', data: { reason: 'deletions', library: 6 } } });
      expect((await cli('list')).stdout).toContain('Plan 6');

      const ok = await cli('sync', '--allow-deletes');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('6 in, 0 out');
      expect((await cli('list')).stdout).not.toContain('Plan 6');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
