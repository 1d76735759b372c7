import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { Person } from '../shared/document';

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
