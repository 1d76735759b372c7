import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startGitServer } from '../../tests/support/gitServer';
const run = promisify(execFile);
const src = process.argv[2]!; // a bare repo with main
const server = await startGitServer();
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-files-'));
await run('bash', ['-c', `git --git-dir=${src} archive main | tar -x -C ${files}`]);
const env = { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@x' };
for (let k = 0; k < 2; k++) {
  const url = server.createRepo(`c${k}.git`);
  const w = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-w-'));
  fs.cpSync(files, w, { recursive: true });
  await run('git', ['init', '-q', '-b', 'main'], { cwd: w });
  await run('git', ['remote', 'add', 'origin', url], { cwd: w });
  const t = performance.now();
  await run('git', ['add', '-A'], { cwd: w, env });
  const t1 = performance.now();
  await run('git', ['commit', '-q', '-m', 'x'], { cwd: w, env });
  const t2 = performance.now();
  await run('git', ['push', '-q', 'origin', 'main'], { cwd: w, env });
  const t3 = performance.now();
  console.log('cli', (t3 - t).toFixed(0), 'add', (t1 - t).toFixed(0), 'commit', (t2 - t1).toFixed(0), 'push', (t3 - t2).toFixed(0));
}
await server.close();
