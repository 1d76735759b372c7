import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../support/syncWorkspace';
import { remoteShow, useSyncFixture } from '../support/syncWorkspace';
import { startTrickleProxy, type TrickleProxy } from '../support/trickleProxy';

const f = useSyncFixture();
let proxy: TrickleProxy;

beforeAll(async () => {
  proxy = await startTrickleProxy(f.server.port);
});
afterAll(async () => {
  await proxy.close();
});

/** A laptop whose remote goes through the trickling proxy (its URL stays the same for the whole test). */
async function slowLaptop(name: string, syncInThread = false): Promise<Workspace> {
  const w = await f.laptop(name, { syncInThread });
  await w.call('sync:setRemote', { url: proxy.url(new URL(f.url).pathname), branch: 'main', authorName: name, authorEmail: `${name.toLowerCase()}@example.com`, auth: { kind: 'none' } });
  return w;
}

async function until(what: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600 && !(await what()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(await what()).toBe(true);
}

describe('cancelling a sync that runs in the worker', () => {
  it('cancels a sync stalled in its fetch: the window keeps answering, nothing changes, and the next sync takes everything in', async () => {
    const bob = await f.laptop('Bob');
    for (const title of ['One', 'Two', 'Three']) await bob.call('docs:create', { kind: 'rfc', title });
    await bob.call('sync:run', {});

    const ada = await slowLaptop('Ada');
    const mine = await ada.call('docs:create', { kind: 'adr', title: 'Written while offline' });
    proxy.trickle = 'git-upload-pack';
    proxy.trickling = 0;
    const run = ada.app.dispatch('sync:run', {});
    await until(() => proxy.trickling > 0);
    // The process serving the window answers while the sync hangs in its worker.
    expect(await ada.call('sync:status', {})).toMatchObject({ running: true, phase: 'fetching' });
    expect((await ada.call('docs:list', {})).map((d) => d.title)).toEqual(['Written while offline']);
    expect(JSON.stringify(await ada.call('search:query', { q: 'offline' }))).toContain(mine.id);

    expect(await ada.call('sync:cancel', {})).toEqual({ cancelled: true });
    const outcome = await run;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'CANCELLED', message: expect.stringMatching(/cancelled/) });
    expect(await ada.call('sync:status', {})).toMatchObject({ running: false, phase: 'idle', localChanges: 1, lastError: { code: 'CANCELLED' } });
    expect((await ada.call('docs:list', {})).map((d) => d.title)).toEqual(['Written while offline']);
    expect(await ada.call('sync:cancel', {})).toEqual({ cancelled: false });

    proxy.trickle = null;
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 3, out: 1, conflicts: 0 });
    expect((await ada.call('docs:list', {})).map((d) => d.title).sort()).toEqual(['One', 'Three', 'Two', 'Written while offline']);
    expect(await ada.call('sync:status', {})).toMatchObject({ localChanges: 0, lastError: null });
  });

  it('cancels a push whose answer trickles (the server took it): nothing is applied twice or lost, and the next sync settles it without a conflict', async () => {
    const ada = await slowLaptop('Ada');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Edited during a slow push' });
    await ada.call('sync:run', {});
    const d = await ada.call('docs:get', { id: rfc.id });
    await ada.call('docs:update', { id: rfc.id, baseRevision: d.revision, body: `${d.body}\n\nA line pushed through a failing link.\n` });

    proxy.trickle = 'git-receive-pack';
    proxy.trickling = 0;
    const run = ada.app.dispatch('sync:run', {});
    await until(() => proxy.trickling > 0);
    expect(await ada.call('sync:status', {})).toMatchObject({ running: true, phase: 'pushing' });
    expect(await ada.call('sync:cancel', {})).toEqual({ cancelled: true });
    const outcome = await run;
    expect(outcome.ok ? null : outcome.error.code).toBe('CANCELLED');
    // The local edit is there, still counted as not pushed: the database changes only after a push is known to be in.
    expect((await ada.call('docs:get', { id: rfc.id })).body).toContain('A line pushed through a failing link.');
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);

    proxy.trickle = null;
    const next = await ada.call('sync:run', {});
    expect(next).toMatchObject({ conflicts: 0, errors: [] });
    expect(await ada.call('sync:status', {})).toMatchObject({ localChanges: 0, conflicts: 0 });
    expect(remoteShow(f.repo, 'rfcs/0001-edited-during-a-slow-push.md')).toContain('A line pushed through a failing link.');

    const bob = await f.laptop('Bob');
    await bob.call('sync:run', {});
    expect((await bob.call('docs:list', {}))[0]).toMatchObject({ title: 'Edited during a slow push' });
    const theirs = await bob.call('docs:get', { id: (await bob.call('docs:list', {}))[0]!.id });
    expect(theirs.body).toContain('A line pushed through a failing link.');
  });

  it('changing the remote settings while a sync hangs cancels that sync instead of refusing', async () => {
    const ada = await slowLaptop('Ada');
    await ada.call('docs:create', { kind: 'rfc', title: 'Moves to another server' });
    proxy.trickle = 'git-upload-pack';
    proxy.trickling = 0;
    await ada.call('sync:run', {});
    const d = (await ada.call('docs:list', {}))[0]!;
    const doc = await ada.call('docs:get', { id: d.id });
    await ada.call('docs:update', { id: d.id, baseRevision: doc.revision, title: 'Moves to another server, renamed' });
    // An empty fetch answer is short: make Bob push first so that the next fetch has a pack to trickle.
    const bob = await f.laptop('Bob');
    await bob.call('docs:create', { kind: 'adr', title: 'From Bob' });
    await bob.call('sync:run', {});

    const run = ada.app.dispatch('sync:run', {});
    await until(() => proxy.trickling > 0);
    // (Another URL would also forget the sync bases: that is not what this test is about.)
    const view = await ada.call('sync:setRemote', { url: proxy.url(new URL(f.url).pathname), branch: 'main', authorName: 'Ada Lovelace', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
    expect(view.authorName).toBe('Ada Lovelace');
    expect((await run).ok).toBe(false);
    proxy.trickle = null;
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect((await ada.call('docs:list', {})).map((x) => x.title).sort()).toEqual(['From Bob', 'Moves to another server, renamed']);
  });

  it('without a worker (a sync in the calling thread) cancel works too: the stalled fetch is abandoned at once', async () => {
    const bob = await f.laptop('Bob');
    await bob.call('docs:create', { kind: 'rfc', title: 'Waiting on the far side' });
    await bob.call('sync:run', {});
    const ada = await slowLaptop('Ada', true);
    proxy.trickle = 'git-upload-pack';
    proxy.trickling = 0;
    const run = ada.app.dispatch('sync:run', {});
    await until(() => proxy.trickling > 0);
    expect(await ada.call('sync:cancel', {})).toEqual({ cancelled: true });
    const outcome = await run;
    expect(outcome.ok ? null : outcome.error.code).toBe('CANCELLED');
    expect(await ada.call('docs:list', {})).toEqual([]);
    proxy.trickle = null;
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 1, conflicts: 0 });
  });
});
