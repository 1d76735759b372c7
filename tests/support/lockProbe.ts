// Tries to take a workspace's lock from another process, for
// tests/integration/workspaceLock.test.ts:
//   node --import tsx tests/support/lockProbe.ts <workspace dir> <owner> <hold ms>
// Prints "loaded", waits for "go" on stdin (so several probes contend at the
// same instant), then prints {"ok":true} or {"ok":false,"code","message"},
// holds a won lock for <hold ms> and exits (releasing it).
import readline from 'node:readline';
import { isAppError } from '../../src/shared/errors';
import { acquireWorkspaceLock, type LockOwner } from '../../src/main/workspaceLock';

const [dir, owner, holdMs] = process.argv.slice(2);
process.stdout.write('loaded\n');
readline.createInterface({ input: process.stdin }).once('line', () => {
  try {
    const lock = acquireWorkspaceLock(dir!, owner as LockOwner);
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
    setTimeout(() => {
      lock.release();
      process.exit(0);
    }, Number(holdMs ?? 0));
  } catch (e) {
    process.stdout.write(`${JSON.stringify(isAppError(e) ? { ok: false, code: e.code, message: e.message } : { ok: false, code: 'THROWN', message: String(e) })}\n`);
    process.exit(0);
  }
});
