import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../src/shared/format/parseDocument';
import { cloneTeammate, remoteFiles, remoteShow, useSyncFixture } from '../support/syncWorkspace';

const f = useSyncFixture();
const laptop = (name: string) => f.laptop(name);

describe('sync with an empty team repository and a second laptop', () => {
  it('sets up the layout and publishes every document on the first sync; a second workspace pulls them all in', async () => {
    const ada = await laptop('Ada');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Use SQLite for local storage' });
    await ada.call('docs:update', { id: rfc.id, baseRevision: 0, body: '## Summary\n\nEmbed SQLite.\n' });
    const adr = await ada.call('docs:create', { kind: 'adr', title: 'Record decisions as MADR' });
    const pm = await ada.call('docs:create', { kind: 'postmortem', title: 'Checkout outage' });
    expect((await ada.call('sync:status', {})).localChanges).toBe(3);

    const first = await ada.call('sync:run', {});
    expect(first).toMatchObject({ in: 0, out: 3, conflicts: 0, errors: [] });
    expect(first.commit).toMatch(/^[0-9a-f]{40}$/);

    const files = remoteFiles(f.repo);
    expect(files).toEqual(
      expect.arrayContaining(['designdesk.yml', 'README.md', 'rfcs/0001-use-sqlite-for-local-storage.md', 'adrs/0001-record-decisions-as-madr.md', `postmortems/${pm.createdAt.slice(0, 10)}-checkout-outage.md`]),
    );
    expect(remoteShow(f.repo, 'designdesk.yml')).toContain('format: 1');
    const rfcFile = parseDocument('rfcs/0001-use-sqlite-for-local-storage.md', remoteShow(f.repo, 'rfcs/0001-use-sqlite-for-local-storage.md'));
    expect(rfcFile.ok && rfcFile.doc).toMatchObject({ id: rfc.id, number: 1, title: 'Use SQLite for local storage', body: '## Summary\n\nEmbed SQLite.\n' });
    const log = execFileSync('git', ['log', '--format=%an <%ae>%n%B', 'main'], { cwd: f.repo, encoding: 'utf8' });
    expect(log).toContain('Ada <ada@example.com>');
    expect(log).toContain('Add RFC-1 Use SQLite for local storage (rfcs/0001-use-sqlite-for-local-storage.md)');
    expect(log).toContain(`Add ADR-1 Record decisions as MADR`);

    const status = await ada.call('sync:status', {});
    expect(status).toMatchObject({ localChanges: 0, running: false, phase: 'idle', conflicts: 0, lastError: null });
    expect(status.lastSyncAt).not.toBeNull();

    const again = await ada.call('sync:run', {});
    expect(again).toMatchObject({ in: 0, out: 0, commit: null });

    const bob = await laptop('Bob');
    const pulled = await bob.call('sync:run', {});
    expect(pulled).toMatchObject({ in: 3, out: 0, conflicts: 0, errors: [], commit: null });
    const docs = await bob.call('docs:list', {});
    expect(docs.map((d) => d.id).sort()).toEqual([rfc.id, adr.id, pm.id].sort());
    const bobRfc = await bob.call('docs:get', { id: rfc.id });
    expect(bobRfc).toMatchObject({ number: 1, title: 'Use SQLite for local storage', body: '## Summary\n\nEmbed SQLite.\n', status: rfc.status });
    expect((await bob.call('sync:status', {})).localChanges).toBe(0);
    expect(await bob.call('docs:history', { id: rfc.id })).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'created', data: expect.objectContaining({ source: 'sync' }) })]));
    // The pull wrote the search index in its own commit (migration 008): nothing is left for the first search, in
    // the worker thread and in the calling one alike.
    const carol = await f.laptop('Carol', { syncInThread: true });
    expect(await carol.call('sync:run', {})).toMatchObject({ in: 3 });
    for (const w of [bob, carol]) {
      expect(w.app.db.prepare('SELECT count(*) FROM search_dirty').pluck().get()).toBe(0);
      expect((await w.call('search:query', { q: 'embed' })).map((h) => h.id)).toEqual([rfc.id]);
    }
  });

  it('takes in a teammate’s hand edit, keeps an unknown front-matter key through a round trip, and keeps the published path when the title changes', async () => {
    const ada = await laptop('Ada');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Cache invalidation' });
    await ada.call('sync:run', {});
    const file = 'rfcs/0001-cache-invalidation.md';

    const tess = await cloneTeammate(f.url);
    const text = tess.read(file).replace('author: Ada\n', 'author: Ada\nteam-channel: "#storage"\n').replace(/\n## Summary\n/, '\n## Summary\n\nTess: we need this for the edge cache.\n');
    tess.write(file, text);
    await tess.pushAll('Tess edits RFC-1 by hand');

    const r = await ada.call('sync:run', {});
    expect(r).toMatchObject({ in: 1, out: 0, conflicts: 0 });
    const doc = await ada.call('docs:get', { id: rfc.id });
    expect(doc.fields['team-channel']).toBe('#storage');
    expect(doc.body).toContain('Tess: we need this for the edge cache.');

    await ada.call('docs:update', { id: rfc.id, baseRevision: doc.revision, title: 'Cache invalidation at the edge', body: `${doc.body}\nAda: agreed.\n` });
    const out = await ada.call('sync:run', {});
    expect(out).toMatchObject({ in: 0, out: 1 });
    expect(remoteFiles(f.repo)).toContain(file);
    const after = remoteShow(f.repo, file);
    expect(after).toContain('team-channel: "#storage"');
    expect(after).toContain('# Cache invalidation at the edge');
    expect(after).toContain('Ada: agreed.');
  });

  it('syncs by itself every N minutes once auto-sync is on, and stops when it is turned off', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const ada = await laptop('Ada');
      await ada.call('docs:create', { kind: 'rfc', title: 'Pushed by the timer' });
      expect(await ada.call('sync:setAutoSync', { minutes: 15 })).toEqual({ autoSyncMinutes: 15 });
      expect(await ada.call('sync:status', {})).toMatchObject({ autoSyncMinutes: 15, lastSyncAt: null });
      vi.advanceTimersByTime(14 * 60_000);
      expect((await ada.call('sync:status', {})).running).toBe(false);
      vi.advanceTimersByTime(60_000);
      for (let i = 0; i < 100 && (await ada.call('sync:status', {})).lastSyncAt === null; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await ada.call('sync:status', {})).toMatchObject({ localChanges: 0, running: false });
      expect(remoteFiles(f.repo)).toContain('rfcs/0001-pushed-by-the-timer.md');

      await ada.call('sync:setAutoSync', { minutes: 0 });
      await ada.call('docs:create', { kind: 'rfc', title: 'Stays local' });
      vi.advanceTimersByTime(60 * 60_000);
      await new Promise((r) => setTimeout(r, 200));
      expect((await ada.call('sync:status', {})).localChanges).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
