import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { setupGaps } from '../../scripts/ensure-setup.mjs';

// `npm start` and `npm test` are each enough on a fresh clone: both run the
// set-up when it is missing (scripts/ensure-setup.mjs), and `npm start`, where
// Electron's binary cannot be had (this machine and CI), serves the same app
// to a browser on the default workspace and prints its address.

const ROOT = path.resolve(__dirname, '../..');
const gaps = setupGaps as (root?: string) => string[];
const temps: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-start-'));
  temps.push(d);
  return d;
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the set-up check behind npm start and npm test', () => {
  it('finds this clone set up (the test run itself went through it)', () => {
    expect(gaps()).toEqual([]);
  });

  it('names what a fresh clone lacks, and a lockfile that changed since the install', () => {
    const clone = tempDir();
    fs.copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(clone, 'package-lock.json'));
    expect(gaps(clone)).toContain('node_modules is not installed');
    fs.mkdirSync(path.join(clone, 'node_modules'));
    fs.writeFileSync(path.join(clone, 'node_modules', '.designdesk-setup'), 'an older lockfile');
    expect(gaps(clone)).toContain('node_modules was installed from another package-lock.json or Node');
  });
});

describe('npm start without an Electron binary', () => {
  it('serves the app to a browser on 127.0.0.1 and prints where', async () => {
    // Set up already (else npm start would run the set-up itself, npm ci included, under the running tests).
    expect(gaps()).toEqual([]);
    const workspace = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, DESIGNDESK_NO_BROWSER: '1', DESIGNDESK_LOG_DIR: path.join(workspace, 'logs'), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    // Electron's binary is absent on these machines: the start script tries to fetch it, cannot, and falls back.
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--workspace', workspace, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const url = await new Promise<string>((resolve, reject) => {
      const check = setInterval(() => {
        const m = /open:\s+(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
        if (m) {
          clearInterval(check);
          resolve(m[1]!);
        }
      }, 100);
      child.on('exit', (code) => {
        clearInterval(check);
        reject(new Error(`npm start exited (${code}) before serving:\n${out}`));
      });
    });
    expect(out).toMatch(/Electron cannot run here \(.+\)/);
    expect(out).toContain(`workspace: ${workspace}`);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(fs.existsSync(path.join(workspace, 'designdesk.sqlite'))).toBe(true);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 300_000);
});
