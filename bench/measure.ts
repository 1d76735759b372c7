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

/** GNU time, when installed: gives the peak resident memory of a command and of its children. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

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
  /** Peak resident memory of the command and its children, bytes (null without GNU time). */
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
  /** Measure peak memory through GNU time (adds a process in between). */
  memory?: boolean;
}

export function runCommand(cmd: string, args: readonly string[], cwd: string, options: CommandOptions = {}): Promise<CommandRun> {
  const { env = GIT_ENV, okCodes = [0], memory = true } = options;
  const [file, argv] = GNU_TIME && memory ? [GNU_TIME, ['-f', '@@maxrss=%M', cmd, ...args]] : [cmd, [...args]];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - t0;
      const m = /@@maxrss=(\d+)/.exec(stderr);
      const code = typeof error?.code === 'number' ? error.code : error ? -1 : 0;
      if (!okCodes.includes(code)) reject(new Error(`${cmd} ${args.join(' ')} failed in ${cwd}: ${stderr.replace(/@@maxrss=\d+\s*/, '') || error?.message}`));
      else resolve({ ms, peakRss: m ? Number(m[1]) * 1024 : null, stdout });
    });
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
