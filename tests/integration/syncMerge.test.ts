import { describe, expect, it } from 'vitest';
import { cloneTeammate, remoteFiles, remoteShow, useSyncFixture, type Workspace } from '../support/syncWorkspace';

const f = useSyncFixture();

const BODY = ['## Summary', '', 'Cache rendered pages.', '', '## Motivation', '', 'Pages are slow.', '', '## Rollout Plan', '', 'Behind a flag.', ''].join('\n');

/** Ada publishes an RFC with BODY; Bob pulls it. */
async function shared(title = 'Page cache'): Promise<{ ada: Workspace; bob: Workspace; id: string }> {
  const ada = await f.laptop('Ada');
  const bob = await f.laptop('Bob');
  const doc = await ada.call('docs:create', { kind: 'rfc', title });
  await ada.call('docs:update', { id: doc.id, baseRevision: 0, body: BODY });
  await ada.call('sync:run', {});
  await bob.call('sync:run', {});
  return { ada, bob, id: doc.id };
}

async function edit(w: Workspace, id: string, patch: { title?: string; body?: (b: string) => string; fields?: (f: Record<string, unknown>) => Record<string, unknown> }): Promise<void> {
  const d = await w.call('docs:get', { id });
  await w.call('docs:update', {
    id,
    baseRevision: d.revision,
    ...(patch.title ? { title: patch.title } : {}),
    ...(patch.body ? { body: patch.body(d.body) } : {}),
    ...(patch.fields ? { fields: patch.fields(d.fields) } : {}),
  });
}

describe('per-document three-way merge', () => {
  it('merges changes to different fields silently, on both laptops', async () => {
    const { ada, bob, id } = await shared();
    await edit(ada, id, { fields: (x) => ({ ...x, reviewers: ['Bob', 'Cy'] }) });
    await ada.call('docs:move', { id, to: 'in-review' });
    await edit(bob, id, { title: 'Page cache at the edge' });

    // Moving to In Review records a review request: its reviews/<id>.yml travels beside the RFC.
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 2, conflicts: 0 });
    expect(await bob.call('sync:run', {})).toMatchObject({ in: 2, out: 1, conflicts: 0 });
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 1, out: 0, conflicts: 0 });

    for (const w of [ada, bob]) {
      const d = await w.call('docs:get', { id });
      expect(d).toMatchObject({ title: 'Page cache at the edge', status: 'in-review', fields: expect.objectContaining({ reviewers: ['Bob', 'Cy'] }) });
      expect((await w.call('sync:status', {})).localChanges).toBe(0);
    }
    expect(remoteShow(f.repo, 'rfcs/0001-page-cache.md')).toContain('# Page cache at the edge');
  });

  it('merges edits to different parts of the body silently', async () => {
    const { ada, bob, id } = await shared();
    await edit(ada, id, { body: (b) => b.replace('Cache rendered pages.', 'Cache rendered pages for 60 s.') });
    await edit(bob, id, { body: (b) => b.replace('Behind a flag.', 'Behind a flag, 1% then 100%.') });
    await ada.call('sync:run', {});
    expect(await bob.call('sync:run', {})).toMatchObject({ conflicts: 0 });
    await ada.call('sync:run', {});
    for (const w of [ada, bob]) {
      const body = (await w.call('docs:get', { id })).body;
      expect(body).toContain('Cache rendered pages for 60 s.');
      expect(body).toContain('Behind a flag, 1% then 100%.');
    }
    expect(await bob.call('sync:conflicts', {})).toEqual([]);
  });

  it('keeps both versions of the same line, flags the document, never overwrites the remote until resolved, then pushes the resolution', async () => {
    const ada = await f.laptop('Ada');
    const bob = await f.laptop('Bob');
    const ids: string[] = [];
    for (const title of ['Mine wins', 'Theirs wins', 'Merged by hand']) {
      const d = await ada.call('docs:create', { kind: 'rfc', title });
      await ada.call('docs:update', { id: d.id, baseRevision: 0, body: BODY });
      ids.push(d.id);
    }
    await ada.call('sync:run', {});
    await bob.call('sync:run', {});
    for (const id of ids) {
      await edit(ada, id, { body: (b) => b.replace('Cache rendered pages.', 'Cache pages in Redis.') });
      await edit(bob, id, { body: (b) => b.replace('Cache rendered pages.', 'Cache pages in memcached.'), fields: (x) => ({ ...x, reviewers: ['Dee'] }) });
    }
    await ada.call('sync:run', {});
    const files = remoteFiles(f.repo).filter((p) => p.startsWith('rfcs/'));
    const before = files.map((p) => remoteShow(f.repo, p));

    const r = await bob.call('sync:run', {});
    expect(r).toMatchObject({ conflicts: 3, out: 0 });
    expect(files.map((p) => remoteShow(f.repo, p))).toEqual(before);
    const listed = await bob.call('docs:list', {});
    expect(listed.filter((d) => d.conflicted).map((d) => d.id).sort()).toEqual([...ids].sort());
    expect((await bob.call('sync:status', {})).conflicts).toBe(3);

    // A second sync while unresolved still leaves the remote alone.
    expect(await bob.call('sync:run', {})).toMatchObject({ conflicts: 3, commit: null });

    const conflicts = await bob.call('sync:conflicts', {});
    expect(conflicts).toHaveLength(3);
    for (const c of conflicts) {
      expect(c).toMatchObject({ conflict: 'content', body: true, fields: [] });
      expect(c.mine).toContain('Cache pages in memcached.');
      expect(c.theirs).toContain('Cache pages in Redis.');
      expect(c.suggestion).toContain('<<<<<<< mine');
      // The clean part of the merge (Bob's reviewers) is already in the suggestion.
      expect(c.suggestion).toContain('- Dee');
    }
    const byTitle = (t: string) => conflicts.find((c) => c.title === t)!;
    await bob.call('sync:resolve', { id: byTitle('Mine wins').id, take: 'mine' });
    await bob.call('sync:resolve', { id: byTitle('Theirs wins').id, take: 'theirs' });
    const merged = byTitle('Merged by hand').suggestion.replace(/<<<<<<< mine.*\n([\s\S]*?)=======\n([\s\S]*?)>>>>>>> theirs.*\n/, 'Cache pages in Redis, with memcached as a fallback.\n');
    expect((await bob.refusal('sync:resolve', { id: byTitle('Merged by hand').id, take: 'merged', text: byTitle('Merged by hand').suggestion })).code).toBe('VALIDATION');
    await bob.call('sync:resolve', { id: byTitle('Merged by hand').id, take: 'merged', text: merged });
    expect(await bob.call('sync:conflicts', {})).toEqual([]);
    expect((await bob.call('docs:list', {})).some((d) => d.conflicted)).toBe(false);

    expect(await bob.call('sync:run', {})).toMatchObject({ conflicts: 0, out: 2 });
    await ada.call('sync:run', {});
    const text = async (w: Workspace, title: string) => (await w.call('docs:get', { id: byTitle(title).id })).body;
    for (const w of [ada, bob]) {
      expect(await text(w, 'Mine wins')).toContain('Cache pages in memcached.');
      expect(await text(w, 'Theirs wins')).toContain('Cache pages in Redis.');
      expect(await text(w, 'Merged by hand')).toContain('Cache pages in Redis, with memcached as a fallback.');
    }
    expect((await ada.call('docs:get', { id: byTitle('Mine wins').id })).fields.reviewers).toEqual(['Dee']);
    const history = await bob.call('docs:history', { id: byTitle('Mine wins').id });
    expect(history.map((h) => h.event)).toEqual(expect.arrayContaining(['sync-conflict', 'sync-resolved']));
  });

  it('flags the same field changed on both sides, and keeps my value until resolved', async () => {
    const { ada, bob, id } = await shared();
    await edit(ada, id, { title: 'Page cache (Ada)' });
    await edit(bob, id, { title: 'Page cache (Bob)' });
    await ada.call('sync:run', {});
    expect(await bob.call('sync:run', {})).toMatchObject({ conflicts: 1 });
    const [c] = await bob.call('sync:conflicts', {});
    expect(c).toMatchObject({ id, fields: ['title'], body: false });
    expect((await bob.call('docs:get', { id })).title).toBe('Page cache (Bob)');
    await bob.call('sync:resolve', { id, take: 'theirs' });
    expect((await bob.call('docs:get', { id })).title).toBe('Page cache (Ada)');
    expect(await bob.call('sync:run', {})).toMatchObject({ out: 0, conflicts: 0 });
  });

  it('never overwrites an edit made while the sync runs: the next sync merges it with what was pushed', async () => {
    const { ada, id } = await shared();
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/0001-page-cache.md', tess.read('rfcs/0001-page-cache.md').replace('Pages are slow.', 'Pages are slow on mobile.'));
    await tess.pushAll('Tess edits the motivation');
    await edit(ada, id, { body: (b) => b.replace('Cache rendered pages.', 'Cache rendered pages for 60 s.') });

    let armed = true;
    f.server.setOnRequest(async (req) => {
      if (armed && req.method === 'POST' && req.service === 'git-receive-pack') {
        armed = false;
        await edit(ada, id, { body: (b) => b.replace('Behind a flag.', 'Behind a flag, typed during the sync.') });
      }
    });
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0 });
    f.server.setOnRequest(undefined);
    const during = (await ada.call('docs:get', { id })).body;
    expect(during).toContain('Behind a flag, typed during the sync.');
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);

    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, out: 1 });
    const final = (await ada.call('docs:get', { id })).body;
    const remote = remoteShow(f.repo, 'rfcs/0001-page-cache.md');
    for (const line of ['Cache rendered pages for 60 s.', 'Pages are slow on mobile.', 'Behind a flag, typed during the sync.']) {
      expect(final).toContain(line);
      expect(remote).toContain(line);
    }
    expect((await ada.call('sync:status', {})).localChanges).toBe(0);
  });
});
