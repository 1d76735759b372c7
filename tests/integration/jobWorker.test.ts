import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runJobWorker, type JobWorkerHandlers } from '../../src/main/services/jobWorker';

// The worker start the restore and the publish share, against real worker threads.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-jobworker-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const file = path.join(dir, `${name}.cjs`);
  fs.writeFileSync(file, `const { parentPort, workerData } = require('node:worker_threads');\n${body}\n`);
  return file;
}

type Msg = { type: 'progress'; n: number } | { type: 'done'; value: number } | { type: 'failed'; message: string };

function handlers(progress: number[]): JobWorkerHandlers<Msg, number> {
  return {
    onMessage: (m, resolve, reject) => {
      if (m.type === 'progress') progress.push(m.n);
      else if (m.type === 'done') resolve(m.value);
      else reject(new Error(`failed: ${m.message}`));
    },
    stopped: (how) => new Error('error' in how ? `crashed: ${how.error.message}` : `quit with ${how.exitCode}`),
  };
}

describe('runJobWorker', () => {
  it('passes the job in, reports progress, and resolves with the answer (once, even if more follow)', async () => {
    const progress: number[] = [];
    const file = script('ok', `parentPort.postMessage({ type: 'progress', n: 1 }); parentPort.postMessage({ type: 'done', value: workerData.x * 2 }); parentPort.postMessage({ type: 'done', value: -1 });`);
    await expect(runJobWorker(file, { x: 21 }, handlers(progress))).resolves.toBe(42);
    expect(progress).toEqual([1]);
  });

  it("rejects with the worker's own failure message", async () => {
    const file = script('refuses', `parentPort.postMessage({ type: 'failed', message: 'no room' });`);
    await expect(runJobWorker(file, {}, handlers([]))).rejects.toThrow('failed: no room');
  });

  it('names an uncaught error in the worker', async () => {
    const file = script('throws', `throw new Error('boom');`);
    await expect(runJobWorker(file, {}, handlers([]))).rejects.toThrow('crashed: boom');
  });

  it('names a worker that ends without answering, with its exit code', async () => {
    const file = script('quits', `process.exit(3);`);
    await expect(runJobWorker(file, {}, handlers([]))).rejects.toThrow('quit with 3');
  });

  it('gives up on a worker that never answers, with the given error, and ends it', async () => {
    const file = script('hangs', `parentPort.postMessage({ type: 'progress', n: 1 }); setInterval(() => undefined, 1000);`);
    const progress: number[] = [];
    await expect(runJobWorker(file, {}, { ...handlers(progress), timeout: { ms: 300, error: () => new Error('stuck') } })).rejects.toThrow('stuck');
    expect(progress).toEqual([1]);
  });

  it('holds the worker to its heap limit', async () => {
    const file = script('grows', `const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random()));`);
    await expect(runJobWorker(file, {}, handlers([]), { maxOldGenerationSizeMb: 32 })).rejects.toThrow(/crashed: .*memory/i);
  });
});
