import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitServer, type GitServer } from '../support/gitServer';
import { fsck, remoteShow } from '../support/syncWorkspace';
import { startTrickleProxy, type TrickleProxy } from '../support/trickleProxy';

// The installed command line (dist/main/cli.cjs with its dist/main/sync-worker.cjs): `npm run build:main` first.
const CLI = path.resolve('dist/main/cli.cjs');

let server: GitServer;
let proxy: TrickleProxy;
let home: string;

beforeAll(async () => {
  if (!fs.existsSync(CLI) || !fs.existsSync(path.resolve('dist/main/sync-worker.cjs'))) throw new Error('dist/main is not built: run "npm run build:main" first.');
  server = await startGitServer();
  proxy = await startTrickleProxy(server.port);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-worker-'));
});
afterAll(async () => {
  await proxy.close();
  await server.close();
  fs.rmSync(home, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `designdesk ARGS` as its own process (the test's git server keeps answering meanwhile). */
function designdesk(ws: string, ...args: string[]): Run {
  const child = spawn(process.execPath, [CLI, ...args, '--workspace', ws], { cwd: home, env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => void (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (stderr += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

async function ok(ws: string, ...args: string[]): Promise<string> {
  const r = await designdesk(ws, ...args).done;
  if (r.code !== 0) throw new Error(`designdesk ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

async function untilTrickling(run: Run): Promise<void> {
  let ended = false;
  void run.done.then(() => (ended = true));
  for (let i = 0; i < 600 && proxy.trickling === 0 && !ended; i++) await new Promise((r) => setTimeout(r, 50));
  if (proxy.trickling === 0) throw new Error(`the push did not start to trickle: ${JSON.stringify(ended ? await run.done : 'still running')}`);
}

describe('the command line sync in its worker', () => {
  // Twelve runs of the command line, each its own process: more than the default minute on a busy machine.
  it('Ctrl+C cancels a hanging fetch (exit 130, nothing changed); killing the process mid-push loses nothing; the next sync completes', { timeout: 240_000 }, async () => {
    const url = server.createRepo('cli-cancel.git');
    const ws = path.join(home, 'ada');
    await ok(ws, 'init', '--name', 'Ada', '--email', 'ada@example.com');
    await ok(ws, 'remote', 'set', proxy.url(new URL(url).pathname));
    await ok(ws, 'new', 'rfc', '--title', 'Sent from a train');
    await ok(ws, 'sync');
    const bob = path.join(home, 'bob');
    await ok(bob, 'init', '--name', 'Bob', '--email', 'bob@example.com');
    await ok(bob, 'remote', 'set', url);
    await ok(bob, 'sync');
    await ok(bob, 'new', 'adr', '--title', 'Written by Bob');
    await ok(bob, 'sync');

    proxy.trickle = 'git-upload-pack';
    proxy.trickling = 0;
    await ok(ws, 'set', 'RFC-1', 'title=Sent from a train, edited');
    const interrupted = designdesk(ws, 'sync');
    await untilTrickling(interrupted);
    interrupted.child.kill('SIGINT');
    const r = await interrupted.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/cancelling/);
    expect(r.stderr).toMatch(/designdesk sync: The sync was cancelled\. Your documents are as they were/);
    expect(JSON.parse(await ok(ws, 'list', '--json'))).toHaveLength(1);

    // Killed outright while the push hangs (the server took it): the process and its worker end together.
    proxy.trickle = 'git-receive-pack';
    proxy.trickling = 0;
    const killed = designdesk(ws, 'sync');
    await untilTrickling(killed);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');

    proxy.trickle = null;
    expect(JSON.parse(await ok(ws, 'sync', '--json'))).toMatchObject({ conflicts: 0, errors: [] });
    expect(JSON.parse(await ok(ws, 'list', '--json')).map((d: { title: string }) => d.title).sort()).toEqual(['Sent from a train, edited', 'Written by Bob']);
    expect(remoteShow(server.repoDir('cli-cancel.git'), 'rfcs/0001-sent-from-a-train.md')).toContain('title: Sent from a train, edited');
    expect(JSON.parse(await ok(ws, 'sync', '--json'))).toMatchObject({ in: 0, out: 0, commit: null });
    fsck(server.repoDir('cli-cancel.git'));
    fsck(path.join(ws, 'repo.git'));
  });
});
