// Small measuring helpers shared by the bench's parts: percentiles, the git
// CLI with its time and peak memory, temporary folders.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The p-th percentile (0-100) of the values, nearest-rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A process and every process under it. Processes started after `pid` have
 * higher ids (no wrap-around during one command), so only those are read.
 */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    const p = Number(name);
    if (!Number.isInteger(p) || p <= pid) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'latin1');
      parents.set(p, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, parent] of parents) {
      if (!tree.has(p) && tree.has(parent)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return [...tree];
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples, every 10 ms, the resident memory of a process and of every
 * process under it, summed: the peak of a git command is that of the helpers
 * it starts (git-remote-http, pack-objects), which GNU time does not count.
 * Null where /proc cannot tell.
 */
function sampleTree(pid: number): () => number | null {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return () => null;
  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, processTree(pid).reduce((n, p) => n + rssOf(p), 0));
  };
  sample();
  const timer = setInterval(sample, 10);
  return () => {
    clearInterval(timer);
    return peak > 0 ? peak : null;
  };
}

export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Tess Teammate',
  GIT_AUTHOR_EMAIL: 'tess@example.test',
  GIT_COMMITTER_NAME: 'Tess Teammate',
  GIT_COMMITTER_EMAIL: 'tess@example.test',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  // No automatic gc or maintenance: it runs detached after a command returns and would eat into the next measurement.
  GIT_CONFIG_COUNT: '2',
  GIT_CONFIG_KEY_0: 'gc.auto',
  GIT_CONFIG_VALUE_0: '0',
  GIT_CONFIG_KEY_1: 'maintenance.auto',
  GIT_CONFIG_VALUE_1: 'false',
};

export interface CommandRun {
  ms: number;
  /** Peak resident memory of the command and its children, summed, bytes (null where /proc cannot tell). */
  peakRss: number | null;
  stdout: string;
}

/**
 * Runs a command asynchronously (the git server lives in this process and
 * must keep answering) and times it; throws with its stderr on failure.
 */
export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  /** Exit codes that are not failures (ripgrep exits 1 when nothing matches). */
  okCodes?: readonly number[];
  /** Sample the peak memory of the command and its children. */
  memory?: boolean;
}

export function runCommand(cmd: string, args: readonly string[], cwd: string, options: CommandOptions = {}): Promise<CommandRun> {
  const { env = GIT_ENV, okCodes = [0], memory = true } = options;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    let stop: (() => number | null) | null = null;
    const child = execFile(cmd, [...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - t0;
      const peakRss = stop?.() ?? null;
      const code = typeof error?.code === 'number' ? error.code : error ? -1 : 0;
      if (!okCodes.includes(code)) reject(new Error(`${cmd} ${args.join(' ')} failed in ${cwd}: ${stderr || error?.message}`));
      else resolve({ ms, peakRss, stdout });
    });
    if (memory && child.pid) stop = sampleTree(child.pid);
  });
}

/** Runs git commands one after the other; the total time and the largest peak memory among them. */
export async function gitSteps(cwd: string, steps: readonly (readonly string[])[]): Promise<{ ms: number; peakRss: number | null }> {
  let ms = 0;
  let peak: number | null = null;
  for (const args of steps) {
    const r = await runCommand('git', args, cwd);
    ms += r.ms;
    if (r.peakRss !== null) peak = Math.max(peak ?? 0, r.peakRss);
  }
  return { ms, peakRss: peak };
}

/** A fresh temporary folder under the bench's root. */
export function tempDir(root: string, name: string): string {
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, `${name}-`));
}

/** A root folder for one bench run (removed at the end unless kept). */
export function benchRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-bench-'));
}

/** Lists every file under a folder, relative, '/' separated (no .git). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
}
