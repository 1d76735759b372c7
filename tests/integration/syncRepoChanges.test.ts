import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/shared/format/parseDocument';
import { cloneTeammate, remoteFiles, remoteShow, useSyncFixture, type Workspace } from '../support/syncWorkspace';

const f = useSyncFixture();

async function body(w: Workspace, id: string, text: string): Promise<void> {
  const d = await w.call('docs:get', { id });
  await w.call('docs:update', { id, baseRevision: d.revision, body: text });
}

describe('numbers, deletes, renames and hand-made files', () => {
  it('renumbers the unpublished one of two RFCs created offline with the same number, keeps the old number as an alias and rewrites references to it', async () => {
    const ada = await f.laptop('Ada');
    const bob = await f.laptop('Bob');
    await ada.call('docs:create', { kind: 'rfc', title: 'Shared start' });
    await ada.call('sync:run', {});
    await bob.call('sync:run', {});

    // Both offline: each creates RFC-2.
    const adas = await ada.call('docs:create', { kind: 'rfc', title: 'Ada idea' });
    const bobs = await bob.call('docs:create', { kind: 'rfc', title: 'Bob idea' });
    expect([adas.number, bobs.number]).toEqual([2, 2]);
    await body(bob, bobs.id, 'RFC-2 proposes a queue. See also RFC-1.\n');
    const bobsOther = await bob.call('docs:create', { kind: 'adr', title: 'Adopt the queue' });
    await body(bob, bobsOther.id, 'Context: RFC-2 by Bob.\n\n`RFC-2` in code stays.\n');

    await ada.call('sync:run', {});
    const r = await bob.call('sync:run', {});
    expect(r).toMatchObject({ in: 1, conflicts: 0, errors: [] });
    expect(r.changes).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'renumbered', ref: 'RFC-3', direction: 'out' })]));

    const renumbered = await bob.call('docs:get', { id: bobs.id });
    expect(renumbered.number).toBe(3);
    expect(renumbered.body).toBe('RFC-3 proposes a queue. See also RFC-1.\n');
    expect((await bob.call('docs:get', { id: bobsOther.id })).body).toBe('Context: RFC-3 by Bob.\n\n`RFC-2` in code stays.\n');
    expect((await bob.call('docs:get', { id: adas.id })).number).toBe(2);
    const history = await bob.call('docs:history', { id: bobs.id });
    expect(history).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'renumbered', from: 'RFC-2', to: 'RFC-3' })]));
    expect(bob.app.db.prepare('SELECT kind, number FROM doc_aliases WHERE doc_id = ?').all(bobs.id)).toEqual([{ kind: 'rfc', number: 2 }]);

    const files = remoteFiles(f.repo).filter((p) => p.startsWith('rfcs/'));
    expect(files).toEqual(['rfcs/.gitkeep', 'rfcs/0001-shared-start.md', 'rfcs/0002-ada-idea.md', 'rfcs/0003-bob-idea.md']);
    expect(remoteShow(f.repo, 'rfcs/0003-bob-idea.md')).toContain('ref: RFC-3');

    await ada.call('sync:run', {});
    expect((await ada.call('docs:list', { kind: 'rfc' })).map((d) => `${d.number} ${d.title}`).sort()).toEqual(['1 Shared start', '2 Ada idea', '3 Bob idea']);
  });

  it('moves a document deleted in the repository to the trash, but keeps and flags one edited here', async () => {
    const ada = await f.laptop('Ada');
    const keep = await ada.call('docs:create', { kind: 'rfc', title: 'Edited here' });
    const gone = await ada.call('docs:create', { kind: 'rfc', title: 'Untouched here' });
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.remove('rfcs/0001-edited-here.md');
    tess.remove('rfcs/0002-untouched-here.md');
    await tess.pushAll('Remove two RFCs');
    await body(ada, keep.id, 'Still needed: new data.\n');

    const r = await ada.call('sync:run', {});
    expect(r).toMatchObject({ in: 1, conflicts: 1, out: 0 });
    expect((await ada.call('trash:list', {})).map((t) => t.id)).toEqual([gone.id]);
    expect((await ada.call('docs:get', { id: keep.id })).body).toBe('Still needed: new data.\n');
    const [c] = await ada.call('sync:conflicts', {});
    expect(c).toMatchObject({ id: keep.id, conflict: 'deleted-remotely', theirs: null });
    expect(remoteFiles(f.repo)).not.toContain('rfcs/0001-edited-here.md');

    await ada.call('sync:resolve', { id: keep.id, take: 'mine' });
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1, conflicts: 0 });
    expect(remoteFiles(f.repo)).toContain('rfcs/0001-edited-here.md');
  });

  it('removes a document deleted here from the repository on the next sync, and follows a file renamed there', async () => {
    const ada = await f.laptop('Ada');
    const doomed = await ada.call('docs:create', { kind: 'adr', title: 'Doomed' });
    const moved = await ada.call('docs:create', { kind: 'adr', title: 'Will move' });
    await ada.call('sync:run', {});
    await ada.call('docs:delete', { id: doomed.id });
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1 });
    expect(remoteFiles(f.repo)).not.toContain('adrs/0001-doomed.md');

    const tess = await cloneTeammate(f.url);
    await tess.git('mv', 'adrs/0002-will-move.md', 'adrs/0002-moved-by-hand.md');
    await tess.pushAll('Rename an ADR');
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 0, out: 0, conflicts: 0 });
    await body(ada, moved.id, 'Edited after the rename.\n');
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1 });
    const files = remoteFiles(f.repo).filter((p) => p.startsWith('adrs/') && p.endsWith('.md'));
    expect(files).toEqual(['adrs/0002-moved-by-hand.md']);
    expect(remoteShow(f.repo, 'adrs/0002-moved-by-hand.md')).toContain('Edited after the rename.');
  });

  it('gives a hand-made file an id and writes it back; reports an unparseable file by path and syncs the others anyway', async () => {
    const ada = await f.laptop('Ada');
    const mine = await ada.call('docs:create', { kind: 'rfc', title: 'From the app' });
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/my-idea.md', '---\ntitle: ignored\nstatus: draft\nauthor: Tess\nslack: "#ideas"\n---\n\n# Tess’s idea\n\nWritten in vim.\n');
    tess.write('rfcs/0009-broken.md', '---\ntitle: [unclosed\n---\n\n# Broken\n');
    tess.write('postmortems/2026-11-20-db-failover.md', '---\nseverity: SEV-2\nincidentDate: 2026-11-20\n---\n\n# DB failover\n\n## Summary\n\nPrimary died.\n');
    tess.write('rfcs/README.md', '# RFCs\n\nThe folder of RFCs.\n');
    await tess.pushAll('Hand-made files');
    await body(ada, mine.id, 'Changed in the app meanwhile.\n');

    const r = await ada.call('sync:run', {});
    expect(r.errors).toEqual([{ path: 'rfcs/0009-broken.md', reason: expect.stringMatching(/YAML/) }]);
    expect(r).toMatchObject({ in: 2, conflicts: 0 });
    const rfcs = await ada.call('docs:list', { kind: 'rfc' });
    const idea = rfcs.find((d) => d.title === 'Tess’s idea')!;
    expect(idea.number).toBe(2);
    const pms = await ada.call('docs:list', { kind: 'postmortem' });
    expect(pms).toEqual([expect.objectContaining({ number: 1, title: 'DB failover' })]);

    const written = parseDocument('rfcs/my-idea.md', remoteShow(f.repo, 'rfcs/my-idea.md'));
    expect(written.ok && written.doc).toMatchObject({ id: idea.id, number: 2, fields: expect.objectContaining({ slack: '#ideas', author: 'Tess' }) });
    expect(remoteShow(f.repo, 'rfcs/0009-broken.md')).toContain('title: [unclosed');
    expect(remoteShow(f.repo, 'rfcs/0001-from-the-app.md')).toContain('Changed in the app meanwhile.');
    expect(remoteShow(f.repo, 'postmortems/2026-11-20-db-failover.md')).toContain('ref: PM-1');

    // The next sync reports the broken file again and changes nothing else.
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 0, out: 0, commit: null, errors: [{ path: 'rfcs/0009-broken.md' }] });
  });

  it('brings back a document deleted here that a teammate edited meanwhile; an emptied trash still deletes the file', async () => {
    const ada = await f.laptop('Ada');
    const revived = await ada.call('docs:create', { kind: 'rfc', title: 'Revived' });
    const purged = await ada.call('docs:create', { kind: 'rfc', title: 'Purged' });
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/0001-revived.md', tess.read('rfcs/0001-revived.md').replace('## Summary\n', '## Summary\n\nTess still needs this.\n'));
    await tess.pushAll('Tess edits RFC-1');
    await ada.call('docs:delete', { id: purged.id });
    await ada.call('trash:empty', {});
    await ada.call('docs:delete', { id: revived.id });

    const r = await ada.call('sync:run', {});
    expect(r).toMatchObject({ in: 1, out: 1, conflicts: 0 });
    const back = await ada.call('docs:get', { id: revived.id });
    expect(back.body).toContain('Tess still needs this.');
    expect((await ada.call('docs:history', { id: revived.id })).map((h) => h.event)).toContain('undeleted');
    expect(remoteFiles(f.repo)).toContain('rfcs/0001-revived.md');
    expect(remoteFiles(f.repo)).not.toContain('rfcs/0002-purged.md');
    expect((await ada.call('sync:status', {})).localChanges).toBe(0);
  });
});
