import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import Database from 'better-sqlite3';
import { BACKUP_DIR } from '../../src/main/store/backup';
import { sourceRestoreWorker } from '../support/sourceWorkers';

// Issue 17 item 6: backups in Settings. The backups:* channels through the
// real composition root (dispatch, contract, BackupService, the restore
// worker built from source): a backup named by the id the main side listed,
// a restore that reopens the database under the running app and can be
// undone, and refusals that change nothing.

let dir: string;
let app: App;
const ada = () => ({ name: 'Ada', email: 'ada@example.test' });
let clock = Date.parse('2026-11-27T10:00:00Z');
const open = (extra: Partial<AppOptions> = {}): App =>
  createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: ada, now: () => new Date((clock += 1000)), dispatch: { checkOutput: true, onInternalError: (c, e) => console.error(c, e) }, ...extra });

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<C>;
}
const files = (): string[] => fs.readdirSync(dir).concat(fs.existsSync(path.join(dir, BACKUP_DIR)) ? fs.readdirSync(path.join(dir, BACKUP_DIR)).map((f) => `${BACKUP_DIR}/${f}`) : []).sort();
const titles = async (): Promise<string[]> => (await call('docs:list', {})).map((d) => d.title).sort();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-backup-api-'));
});

afterEach(() => {
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backups:list and backups:create', () => {
  it('lists the backups newest first with their time, size and document count', async () => {
    app = open();
    expect(await call('backups:list', {})).toEqual({ dir: path.join(dir, BACKUP_DIR), backups: [] });
    await call('docs:create', { kind: 'rfc', title: 'One' });
    const first = await call('backups:create', {});
    await call('docs:create', { kind: 'adr', title: 'Two' });
    const second = await call('backups:create', {});
    expect(first).toMatchObject({ id: expect.stringMatching(/^designdesk-\d{8}T\d{9}Z\.sqlite$/), documents: 1 });
    expect(second.documents).toBe(2);
    expect(second.bytes).toBe(fs.statSync(path.join(dir, BACKUP_DIR, second.id)).size);
    expect(Date.parse(second.at)).toBeGreaterThan(Date.parse(first.at));
    expect((await call('backups:list', {})).backups).toEqual([second, first]);
    // Counting opened each backup read-only and left nothing beside it.
    expect(fs.readdirSync(path.join(dir, BACKUP_DIR)).sort()).toEqual([first.id, second.id]);
  });
});

describe('backups taken in the backup worker', () => {
  /** The source-built worker behind a wrapper that notes each job's type, so a test can see where the copy ran. */
  function recordingWorker(): { script: string; jobs: () => string[] } {
    const marker = path.join(dir, 'worker-jobs.txt');
    const script = path.join(dir, 'recording-worker.cjs');
    fs.writeFileSync(script, `require('node:fs').appendFileSync(${JSON.stringify(marker)}, require('node:worker_threads').workerData.type + '\\n');\nrequire(${JSON.stringify(sourceRestoreWorker().script)});\n`);
    return { script, jobs: () => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').split('\n').filter(Boolean) : []) };
  }

  it('"Back up now" copies in the worker while the app keeps writing: one standalone, complete copy', async () => {
    const worker = recordingWorker();
    app = open({ restoreWorker: { script: worker.script } });
    for (let i = 0; i < 40; i++) await call('docs:create', { kind: 'rfc', title: `Before ${i}` });
    const backingUp = call('backups:create', {});
    const during = await Promise.all(Array.from({ length: 10 }, (_, i) => call('docs:create', { kind: 'adr', title: `During ${i}` })));
    const backup = await backingUp;
    expect(worker.jobs()).toEqual(['backup']);
    expect(during).toHaveLength(10);
    // A snapshot from some moment of the writes: every document before it, none half-written.
    expect(backup.documents).toBeGreaterThanOrEqual(40);
    expect(backup.documents).toBeLessThanOrEqual(50);
    expect(fs.readdirSync(path.join(dir, BACKUP_DIR))).toEqual([backup.id]);
    const copy = new Database(path.join(dir, BACKUP_DIR, backup.id), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      copy.close();
    }
    // And it restores like any other.
    await call('backups:restore', { id: backup.id });
    expect((await titles()).filter((t) => t.startsWith('Before'))).toHaveLength(40);
    expect(worker.jobs()).toEqual(['backup', 'restore']);
  });

  it('the hourly backups run in the worker too', async () => {
    const worker = recordingWorker();
    const written: string[] = [];
    app = open({ restoreWorker: { script: worker.script }, backups: { onBackup: (f) => written.push(f) } });
    for (let i = 0; i < 200 && written.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(written).toHaveLength(1);
    expect(worker.jobs()).toEqual(['backup']);
  });

  it('says why a backup failed in the worker, and the app goes on', async () => {
    app = open({ restoreWorker: sourceRestoreWorker() });
    fs.writeFileSync(path.join(dir, BACKUP_DIR), 'a file where the backups folder should be');
    const r = await app.dispatch('backups:create', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(new RegExp(`^The backup could not be written to ${path.join(dir, BACKUP_DIR)}: .*EEXIST.*The library is unchanged\\.$`));
    expect(await call('docs:create', { kind: 'rfc', title: 'Still writing' })).toMatchObject({ title: 'Still writing' });
  });
});

describe('backups:restore', () => {
  it('brings the library back as it was, in a worker, and restoring the undo backup undoes it', async () => {
    app = open({ restoreWorker: sourceRestoreWorker() });
    const keep = await call('docs:create', { kind: 'rfc', title: 'Keep me' });
    const lose = await call('docs:create', { kind: 'adr', title: 'Deleted by mistake' });
    const backup = await call('backups:create', {});
    await call('docs:update', { id: keep.id, baseRevision: keep.revision, body: 'edited after the backup' });
    await call('docs:delete', { id: lose.id });
    await call('docs:create', { kind: 'postmortem', title: 'Written after the backup' });

    const restoring = call('backups:restore', { id: backup.id });
    // A call made while the restore runs waits for it and sees the restored library.
    const meanwhile = call('docs:list', {});
    const result = await restoring;
    expect((await meanwhile).map((d) => d.title).sort()).toEqual(['Deleted by mistake', 'Keep me']);
    expect(result.restored).toEqual(backup);
    expect(result.undo.documents).toBe(2);
    expect(await titles()).toEqual(['Deleted by mistake', 'Keep me']);
    expect((await call('docs:get', { id: keep.id })).body).not.toBe('edited after the backup');
    expect(await call('search:query', { q: 'mistake' })).toMatchObject([{ title: 'Deleted by mistake' }]);
    // The undo backup is what is kept of the replaced database: no second copy beside it, no leftovers.
    expect(files().filter((f) => /before-restore|\.restoring|\.partial/.test(f))).toEqual([]);
    // Still a working app: a save and a backup on the reopened database.
    await call('docs:create', { kind: 'rfc', title: 'After the restore' });
    expect((await call('backups:list', {})).backups.map((b) => b.id)).toEqual([result.undo.id, backup.id]);

    await call('backups:restore', { id: result.undo.id });
    expect(await titles()).toEqual(['Keep me', 'Written after the backup']);
    expect((await call('docs:get', { id: keep.id })).body).toBe('edited after the backup');
    expect((await call('trash:list', {})).map((t) => t.title)).toEqual(['Deleted by mistake']);
  });

  it('can restore the oldest kept backup: the backup taken first does not rotate it away', async () => {
    app = open({ backups: { keep: 2, intervalMs: 3_600_000 } });
    await call('docs:create', { kind: 'rfc', title: 'Oldest' });
    const oldest = await call('backups:create', {});
    await call('docs:create', { kind: 'rfc', title: 'Newer' });
    await call('backups:create', {});
    expect((await call('backups:list', {})).backups.map((b) => b.id).at(-1)).toBe(oldest.id);
    await call('backups:restore', { id: oldest.id });
    expect(await titles()).toEqual(['Oldest']);
  });

  it('refuses while a sync runs, changing nothing, and restores once it ended', async () => {
    // A team "server" that takes the request and never answers: the sync waits in its fetch.
    const sockets = new Set<import('node:net').Socket>();
    const server = http.createServer(() => undefined);
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      app = open();
      await call('docs:create', { kind: 'rfc', title: 'Current' });
      const backup = await call('backups:create', {});
      await call('docs:create', { kind: 'rfc', title: 'Later' });
      const port = (server.address() as import('node:net').AddressInfo).port;
      await call('sync:setRemote', { url: `http://127.0.0.1:${port}/team.git`, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.test', auth: { kind: 'none' } });
      const syncing = app.dispatch('sync:run', {});
      await expect.poll(async () => (await call('sync:status', {})).running).toBe(true);
      const before = files();
      const refused = (await app.dispatch('backups:restore', { id: backup.id })) as Result<unknown>;
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'A sync is running: wait for it to finish (or cancel it), then restore.' } });
      expect(files()).toEqual(before);
      expect(await titles()).toEqual(['Current', 'Later']);
      await call('sync:cancel', {});
      await syncing;
      await call('backups:restore', { id: backup.id });
      expect(await titles()).toEqual(['Current']);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses an id that is not a listed backup name, with a message, and changes nothing', async () => {
    app = open();
    await call('docs:create', { kind: 'rfc', title: 'Current' });
    await call('backups:create', {});
    fs.writeFileSync(path.join(dir, 'elsewhere.sqlite'), 'x');
    const before = files();
    for (const id of ['../designdesk.sqlite', '/etc/passwd', path.join(dir, 'elsewhere.sqlite'), 'designdesk.sqlite', `${BACKUP_DIR}/x`, '']) {
      const r = (await app.dispatch('backups:restore', { id })) as Result<unknown>;
      expect(r, id).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'id: not the name of a backup: choose one from the list of backups' } });
    }
    const missing = (await app.dispatch('backups:restore', { id: 'designdesk-19990101T000000Z.sqlite' })) as Result<unknown>;
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no backup "designdesk-19990101T000000Z.sqlite" (any more): choose one from the list of backups.' } });
    expect(files()).toEqual(before);
    expect(await titles()).toEqual(['Current']);
  });

  it('refuses a damaged backup, leaves the library as it was and keeps working', async () => {
    app = open({ restoreWorker: sourceRestoreWorker() });
    await call('docs:create', { kind: 'rfc', title: 'Current' });
    const name = 'designdesk-20200101T000000000Z.sqlite';
    fs.mkdirSync(path.join(dir, BACKUP_DIR), { recursive: true });
    fs.writeFileSync(path.join(dir, BACKUP_DIR, name), 'SQLite format 3\0 but not really');
    const r = (await app.dispatch('backups:restore', { id: name })) as Result<unknown>;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/^The backup designdesk-20200101T000000000Z\.sqlite could not be restored: .+ Your library is as it was\.$/);
      expect(r.error.message).not.toContain(dir);
    }
    expect(files().filter((f) => f.includes('before-restore') || f.endsWith('.restoring'))).toEqual([]);
    expect(await titles()).toEqual(['Current']);
    await call('docs:create', { kind: 'adr', title: 'Still saving' });
    expect(await titles()).toEqual(['Current', 'Still saving']);
  });
});
