import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { Person } from '../../shared/document';

/** The user's git identity (git config user.name / user.email), or the OS user name. */
export function defaultIdentity(): Person {
  const read = (key: string): string => {
    try {
      return execFileSync('git', ['config', '--get', key], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const name = read('user.name') || safeUserName();
  return { name, email: read('user.email') };
}

function safeUserName(): string {
  try {
    return os.userInfo().username || 'Me';
  } catch {
    return 'Me';
  }
}

export const RECENT_IDENTITIES_KEY = 'recentIdentities';
const MAX_RECENT_IDENTITIES = 8;

/**
 * The recent-identities list with `people` put first (most recent first),
 * without duplicates (same name and email) and capped; a stored value that
 * is not a list of people is treated as empty.
 */
export function rememberIdentities(stored: unknown, people: readonly Person[]): Person[] {
  const old = Array.isArray(stored)
    ? stored.filter((p): p is Person => typeof p === 'object' && p !== null && typeof (p as Person).name === 'string' && typeof (p as Person).email === 'string')
    : [];
  const out: Person[] = [];
  for (const p of [...people, ...old]) {
    if (!p.name.trim() || out.some((o) => o.name === p.name && o.email === p.email)) continue;
    out.push({ name: p.name, email: p.email });
  }
  return out.slice(0, MAX_RECENT_IDENTITIES);
}
