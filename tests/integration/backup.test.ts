import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { BACKUP_DIR, backupDatabase, listBackups, restoreBackup, startAutoBackup } from '../../src/main/store/backup';
import { DB_FILE } from '../../src/main/store/openDatabase';

// Automatic online backups of the workspace database, their rotation, and
// the restore documented in docs/reliability.md.

let dir: string;
let app: App;
const ada = () => ({ name: 'Ada', email: 'ada@example.test' });
const open = (): App => createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: ada });
const titlesIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT title FROM documents WHERE deleted_at IS NULL ORDER BY number').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-backup-'));
  app = open();
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backupDatabase', () => {
  it('writes a complete, consistent copy and keeps only the newest N', async () => {
    app.documents.create('rfc', 'First');
    let t = Date.parse('2026-11-27T10:00:00Z');
    const now = () => new Date(t);
    const backups = path.join(dir, BACKUP_DIR);
    const first = await backupDatabase(app.db, backups, { now, keep: 3 });
    expect(path.basename(first)).toBe('designdesk-20261127T100000000Z.sqlite');
    expect(titlesIn(first)).toEqual(['First']);
    for (let i = 0; i < 5; i++) {
      t += 3_600_000;
      app.documents.create('rfc', `Hour ${i + 1}`);
      await backupDatabase(app.db, backups, { now, keep: 3 });
    }
    const kept = listBackups(backups);
    expect(kept.map((b) => b.at)).toEqual(['2026-11-27T15:00:00Z', '2026-11-27T14:00:00Z', '2026-11-27T13:00:00Z']);
    expect(titlesIn(kept[0]!.file)).toEqual(['First', 'Hour 1', 'Hour 2', 'Hour 3', 'Hour 4', 'Hour 5']);
    expect(fs.readdirSync(backups).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('two backups at once both complete; only a stale .partial is swept', async () => {
    // Found with Settings > Backups: the hourly backup on start and "Back up now" ran together,
    // and the first to finish deleted the other's .partial file mid-write (ENOENT on its rename).
    app.documents.create('rfc', 'Twice');
    const backups = path.join(dir, BACKUP_DIR);
    fs.mkdirSync(backups, { recursive: true });
    const stale = path.join(backups, 'designdesk-20200101T000000000Z.sqlite.partial');
    fs.writeFileSync(stale, 'left by a crash');
    const old = new Date(Date.now() - 11 * 60 * 1000);
    fs.utimesSync(stale, old, old);
    let t = Date.parse('2026-11-27T10:00:00Z');
    const now = () => new Date((t += 1000));
    const both = await Promise.all([backupDatabase(app.db, backups, { now }), backupDatabase(app.db, backups, { now })]);
    expect(both.map((f) => titlesIn(f))).toEqual([['Twice'], ['Twice']]);
    expect(fs.existsSync(stale)).toBe(false);
  });

  it('takes a consistent snapshot while the app keeps saving', async () => {
    const doc = app.documents.create('rfc', 'Busy');
    let rev = doc.revision;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        rev = app.documents.update({ id: doc.id, baseRevision: rev, body: `save ${i}\n${'x'.repeat(5000)}` }).revision;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = await backupDatabase(app.db, path.join(dir, BACKUP_DIR));
    writing = false;
    await writer;
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db.prepare('SELECT revision, body FROM documents WHERE id = ?').get(doc.id) as { revision: number; body: string };
      expect(row.body.startsWith(`save ${row.revision - 1}\n`)).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe('startAutoBackup', () => {
  it('backs up on start and then on every interval, until stopped; a failure is reported, not thrown', async () => {
    const backups = path.join(dir, BACKUP_DIR);
    const written: string[] = [];
    let t = Date.parse('2026-11-27T10:00:00Z');
    const auto = startAutoBackup(() => backupDatabase(app.db, backups, { now: () => new Date((t += 1000)) }), { intervalMs: 30, onBackup: (f) => written.push(f) });
    for (let i = 0; i < 100 && written.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    auto.stop();
    await auto.running();
    const count = written.length;
    expect(count).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(written.length).toBe(count);

    const errors: unknown[] = [];
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const failing = startAutoBackup(() => backupDatabase(app.db, path.join(dir, 'not-a-folder', 'backups')), { onError: (e) => errors.push(e) });
    await failing.running();
    failing.stop();
    expect(errors).toHaveLength(1);
    expect(app.documents.create('rfc', 'Still working').title).toBe('Still working');
  });

  it('runs from createApp when asked (the desktop app and the web host do)', async () => {
    const ws = path.join(dir, 'other');
    const written: string[] = [];
    const other = createApp({ workspaceDir: ws, bridge: 'web', version: 'test', fallbackIdentity: ada, backups: { onBackup: (f) => written.push(f) } });
    for (let i = 0; i < 100 && written.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    other.close();
    expect(listBackups(path.join(ws, BACKUP_DIR))).toHaveLength(1);
  });
});

describe('restore (docs/reliability.md)', () => {
  it('brings back the data of a backup and keeps the replaced database aside', async () => {
    const keep = app.documents.create('rfc', 'Keep me');
    const lose = app.documents.create('adr', 'Deleted by mistake');
    const backup = await backupDatabase(app.db, path.join(dir, BACKUP_DIR));
    app.documents.update({ id: keep.id, baseRevision: keep.revision, body: 'edited after the backup' });
    app.db.prepare('DELETE FROM documents WHERE id = ?').run(lose.id);
    app.documents.create('postmortem', 'Written after the backup');
    app.close();

    const { keptAs } = await restoreBackup(backup, path.join(dir, DB_FILE));
    expect(keptAs).toMatch(/designdesk\.sqlite\.before-restore-\d{8}T\d{9}Z$/);
    expect(titlesIn(keptAs!)).toEqual(['Keep me', 'Written after the backup']);
    expect(fs.existsSync(path.join(dir, `${DB_FILE}-wal`))).toBe(false);

    app = open();
    expect(app.documents.list().map((d) => d.title).sort()).toEqual(['Deleted by mistake', 'Keep me']);
    expect(app.documents.get(keep.id).body).not.toBe('edited after the backup');
    const hits = await app.dispatch('search:query', { q: 'mistake' });
    expect(hits).toMatchObject({ ok: true, value: [{ title: 'Deleted by mistake' }] });
  });

  it('keeps the newest three replaced databases, so repeated restores do not fill the disk', async () => {
    app.documents.create('rfc', 'Restored again and again');
    const backup = await backupDatabase(app.db, path.join(dir, BACKUP_DIR));
    app.close();
    const kept: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { keptAs } = await restoreBackup(backup, path.join(dir, DB_FILE), { now: () => new Date(Date.UTC(2026, 11, 2, 10, i)) });
      kept.push(path.basename(keptAs!));
    }
    const left = fs.readdirSync(dir).filter((f) => f.includes('.before-restore-')).sort();
    expect(left).toEqual(kept.slice(-3));
    app = open();
    expect(app.documents.list().map((d) => d.title)).toEqual(['Restored again and again']);
  });

  it('refuses a damaged backup and leaves the workspace as it was', async () => {
    app.documents.create('rfc', 'Current');
    const bad = path.join(dir, 'damaged.sqlite');
    fs.writeFileSync(bad, 'SQLite format 3\0 but not really');
    app.close();
    await expect(restoreBackup(bad, path.join(dir, DB_FILE))).rejects.toThrow();
    app = open();
    expect(app.documents.list().map((d) => d.title)).toEqual(['Current']);
  });
});
