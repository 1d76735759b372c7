import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/main/app';
import { MemorySecretStore } from '../../src/main/sync/secretStore';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/errors';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startGitServer, type GitServer, type GitServerOptions } from './gitServer';
import { sourceHealthWorker, sourceSyncWorker } from './sourceWorkers';

/** A DesignDesk workspace on a temp folder, as one laptop. */
export interface Workspace {
  name: string;
  dir: string;
  app: App;
  secrets: MemorySecretStore;
  /** Errors the dispatcher would log. */
  logged: string[];
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  refusal(channel: Channel, input: unknown): Promise<ApiError>;
  close(): void;
}

/** Opens a workspace (createApp on a temp folder) whose outputs are checked against the contract; its syncs run in the worker unless `syncInThread`. */
export function openWorkspace(name: string, now: () => Date = () => new Date(), syncInThread = false): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `designdesk-sync-${name}-`));
  const secrets = new MemorySecretStore();
  const logged: string[] = [];
  const app = createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    now,
    fallbackIdentity: () => ({ name, email: `${name.toLowerCase()}@example.com` }),
    secrets,
    // Syncs and the health checks after them run in their worker threads, as in the app (in this thread for tests
    // that spy on the engine's steps).
    ...(syncInThread ? {} : { syncWorker: sourceSyncWorker(), healthWorker: sourceHealthWorker() }),
    dispatch: { checkOutput: true, onInternalError: (channel, e) => logged.push(`${channel}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`) },
  });
  return {
    name,
    dir,
    app,
    secrets,
    logged,
    async call(channel, input) {
      const r = await app.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    async refusal(channel, input) {
      const r = await app.dispatch(channel, input);
      if (r.ok) throw new Error(`${channel} was expected to be refused`);
      return r.error;
    },
    close() {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A teammate without the app: a git CLI clone who edits files by hand and
 * pushes. Git runs asynchronously: the test's git server lives in this
 * process and must keep answering meanwhile.
 */
export interface Teammate {
  dir: string;
  git(...args: string[]): Promise<string>;
  read(file: string): string;
  write(file: string, text: string): void;
  remove(file: string): void;
  /** Pulls, then commits everything and pushes. */
  pushAll(message: string): Promise<void>;
  pull(): Promise<void>;
  files(folder: string): string[];
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Tess Teammate',
  GIT_AUTHOR_EMAIL: 'tess@example.com',
  GIT_COMMITTER_NAME: 'Tess Teammate',
  GIT_COMMITTER_EMAIL: 'tess@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

export async function cloneTeammate(url: string): Promise<Teammate> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-teammate-'));
  const git = (...args: string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      execFile('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV, HOME: dir }, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      });
    });
  await git('clone', '--quiet', url, '.');
  return {
    dir,
    git,
    read: (file) => fs.readFileSync(path.join(dir, file), 'utf8'),
    write: (file, text) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    },
    remove: (file) => fs.rmSync(path.join(dir, file)),
    async pushAll(message) {
      await git('add', '-A');
      await git('commit', '--quiet', '-m', message);
      await git('pull', '--quiet', '--rebase');
      await git('push', '--quiet', 'origin', 'HEAD:main');
    },
    async pull() {
      await git('pull', '--quiet', '--rebase');
    },
    files: (folder) => (fs.existsSync(path.join(dir, folder)) ? fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith('.md')).sort() : []),
  };
}

/** `git fsck --strict` on a bare repository; throws with git's report when it is not clean. */
export function fsck(repoDir: string): string {
  return execFileSync('git', ['fsck', '--strict', '--no-progress'], { cwd: repoDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The files of the remote branch, as the git CLI sees them. */
export function remoteFiles(repoDir: string): string[] {
  return execFileSync('git', ['ls-tree', '-r', '--name-only', 'main'], { cwd: repoDir, encoding: 'utf8' }).trim().split('\n').filter(Boolean);
}

export function remoteShow(repoDir: string, file: string): string {
  return execFileSync('git', ['show', `main:${file}`], { cwd: repoDir, encoding: 'utf8' });
}

export interface SyncFixture {
  server: GitServer;
  /** The current test's repository URL and bare folder (a fresh repository per test). */
  url: string;
  repo: string;
  /** A workspace connected to the current repository; closed (and checked for logged errors) after the test. */
  laptop(name: string, options?: { now?: () => Date; auth?: RemoteAuth; syncInThread?: boolean }): Promise<Workspace>;
}

type RemoteAuth = Input<'sync:setRemote'>['auth'];

/**
 * Registers the hooks of a sync test file: one git server for the file, a
 * fresh bare repository per test, `git fsck` of it after every test, and
 * every workspace closed with no internal error logged.
 */
export function useSyncFixture(options: GitServerOptions = {}): SyncFixture {
  const opened: Workspace[] = [];
  let n = 0;
  const fixture = {
    server: undefined as unknown as GitServer,
    url: '',
    repo: '',
    async laptop(name: string, opts: { now?: () => Date; auth?: RemoteAuth; syncInThread?: boolean } = {}) {
      const w = openWorkspace(name, opts.now, opts.syncInThread);
      opened.push(w);
      await w.call('sync:setRemote', { url: fixture.url, branch: 'main', authorName: name, authorEmail: `${name.toLowerCase()}@example.com`, auth: opts.auth ?? { kind: 'none' } });
      return w;
    },
  };
  beforeAll(async () => {
    fixture.server = await startGitServer(options);
  });
  afterAll(async () => {
    await fixture.server.close();
  });
  beforeEach(() => {
    const name = `team-${++n}.git`;
    fixture.url = fixture.server.createRepo(name);
    fixture.repo = fixture.server.repoDir(name);
  });
  afterEach(async () => {
    await fixture.server.restart();
    fsck(fixture.repo);
    for (const w of opened.splice(0)) {
      expect(w.logged).toEqual([]);
      w.close();
    }
  });
  return fixture;
}
