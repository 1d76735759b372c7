// Figure 7: the web host as `npm run web` starts it (src/main/web/webMain.ts,
// bundled as scripts/build-main.mjs bundles it), cold, on the corpus
// workspace: from spawning the server to the first library row painted in
// Chromium, and the server's resident memory then. Reference: the same on a
// workspace holding one document.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser';
import { bundle, BUNDLE_DIR } from './bundle';
import { runCommand } from './measure';

const RENDERER = path.resolve('dist/renderer');

export interface WebSample {
  ms: number;
  rss: number;
}

/**
 * Bundles the web host's entry into node_modules/.cache (fresh on every run,
 * so it is never stale) beside a link to the built renderer, building the
 * renderer first when it is missing (a fresh clone).
 */
export async function buildWebHost(log: (line: string) => void): Promise<string> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) {
    log('  building the renderer (dist/renderer is missing)…');
    await runCommand(path.resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], process.cwd(), { env: process.env, memory: false });
  }
  const entry = await bundle('src/main/web/webMain.ts', 'web');
  const link = path.join(BUNDLE_DIR, 'renderer');
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(RENDERER, link, 'dir');
  return entry;
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /open:\s+(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`the web host exited (code ${code}) before it was ready: ${err || out}`)));
  });
}

/** One cold start: spawn the host, open it in a fresh Chromium profile, wait for the first row painted. */
async function coldStart(entry: string, workspaceDir: string, logDir: string): Promise<WebSample> {
  const browser = await launchBrowser();
  let child: ChildProcess | null = null;
  try {
    const page = await browser.context.newPage();
    const t0 = performance.now();
    child = spawn(process.execPath, [entry, '--workspace', workspaceDir, '--port', '0'], { env: { ...process.env, DESIGNDESK_LOG_DIR: logDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await waitForUrl(child);
    await page.goto(url);
    await page.locator('[role="row"][aria-rowindex="2"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    // Two animation frames: the row has been painted, not only inserted.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const ms = performance.now() - t0;
    const rss = rssOf(child.pid!);
    return { ms, rss };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    await browser.close();
    // The host backs the database up on every start: drop them between reps.
    fs.rmSync(path.join(workspaceDir, 'backups'), { recursive: true, force: true });
  }
}

/** Figure 7: `reps` cold starts on the corpus workspace and on the one-document reference, alternating. */
export async function runWebBench(o: { entry: string; workspaceDir: string; referenceDir: string; root: string; reps: number; log: (line: string) => void }): Promise<{ ours: WebSample[]; reference: WebSample[] }> {
  const logDir = path.join(o.root, 'logs');
  const ours: WebSample[] = [];
  const reference: WebSample[] = [];
  for (let r = 0; r < o.reps; r++) {
    const a = await coldStart(o.entry, o.workspaceDir, logDir);
    const b = await coldStart(o.entry, o.referenceDir, logDir);
    ours.push(a);
    reference.push(b);
    o.log(`  web host ${r + 1}/${o.reps}: first row ${a.ms.toFixed(0)} ms (1 document: ${b.ms.toFixed(0)} ms), server ${(a.rss / 2 ** 20).toFixed(0)} MB`);
  }
  return { ours, reference };
}
