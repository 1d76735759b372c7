import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/errors';

/** The lock file in the workspace folder (docs/adr/0007-one-workspace-one-writer.md). */
export const LOCK_FILE = 'designdesk.lock';

/** Who holds a workspace: the desktop app, `npm run web`, or a writing CLI command. */
export type LockOwner = 'desktop' | 'web' | 'cli';

const OWNER_NAMES: Record<LockOwner, string> = {
  desktop: 'the DesignDesk desktop app',
  web: 'DesignDesk in a browser (npm run web)',
  cli: 'a designdesk command',
};

/** What the lock file records. */
export interface LockHolder {
  pid: number;
  owner: LockOwner;
  host: string;
  startedAt: string;
  /** Tells this holder's file from a later one written by another process with a reused pid. */
  nonce: string;
}

export interface WorkspaceLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
}

export interface LockOptions {
  now?: () => Date;
  /** Whether a process is alive (tests pass a fake). */
  isAlive?: (pid: number) => boolean;
  host?: string;
  /** A lock file with no readable holder is stale once it is this old (a crash between create and write). */
  unreadableStaleMs?: number;
}

/** True when the process exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.owner === 'string' && typeof h.host === 'string' && typeof h.nonce === 'string') return h as LockHolder;
  } catch {
    // Missing, half-written or not ours: the caller decides.
  }
  return null;
}

/** The sentence a refused process shows: who has the workspace, and what to do. */
export function lockedMessage(dir: string, holder: LockHolder, host: string): string {
  const who = `${OWNER_NAMES[holder.owner] ?? holder.owner} (process ${holder.pid}${holder.host !== host ? ` on ${holder.host}` : ''}, since ${holder.startedAt.slice(0, 16).replace('T', ' ')} UTC)`;
  const fix = holder.host !== host ? ` If that machine no longer runs DesignDesk, delete ${path.join(dir, LOCK_FILE)}.` : '';
  return `This workspace is already open in ${who}. Close it first, or use another workspace (--workspace DIR).${fix}`;
}

/**
 * Takes the workspace's one-writer lock with an exclusive create of
 * designdesk.lock (holding pid, owner, host). A lock left by a process that
 * no longer runs on this machine is taken over; a live one is refused with
 * AppError CONFLICT (data.reason 'workspace-locked') and a message that says
 * who holds it. The lock is also dropped when this process exits normally.
 */
export function acquireWorkspaceLock(dir: string, owner: LockOwner, options: LockOptions = {}): WorkspaceLock {
  const { now = () => new Date(), isAlive = processAlive, host = os.hostname(), unreadableStaleMs = 10_000 } = options;
  const file = path.join(dir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, owner, host, startedAt: now().toISOString(), nonce: crypto.randomBytes(8).toString('hex') };

  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const other = readHolder(file);
      if (other) {
        const stale = other.host === host && other.pid !== process.pid && !isAlive(other.pid);
        if (!stale) throw new AppError('CONFLICT', lockedMessage(dir, other, host), { reason: 'workspace-locked', holder: other });
      } else {
        let age = 0;
        try {
          age = now().getTime() - fs.statSync(file).mtimeMs;
        } catch {
          continue; // removed meanwhile: try again
        }
        if (age < unreadableStaleMs) {
          throw new AppError('CONFLICT', 'This workspace is being opened by another DesignDesk process. Try again in a moment.', { reason: 'workspace-locked' });
        }
      }
      takeOverStale(file, other);
      continue;
    }
    try {
      fs.writeSync(fd, JSON.stringify(holder));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return ownedLock(file, holder);
  }
  throw new AppError('CONFLICT', 'Could not take the workspace lock; another DesignDesk process keeps taking it. Try again.', { reason: 'workspace-locked' });
}

/**
 * Moves a stale lock aside (rename is atomic: one taker wins). If what was
 * moved turns out to be a fresh lock another taker wrote meanwhile, it is
 * linked back (never over a newer one), and the next attempt sees it.
 */
function takeOverStale(file: string, stale: LockHolder | null): void {
  const aside = `${file}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // someone else took it over first
  }
  const moved = readHolder(aside);
  if (moved && moved.nonce !== stale?.nonce) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // A newer lock is already there; it stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

function ownedLock(file: string, holder: LockHolder): WorkspaceLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    if (readHolder(file)?.nonce === holder.nonce) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, holder, release };
}

/** Who holds the workspace now, if anyone alive does (for messages and tests). */
export function workspaceLockHolder(dir: string, isAlive: (pid: number) => boolean = processAlive): LockHolder | null {
  const h = readHolder(path.join(dir, LOCK_FILE));
  return h && (h.host !== os.hostname() || isAlive(h.pid)) ? h : null;
}
