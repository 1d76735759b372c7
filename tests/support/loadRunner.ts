import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export type LoadOp = 'save' | 'search' | 'list';

export interface LoadOptions {
  clients: number;
  seconds: number;
  /** Documents besides the one each client edits (search and list work over all). */
  extraDocs?: number;
  /** Pause between one client's requests, in ms (0: back to back). */
  thinkMs?: number;
}

export interface OpFigures {
  count: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface LoadReport {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  /** The first few errors, for the log. */
  errorSamples: string[];
  perSecond: number;
  overall: OpFigures;
  byOp: Record<LoadOp, OpFigures>;
  /** Peak resident memory of the host process, in MB (Linux only; null elsewhere). */
  hostPeakRssMb: number | null;
}

interface HostInfo {
  port: number;
  token: string;
  docs: { id: string; revision: number }[];
}

const QUERIES = ['sqlite', 'backup', 'merge review', 'latency', 'rollout budget', 'shard', 'RFC-3', 'token'];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function figures(latencies: number[], errors: number): OpFigures {
  const s = [...latencies].sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 100) / 100;
  return { count: s.length, errors, p50: round(percentile(s, 50)), p90: round(percentile(s, 90)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? 0) };
}

async function startHost(dir: string, clients: number, extra: number): Promise<{ child: ChildProcess; info: HostInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/support/loadHost.ts'), dir, String(extra), String(clients)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the load host exited (${code}) before it was ready`)));
  });
  return { child, info: JSON.parse(line) as HostInfo };
}

function peakRssMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Runs `clients` concurrent clients against a web host in a child process
 * for `seconds`: each saves its own document (tracking its revision, so a
 * CONFLICT is an error), searches and lists, one request at a time over its
 * own keep-alive connection. Loopback only; the workspace is a temp folder
 * removed afterwards.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-load-'));
  const { child, info } = await startHost(dir, options.clients, options.extraDocs ?? 200);
  const latencies: Record<LoadOp, number[]> = { save: [], search: [], list: [] };
  const errors: Record<LoadOp, number> = { save: 0, search: 0, list: 0 };
  const errorSamples: string[] = [];
  const deadline = performance.now() + options.seconds * 1000;

  const call = (agent: http.Agent, channel: string, input: unknown): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = http.request(
        { host: '127.0.0.1', port: info.port, method: 'POST', path: `/api/${channel}`, agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-designdesk-token': info.token } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  async function client(index: number): Promise<void> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const doc = { ...info.docs[index]! };
    let n = 0;
    while (performance.now() < deadline) {
      const op: LoadOp = n % 10 < 4 ? 'save' : n % 10 < 7 ? 'search' : 'list';
      n++;
      const started = performance.now();
      try {
        let r: { status: number; body: string };
        if (op === 'save') r = await call(agent, 'docs:update', { id: doc.id, baseRevision: doc.revision, body: `Client ${index}, save ${n}.\n\n${'Steady text. '.repeat(100)}` });
        else if (op === 'search') r = await call(agent, 'search:query', { q: QUERIES[(index + n) % QUERIES.length], limit: 20 });
        else r = await call(agent, 'docs:list', n % 20 === 0 ? { kind: 'rfc' } : {});
        latencies[op].push(performance.now() - started);
        const parsed = r.status === 200 ? (JSON.parse(r.body) as { ok: boolean; value?: { revision?: number }; error?: { code: string } }) : null;
        if (!parsed?.ok) {
          errors[op]++;
          if (errorSamples.length < 5) errorSamples.push(`${op}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
        } else if (op === 'save') {
          doc.revision = parsed.value!.revision!;
        }
      } catch (e) {
        errors[op]++;
        if (errorSamples.length < 5) errorSamples.push(`${op}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (options.thinkMs) await new Promise((r) => setTimeout(r, options.thinkMs));
    }
    agent.destroy();
  }

  const started = performance.now();
  let hostPeakRssMb: number | null = null;
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  } finally {
    hostPeakRssMb = peakRssMb(child.pid);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const elapsed = (performance.now() - started) / 1000;
  const all = [...latencies.save, ...latencies.search, ...latencies.list];
  const errorTotal = errors.save + errors.search + errors.list;
  return {
    clients: options.clients,
    seconds: Math.round(elapsed * 10) / 10,
    requests: all.length,
    errors: errorTotal,
    errorSamples,
    perSecond: Math.round(all.length / elapsed),
    overall: figures(all, errorTotal),
    byOp: { save: figures(latencies.save, errors.save), search: figures(latencies.search, errors.search), list: figures(latencies.list, errors.list) },
    hostPeakRssMb,
  };
}

/** The report as a small Markdown table (for docs/reliability.md and the console). */
export function formatLoadReport(r: LoadReport): string {
  const row = (name: string, f: OpFigures): string => `| ${name} | ${f.count} | ${f.errors} | ${f.p50} | ${f.p90} | ${f.p99} | ${f.max} |`;
  return [
    `${r.clients} clients, ${r.seconds} s, ${r.requests} requests (${r.perSecond}/s), ${r.errors} errors, host peak RSS ${r.hostPeakRssMb ?? '?'} MB`,
    '',
    '| operation | requests | errors | p50 ms | p90 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|',
    row('save (docs:update)', r.byOp.save),
    row('search (search:query)', r.byOp.search),
    row('list (docs:list)', r.byOp.list),
    row('all', r.overall),
  ].join('\n');
}
