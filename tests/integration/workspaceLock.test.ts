import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/main/app';
import { main } from '../../src/main/cli/main';
import { LOCK_FILE, acquireWorkspaceLock, workspaceLockHolder } from '../../src/main/workspaceLock';
import { AppError } from '../../src/shared/errors';

// One workspace, one writer (docs/adr/0007-one-workspace-one-writer.md): the
// desktop app, the web host and writing CLI commands take designdesk.lock;
// a second one is refused with a message naming the holder; a lock left by a
// dead process is taken over; readers (list, show, search, export) still run.

let dir: string;
const ada = () => ({ name: 'Ada', email: 'ada@example.test' });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-lock-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A dead process's pid: a node that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function probe(owner: string, holdMs: number): { child: ChildProcess; loaded: Promise<void>; answer: Promise<{ ok: boolean; code?: string; message?: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/support/lockProbe.ts'), dir, owner, String(holdMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  lines.on('line', (l) => (waiters.length ? waiters.shift()!(l) : queue.push(l)));
  const next = (): Promise<string> => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => waiters.push(r)));
  const loaded = next().then((l) => expect(l).toBe('loaded'));
  return { child, loaded, answer: loaded.then(next).then((l) => JSON.parse(l)) };
}

describe('createApp with a lock', () => {
  it('refuses a second writer on the same workspace with a message naming the holder, then lets it in after close', () => {
    const web = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', lock: 'web', fallbackIdentity: ada });
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, owner: 'web', host: os.hostname() });
    const e = refusal(() => createApp({ workspaceDir: dir, bridge: 'electron', version: 'test', lock: 'desktop', fallbackIdentity: ada }));
    expect(e.code).toBe('CONFLICT');
    expect(e.data).toMatchObject({ reason: 'workspace-locked', holder: { owner: 'web', pid: process.pid } });
    expect(e.message).toMatch(new RegExp(`already open in DesignDesk in a browser \\(npm run web\\) \\(process ${process.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)\\. Close it first`));
    web.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const desktop = createApp({ workspaceDir: dir, bridge: 'electron', version: 'test', lock: 'desktop', fallbackIdentity: ada });
    expect(workspaceLockHolder(dir)).toMatchObject({ owner: 'desktop' });
    desktop.close();
  });

  it('lets apps without a lock (tests, readers) open the workspace meanwhile', () => {
    const web = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', lock: 'web', fallbackIdentity: ada });
    const reader = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: ada });
    web.documents.create('rfc', 'Written by the web host');
    expect(reader.documents.list().map((d) => d.title)).toEqual(['Written by the web host']);
    reader.close();
    web.close();
  });
});

describe('across processes', () => {
  it('refuses another process while the lock is held, and lets it in once released', async () => {
    const lock = acquireWorkspaceLock(dir, 'desktop');
    const p = probe('web', 0);
    await p.loaded;
    p.child.stdin!.write('go\n');
    const answer = await p.answer;
    expect(answer).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(answer.message).toMatch(/already open in the DesignDesk desktop app/);
    lock.release();
    const q = probe('web', 0);
    await q.loaded;
    q.child.stdin!.write('go\n');
    expect(await q.answer).toEqual({ ok: true });
  });

  it('lets exactly one of eight processes that start at the same instant win', async () => {
    const probes = Array.from({ length: 8 }, () => probe('cli', 1500));
    await Promise.all(probes.map((p) => p.loaded));
    for (const p of probes) p.child.stdin!.write('go\n');
    const answers = await Promise.all(probes.map((p) => p.answer));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => a.code === 'CONFLICT')).toBe(true);
    await Promise.all(probes.map((p) => new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once('exit', r)))));
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a process that was killed', async () => {
    const p = probe('web', 60_000);
    await p.loaded;
    p.child.stdin!.write('go\n');
    expect(await p.answer).toEqual({ ok: true });
    expect(() => acquireWorkspaceLock(dir, 'desktop')).toThrow(/already open/);
    p.child.kill('SIGKILL');
    await new Promise((r) => p.child.once('exit', r));
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true); // left behind
    const lock = acquireWorkspaceLock(dir, 'desktop');
    expect(workspaceLockHolder(dir)).toMatchObject({ owner: 'desktop', pid: process.pid });
    lock.release();
  });
});

describe('lock files left behind', () => {
  const write = (holder: object): void => fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(holder));

  it('takes over a lock whose process no longer runs on this machine', () => {
    write({ pid: deadPid(), owner: 'web', host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', nonce: 'old' });
    const lock = acquireWorkspaceLock(dir, 'desktop');
    expect(lock.holder.owner).toBe('desktop');
    lock.release();
  });

  it('refuses a lock held on another machine (shared folder) and says how to clear it', () => {
    write({ pid: deadPid(), owner: 'desktop', host: 'other-laptop', startedAt: '2026-01-01T09:30:00.000Z', nonce: 'x' });
    const e = refusal(() => acquireWorkspaceLock(dir, 'web'));
    expect(e.message).toMatch(/desktop app \(process \d+ on other-laptop, since 2026-01-01 09:30 UTC\)/);
    expect(e.message).toContain(`delete ${path.join(dir, LOCK_FILE)}`);
  });

  it('waits out a lock file being written, and takes over one left half-written long ago', () => {
    fs.writeFileSync(path.join(dir, LOCK_FILE), '');
    expect(refusal(() => acquireWorkspaceLock(dir, 'web')).message).toMatch(/being opened by another DesignDesk process/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, LOCK_FILE), old, old);
    acquireWorkspaceLock(dir, 'web').release();
  });

  it('never removes a lock that is no longer its own', () => {
    const lock = acquireWorkspaceLock(dir, 'web');
    write({ pid: 1, owner: 'desktop', host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', nonce: 'someone-else' });
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
  });
});

describe('the CLI beside an open app', () => {
  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { DESIGNDESK_WORKSPACE: dir }, cwd: dir, platform: process.platform, home: dir, identity: ada, version: 'test' });
    return { code, stdout, stderr };
  }

  it('reads while the desktop app holds the workspace, and refuses to write with a clear message', async () => {
    const desktop = createApp({ workspaceDir: dir, bridge: 'electron', version: 'test', lock: 'desktop', fallbackIdentity: ada });
    desktop.documents.create('rfc', 'Open in the app');
    try {
      const list = await cli('list', '--json');
      expect(list.code).toBe(0);
      expect(list.stdout).toContain('Open in the app');
      expect((await cli('search', 'app')).code).toBe(0);
      const write = await cli('new', 'rfc', '--title', 'From the terminal');
      expect(write.code).toBe(1);
      expect(write.stderr).toMatch(/already open in the DesignDesk desktop app/);
      expect(desktop.documents.list().map((d) => d.title)).toEqual(['Open in the app']);
    } finally {
      desktop.close();
    }
    expect((await cli('new', 'rfc', '--title', 'From the terminal')).code).toBe(0);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});

describe('why WAL and busy_timeout alone are not enough', () => {
  it('a read-then-write transaction fails at once with SQLITE_BUSY_SNAPSHOT when another process wrote in between', () => {
    const file = path.join(dir, 'race.sqlite');
    const a = new Database(file);
    a.pragma('journal_mode = WAL');
    a.pragma('busy_timeout = 5000');
    a.exec('CREATE TABLE docs (number INTEGER UNIQUE)');
    const b = new Database(file);
    b.pragma('busy_timeout = 5000');
    // A allocates "the next number" the way a service does: read, then insert, in one (deferred) transaction.
    a.exec('BEGIN');
    const next = (a.prepare('SELECT COUNT(*) AS n FROM docs').get() as { n: number }).n + 1;
    b.exec('BEGIN');
    b.prepare('INSERT INTO docs VALUES (1)').run();
    b.exec('COMMIT');
    const started = Date.now();
    expect(() => a.prepare('INSERT INTO docs VALUES (?)').run(next)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY_SNAPSHOT' }));
    expect(Date.now() - started).toBeLessThan(1000); // busy_timeout does not help: no waiting fixes a stale snapshot
    a.exec('ROLLBACK');
    a.close();
    b.close();
  });
});
