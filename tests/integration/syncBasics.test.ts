import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/shared/format/parseDocument';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate, fsck, openWorkspace, remoteFiles, remoteShow, type Workspace } from '../support/syncWorkspace';

let server: GitServer;
let url: string;
let repo: string;
let open: Workspace[] = [];
let n = 0;

beforeAll(async () => {
  server = await startGitServer();
});
afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  const name = `basics-${++n}.git`;
  url = server.createRepo(name);
  repo = server.repoDir(name);
});

afterEach(() => {
  expect(() => fsck(repo)).not.toThrow();
  for (const w of open) {
    expect(w.logged).toEqual([]);
    w.close();
  }
  open = [];
});

async function laptop(name: string): Promise<Workspace> {
  const w = openWorkspace(name);
  open.push(w);
  await w.call('sync:setRemote', { url, branch: 'main', authorName: name, authorEmail: `${name.toLowerCase()}@example.com`, auth: { kind: 'none' } });
  return w;
}

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

    const files = remoteFiles(repo);
    expect(files).toEqual(
      expect.arrayContaining(['designdesk.yml', 'README.md', 'rfcs/0001-use-sqlite-for-local-storage.md', 'adrs/0001-record-decisions-as-madr.md', `postmortems/${pm.createdAt.slice(0, 10)}-checkout-outage.md`]),
    );
    expect(remoteShow(repo, 'designdesk.yml')).toContain('format: 1');
    const rfcFile = parseDocument('rfcs/0001-use-sqlite-for-local-storage.md', remoteShow(repo, 'rfcs/0001-use-sqlite-for-local-storage.md'));
    expect(rfcFile.ok && rfcFile.doc).toMatchObject({ id: rfc.id, number: 1, title: 'Use SQLite for local storage', body: '## Summary\n\nEmbed SQLite.\n' });
    const log = execFileSync('git', ['log', '--format=%an <%ae>%n%B', 'main'], { cwd: repo, encoding: 'utf8' });
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
  });

  it('takes in a teammate’s hand edit, keeps an unknown front-matter key through a round trip, and keeps the published path when the title changes', async () => {
    const ada = await laptop('Ada');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Cache invalidation' });
    await ada.call('sync:run', {});
    const file = 'rfcs/0001-cache-invalidation.md';

    const tess = cloneTeammate(url);
    const text = tess.read(file).replace('author: Ada\n', 'author: Ada\nteam-channel: "#storage"\n').replace(/\n## Summary\n/, '\n## Summary\n\nTess: we need this for the edge cache.\n');
    tess.write(file, text);
    tess.pushAll('Tess edits RFC-1 by hand');

    const r = await ada.call('sync:run', {});
    expect(r).toMatchObject({ in: 1, out: 0, conflicts: 0 });
    const doc = await ada.call('docs:get', { id: rfc.id });
    expect(doc.fields['team-channel']).toBe('#storage');
    expect(doc.body).toContain('Tess: we need this for the edge cache.');

    await ada.call('docs:update', { id: rfc.id, baseRevision: doc.revision, title: 'Cache invalidation at the edge', body: `${doc.body}\nAda: agreed.\n` });
    const out = await ada.call('sync:run', {});
    expect(out).toMatchObject({ in: 0, out: 1 });
    expect(remoteFiles(repo)).toContain(file);
    const after = remoteShow(repo, file);
    expect(after).toContain('team-channel: "#storage"');
    expect(after).toContain('# Cache invalidation at the edge');
    expect(after).toContain('Ada: agreed.');
  });
});
