import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { cloneTeammate, remoteFiles, remoteShow, useSyncFixture } from '../support/syncWorkspace';

const f = useSyncFixture();

const remoteHead = (): string => execFileSync('git', ['rev-parse', 'main'], { cwd: f.repo, encoding: 'utf8' }).trim();

// A sync plans every document unless the team repository is still where the
// last clean sync left it (the applied head, migration 007): then only the
// documents changed here. These tests pin when each plan runs; every other
// sync test runs through both (docs/performance.md). The sync runs in this
// thread here, so that the spies see the engine's steps.
describe('incremental sync: only the documents that changed, while the last sync left the bases clean', () => {
  it('plans only the documents edited, created, trashed or purged here, or edited in place by a teammate; anything else plans every document', async () => {
    const ada = await f.laptop('Ada', { syncInThread: true });
    const keep = await ada.call('docs:create', { kind: 'rfc', title: 'Stays as it is' });
    const edit = await ada.call('docs:create', { kind: 'rfc', title: 'Gets an edit' });
    const trash = await ada.call('docs:create', { kind: 'adr', title: 'Goes to the trash' });
    const purge = await ada.call('docs:create', { kind: 'adr', title: 'Is purged' });
    await ada.call('sync:run', {});
    const store = ada.app.sync.store;
    expect(store.appliedHead()).toBe(remoteHead());

    const full = vi.spyOn(store, 'allDocs');
    await ada.call('docs:update', { id: edit.id, baseRevision: edit.revision, body: '## Summary\n\nEdited here.\n' });
    await ada.call('docs:delete', { id: purge.id });
    await ada.call('trash:empty', {});
    await ada.call('docs:delete', { id: trash.id });
    const added = await ada.call('docs:create', { kind: 'rfc', title: 'Written after the first sync' });
    const r = await ada.call('sync:run', {});
    expect(full).not.toHaveBeenCalled();
    expect(r).toMatchObject({ in: 0, conflicts: 0, errors: [] });
    expect(r.changes.filter((c) => c.direction === 'out').map((c) => `${c.action} ${c.ref}`).sort()).toEqual(['added RFC-3', 'deleted ADR-1', 'deleted ADR-2', 'updated RFC-2']);
    expect(remoteFiles(f.repo).filter((p) => /^(rfcs|adrs)\/.+\.md$/.test(p))).toEqual(['rfcs/0001-stays-as-it-is.md', 'rfcs/0002-gets-an-edit.md', 'rfcs/0003-written-after-the-first-sync.md']);
    expect(remoteShow(f.repo, 'rfcs/0002-gets-an-edit.md')).toContain('Edited here.');
    expect(store.appliedHead()).toBe(remoteHead());
    expect(await ada.call('sync:status', {})).toMatchObject({ localChanges: 0 });
    expect((await ada.call('docs:get', { id: added.id })).number).toBe(3);
    expect((await ada.call('docs:get', { id: keep.id })).revision).toBe(keep.revision);

    // A teammate edits a file in place: only that document is planned, merged with an edit made here.
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/0001-stays-as-it-is.md', tess.read('rfcs/0001-stays-as-it-is.md').replace('## Summary\n', '## Summary\n\nTess was here.\n'));
    await tess.pushAll('Tess edits');
    const mine = await ada.call('docs:get', { id: keep.id });
    await ada.call('docs:update', { id: keep.id, baseRevision: mine.revision, title: 'Stays as it is, mostly' });
    const merged = await ada.call('sync:run', {});
    expect(full).not.toHaveBeenCalled();
    expect(merged).toMatchObject({ in: 1, out: 1, conflicts: 0 });
    expect(await ada.call('docs:get', { id: keep.id })).toMatchObject({ title: 'Stays as it is, mostly', body: expect.stringContaining('Tess was here.') });
    expect(remoteShow(f.repo, 'rfcs/0001-stays-as-it-is.md')).toContain('# Stays as it is, mostly');
    expect(store.appliedHead()).toBe(remoteHead());

    // A teammate adds a file: every document is looked at again.
    await tess.pull();
    tess.write('rfcs/0009-from-tess.md', '---\ntitle: From Tess\n---\n\n## Summary\n\nNew.\n');
    await tess.pushAll('Tess adds an RFC');
    const pulled = await ada.call('sync:run', {});
    expect(full).toHaveBeenCalledTimes(1);
    expect(pulled).toMatchObject({ in: 1, conflicts: 0 });
    expect((await ada.call('docs:list', {})).map((d) => d.title)).toContain('From Tess');
    expect(store.appliedHead()).toBe(remoteHead());
  });

  it('forgets the applied head after a sync that leaves a conflict, and plans everything until a clean sync', async () => {
    const ada = await f.laptop('Ada', { syncInThread: true });
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Contested' });
    await ada.call('sync:run', {});
    const file = 'rfcs/0001-contested.md';
    const tess = await cloneTeammate(f.url);
    tess.write(file, tess.read(file).replace('## Summary\n', '## Summary\n\nTess says yes.\n'));
    await tess.pushAll('Tess edits the summary');
    const d = await ada.call('docs:get', { id: rfc.id });
    await ada.call('docs:update', { id: rfc.id, baseRevision: d.revision, body: d.body.replace('## Summary\n', '## Summary\n\nAda says no.\n') });

    const store = ada.app.sync.store;
    const clashed = await ada.call('sync:run', {});
    expect(clashed.conflicts).toBe(1);
    expect(store.appliedHead()).toBeNull();

    // Nothing moved, but a conflict is open: the full plan runs (and keeps the conflict).
    const full = vi.spyOn(store, 'allDocs');
    expect((await ada.call('sync:run', {})).conflicts).toBe(1);
    expect(full).toHaveBeenCalledTimes(1);

    await ada.call('sync:resolve', { id: rfc.id, take: 'mine' });
    await ada.call('sync:run', {});
    expect(full).toHaveBeenCalledTimes(2);
    expect(store.appliedHead()).toBe(remoteHead());
    expect(remoteShow(f.repo, file)).toContain('Ada says no.');

    // Clean again: the next sync is incremental.
    const again = await ada.call('docs:get', { id: rfc.id });
    await ada.call('docs:update', { id: rfc.id, baseRevision: again.revision, title: 'Contested, then settled' });
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1, conflicts: 0 });
    expect(full).toHaveBeenCalledTimes(2);
    expect(remoteShow(f.repo, file)).toContain('# Contested, then settled');
  });
});
