import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/main/app';
import { MemorySecretStore } from '../../src/main/sync/secretStore';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/errors';

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

/** Opens a workspace (createApp on a temp folder) whose outputs are checked against the contract. */
export function openWorkspace(name: string, now: () => Date = () => new Date()): Workspace {
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

/** A teammate without the app: a git CLI clone who edits files by hand and pushes. */
export interface Teammate {
  dir: string;
  git(...args: string[]): string;
  read(file: string): string;
  write(file: string, text: string): void;
  remove(file: string): void;
  /** Pulls, then commits everything and pushes. */
  pushAll(message: string): void;
  pull(): void;
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

export function cloneTeammate(url: string): Teammate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-teammate-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV, HOME: dir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('clone', '--quiet', url, '.');
  return {
    dir,
    git,
    read: (file) => fs.readFileSync(path.join(dir, file), 'utf8'),
    write: (file, text) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    },
    remove: (file) => fs.rmSync(path.join(dir, file)),
    pushAll(message) {
      git('pull', '--quiet', '--rebase');
      git('add', '-A');
      git('commit', '--quiet', '-m', message);
      git('push', '--quiet', 'origin', 'HEAD:main');
    },
    pull: () => void git('pull', '--quiet', '--rebase'),
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
