import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { main } from '../../src/main/cli/main';
import { createLogger } from '../../src/main/log/logger';
import { backupDatabase } from '../../src/main/store/backup';
import { REPO_DIR } from '../../src/main/sync/syncService';
import { TOKEN_HEADER, startWebHost, type WebHost } from '../../src/main/web/webHost';
import { apiRequest } from '../support/http';
import { requireRenderer } from '../support/renderer';
import { startGitServer, type GitServer } from '../support/gitServer';

// A secret given for sync (a token, a password, even a wrong one) never
// appears in an API response, the log, the SQLite file (with its WAL and a
// backup), the workspace's git clone, the pushed team repository (every git
// object, decompressed), an export, or CLI output. Set up as `npm run web`
// runs: the web host in front, secrets in the file store beside the database.
// Complements tests/integration/syncAuth.test.ts (memory secret store, in-process).

const PASSWORD = 'Pa55-word-that-must-stay-put-7d1e';
const TOKEN = 'glpat-TokenThatMustNeverLeak-93f2a1';
const WRONG = 'Wr0ng-but-still-secret-5c4b';
const CLI_TOKEN = 'ghp_CliTokenThatMustNeverLeak-11aa';
const SECRETS = [PASSWORD, TOKEN, WRONG, CLI_TOKEN];

/** Each secret as it might be spelled on the wire or on disk. */
const spellings = (s: string): string[] => [s, encodeURIComponent(s), Buffer.from(`ada:${s}`).toString('base64'), Buffer.from(`${s}:`).toString('base64'), Buffer.from(s).toString('base64')];

let base: string;
let ws: string;
let logs: string;
let server: GitServer;
let url: string;
let app: App;
let host: WebHost;
const responses: string[] = [];
const cliOutput: string[] = [];

async function api(channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const r = await apiRequest(host.port, channel, input, { [TOKEN_HEADER]: host.token });
  responses.push(`${r.status} ${JSON.stringify(r.headers)} ${r.body}`);
  return JSON.parse(r.body);
}

/** Every file below `dir` as raw bytes (latin1, so any byte sequence matches), except `skip`. */
function rawFiles(dir: string, skip: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (skip.includes(p)) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, fs.readFileSync(p).toString('latin1'));
    }
  };
  walk(dir);
  return out;
}

/** Every object of a git repository, decompressed (objects on disk are zlib-compressed, so a raw grep proves nothing). */
function gitObjects(repo: string): string {
  return execFileSync('git', ['cat-file', '--batch-all-objects', '--batch', '--unordered'], { cwd: repo, encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
}

function leaksIn(where: string, text: string): string[] {
  return SECRETS.flatMap((s) => spellings(s).filter((sp) => text.includes(sp)).map((sp) => `${where} contains ${sp === s ? s : `a spelling of ${s}`}`));
}

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-secrets-'));
  ws = path.join(base, 'ws');
  logs = path.join(base, 'logs');
  server = await startGitServer({ auth: { username: 'ada', password: PASSWORD } });
  url = server.createRepo('team.git');
  const log = createLogger({ dir: logs, name: 'designdesk-web' });
  app = createApp({ workspaceDir: ws, bridge: 'web', version: 'test', lock: 'web', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }), dispatch: { onInternalError: (channel, e) => log.error(`${channel} failed`, e) } });
  host = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer() });
  log.info(`web host on ${host.url}`);

  const remote = { url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com' };
  await api('docs:create', { kind: 'rfc', title: 'Secrets stay in main' });
  await api('docs:create', { kind: 'adr', title: 'Tokens never reach the renderer' });
  expect(await api('sync:setRemote', { ...remote, auth: { kind: 'token', token: TOKEN } })).toMatchObject({
    ok: true,
    // The web host keeps secrets in an owner-only file: the user is told it is not encrypted.
    value: { hasSecret: true, secretWarning: expect.stringContaining('not encrypted') },
  });
  expect(await api('sync:run', {})).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } }); // this server wants ada's password
  expect(await api('sync:testRemote', { ...remote, auth: { kind: 'basic', username: 'ada', password: WRONG } })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
  await api('sync:setRemote', { ...remote, auth: { kind: 'basic', username: 'ada', password: WRONG } });
  expect(await api('sync:run', {})).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
  await api('sync:setRemote', { ...remote, auth: { kind: 'basic', username: 'ada', password: PASSWORD } });
  expect(await api('sync:testRemote', { ...remote, auth: { kind: 'basic', username: 'ada' } })).toMatchObject({ ok: true });
  expect(await api('sync:run', {})).toMatchObject({ ok: true, value: { out: 2 } });
  for (const channel of ['sync:status', 'sync:getRemote', 'sync:conflicts', 'docs:list', 'app:info', 'dashboard:get']) await api(channel, {});
  await backupDatabase(app.db, path.join(ws, 'backups'));
  app.exporter.exportTo(path.join(base, 'export'));

  // The CLI takes a token from the environment; it must not print it (remote set, remote show, a failing sync).
  const cliWs = path.join(base, 'cli-ws');
  const io = (env: Record<string, string>) => ({ stdout: (t: string) => void cliOutput.push(t), stderr: (t: string) => void cliOutput.push(t), env: { DESIGNDESK_WORKSPACE: cliWs, ...env }, cwd: base, platform: process.platform, home: base, identity: () => ({ name: 'Ada', email: 'ada@example.com' }), version: 'test' });
  await main(['init'], io({}));
  await main(['remote', 'set', url, '--branch', 'main'], io({ DESIGNDESK_TOKEN: CLI_TOKEN }));
  await main(['remote', 'show'], io({}));
  await main(['remote', 'show', '--json'], io({}));
  await main(['sync'], io({}));
});

afterAll(async () => {
  await host?.close();
  app?.close();
  await server?.close();
  fs.rmSync(base, { recursive: true, force: true });
});

describe('a sync secret stays in the secret store', () => {
  it('is in the secret store file (owner-only), so the searches below would find it', () => {
    const file = path.join(ws, 'secrets.json');
    expect(fs.readFileSync(file, 'utf8')).toContain(PASSWORD);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN); // switching to a password forgot the token
    expect(fs.readFileSync(path.join(base, 'cli-ws', 'secrets.json'), 'utf8')).toContain(CLI_TOKEN);
  });

  it('never appears in an API response (bodies and headers)', () => {
    expect(responses.length).toBeGreaterThan(12);
    expect(leaksIn('an API response', responses.join('\n'))).toEqual([]);
  });

  it('never appears in the log', () => {
    const text = [...rawFiles(logs).values()].join('\n');
    expect(text).toContain('web host on');
    expect(leaksIn('the log', text)).toEqual([]);
  });

  it('never appears in the SQLite file, its WAL, or a backup', () => {
    const files = [...rawFiles(ws).entries()].filter(([f]) => /designdesk\.sqlite(-wal|-shm)?$|backups\//.test(f));
    expect(files.map(([f]) => path.relative(ws, f))).toEqual(expect.arrayContaining(['designdesk.sqlite', 'designdesk.sqlite-wal']));
    expect(files.some(([f]) => f.includes('backups'))).toBe(true);
    for (const [f, text] of files) expect(leaksIn(path.relative(ws, f), text)).toEqual([]);
  });

  it('never appears anywhere else in the workspace, nor in any object of its git clone', () => {
    const skip = [path.join(ws, 'secrets.json')];
    for (const [f, text] of rawFiles(ws, skip)) expect(leaksIn(path.relative(ws, f), text)).toEqual([]);
    const clone = path.join(ws, REPO_DIR);
    const objects = gitObjects(clone);
    expect(objects).toContain('Secrets stay in main');
    expect(leaksIn('the workspace clone', objects)).toEqual([]);
  });

  it('never reaches the team repository (every object decompressed, config and refs) or an export', () => {
    const bare = server.repoDir('team.git');
    const objects = gitObjects(bare);
    expect(objects).toContain('Tokens never reach the renderer');
    expect(leaksIn('the pushed repository', objects)).toEqual([]);
    for (const [f, text] of rawFiles(bare)) expect(leaksIn(path.relative(bare, f), text)).toEqual([]);
    const exported = rawFiles(path.join(base, 'export'));
    expect(exported.size).toBeGreaterThan(2);
    for (const [f, text] of exported) expect(leaksIn(`export ${path.basename(f)}`, text)).toEqual([]);
  });

  it('never appears in CLI output', () => {
    expect(cliOutput.join('')).toMatch(/token/i);
    expect(leaksIn('CLI output', cliOutput.join(''))).toEqual([]);
  });
});
