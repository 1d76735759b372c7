import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import { startGitServer, type GitServer } from '../support/gitServer';

const AUTH = { username: 'ci-bot', password: 's3cret-pass' };
let server: GitServer;
let url: string;
let dir: string;
let n = 0;

beforeAll(async () => {
  server = await startGitServer({ auth: AUTH });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-sync-'));
  url = server.createRepo(`cli-${++n}.git`);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `designdesk ARGS` in-process on workspace `ws`, with extra environment variables. */
async function cli(ws: string, env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { DESIGNDESK_WORKSPACE: path.join(dir, ws), ...env },
    cwd: dir,
    platform: process.platform,
    home: dir,
    identity: () => ({ name: ws, email: `${ws.toLowerCase()}@example.com` }),
  });
  return { code, stdout, stderr };
}

const basic = { DESIGNDESK_USERNAME: AUTH.username, DESIGNDESK_PASSWORD: AUTH.password };

describe('designdesk remote and sync', () => {
  it('sync without a remote says how to set one (exit 1)', async () => {
    await cli('Ada', {}, 'init');
    const r = await cli('Ada', {}, 'sync');
    expect([r.code, r.stderr]).toEqual([1, 'designdesk sync: No team repository is connected: run "designdesk remote set URL [--branch BRANCH]" first.\n']);
    expect((await cli('Ada', {}, 'remote')).stdout).toContain('No team repository is connected.');
  });

  it('remote set takes credentials from the environment; sync pushes, a second workspace pulls', async () => {
    await cli('Ada', {}, 'init');
    const set = await cli('Ada', basic, 'remote', 'set', url, '--branch', 'main');
    expect([set.code, set.stdout]).toEqual([0, `Team repository set: ${url} (branch main, user ci-bot, password (stored)). Run "designdesk sync" to sync.\n`]);
    const shown = await cli('Ada', {}, 'remote', 'show', '--json');
    expect(JSON.parse(shown.stdout)).toMatchObject({ url, branch: 'main', auth: { kind: 'basic', username: 'ci-bot' }, hasSecret: true });
    expect(shown.stdout).not.toContain(AUTH.password);

    await cli('Ada', {}, 'import', path.resolve(__dirname, '../fixtures/import/adr-tools'));
    const pushed = await cli('Ada', {}, 'sync', '--json');
    expect(pushed.code).toBe(0);
    expect(JSON.parse(pushed.stdout)).toMatchObject({ in: 0, out: 4, conflicts: 0, errors: [] });

    await cli('Bob', {}, 'init');
    expect((await cli('Bob', basic, 'remote', 'set', url)).code).toBe(0);
    const pulled = await cli('Bob', {}, 'sync');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toMatch(/^in {2}added +ADR-1 +Record architecture decisions {2}\(adrs\/0001-record-architecture-decisions\.md\)$/m);
    expect(pulled.stdout).toContain(`Synced with ${url} (main): 4 in, 0 out, 0 conflicts, nothing to push.`);
    const list = JSON.parse((await cli('Bob', {}, 'list', '--json', '--sort', 'number')).stdout) as Array<{ title: string; status: string }>;
    expect(list.map((d) => [d.title, d.status])).toEqual([
      ['Record architecture decisions', 'accepted'],
      ['Store orders in PostgreSQL', 'superseded'],
      ['Store orders in CockroachDB', 'accepted'],
      ['Pin CockroachDB to one region', 'proposed'],
    ]);
  });

  it('wrong credentials in the environment fail the sync with exit 1 and a message; half-given credentials are bad usage', async () => {
    await cli('Ada', {}, 'init');
    await cli('Ada', basic, 'remote', 'set', url);
    await cli('Ada', {}, 'new', 'rfc', '--title', 'Anything');
    const r = await cli('Ada', { DESIGNDESK_USERNAME: 'ci-bot', DESIGNDESK_PASSWORD: 'wrong' }, 'sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^designdesk sync: .+/);
    expect(r.stderr.toLowerCase()).toMatch(/auth|credential|password|refused|denied/);
    expect((await cli('Ada', { DESIGNDESK_USERNAME: 'ci-bot' }, 'sync')).code).toBe(2);
  });
});
