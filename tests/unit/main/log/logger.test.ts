import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, formatLine } from '../../../../src/main/log/logger';

const dirs: string[] = [];
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const T = new Date('2026-11-27T10:00:00.000Z');

describe('formatLine', () => {
  it('writes time, level and message on one line; an error keeps its stack, indented', () => {
    expect(formatLine(T, 'info', 'started')).toBe('2026-11-27T10:00:00.000Z INFO  started\n');
    expect(formatLine(T, 'warn', 'odd', { code: 7 })).toBe('2026-11-27T10:00:00.000Z WARN  odd: {"code":7}\n');
    const e = new Error('boom');
    e.stack = 'Error: boom\n    at here';
    expect(formatLine(T, 'error', 'docs:update failed', e)).toBe('2026-11-27T10:00:00.000Z ERROR docs:update failed: Error: boom\n        at here\n');
  });

  it('survives a detail that JSON cannot write', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatLine(T, 'error', 'x', loop)).toContain('[object Object]');
  });
});

describe('createLogger', () => {
  it('appends to <dir>/designdesk.log, creating the folder', () => {
    const dir = path.join(tmp(), 'logs');
    const log = createLogger({ dir, now: () => T });
    log.info('one');
    log.error('two', new Error('bad'));
    expect(log.file).toBe(path.join(dir, 'designdesk.log'));
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text.split('\n')[0]).toBe('2026-11-27T10:00:00.000Z INFO  one');
    expect(text).toContain('ERROR two: Error: bad');
  });

  it('rotates by size and keeps maxFiles files, dropping the oldest', () => {
    const dir = tmp();
    const log = createLogger({ dir, maxBytes: 200, maxFiles: 3, now: () => T });
    const line = (i: number): string => `entry ${String(i).padStart(3, '0')} ${'x'.repeat(60)}`;
    for (let i = 0; i < 12; i++) log.info(line(i));
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['designdesk.1.log', 'designdesk.2.log', 'designdesk.log']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(200);
    const current = fs.readFileSync(path.join(dir, 'designdesk.log'), 'utf8');
    const previous = fs.readFileSync(path.join(dir, 'designdesk.1.log'), 'utf8');
    const oldest = fs.readFileSync(path.join(dir, 'designdesk.2.log'), 'utf8');
    expect(current).toContain(line(11));
    // Newest in the current file, older ones shifted up by one; entry 0 is gone.
    const firstEntry = (t: string): number => Number(/entry (\d+)/.exec(t)![1]);
    expect(firstEntry(oldest)).toBeLessThan(firstEntry(previous));
    expect(firstEntry(previous)).toBeLessThan(firstEntry(current));
    expect(`${oldest}${previous}${current}`).not.toContain(line(0));
  });

  it('keeps one oversized line rather than losing it, and never throws when it cannot write', () => {
    const dir = tmp();
    const log = createLogger({ dir, maxBytes: 10 });
    log.info('a line longer than the limit');
    expect(fs.readFileSync(log.file, 'utf8')).toContain('a line longer');
    const blocked = path.join(dir, 'file-not-dir');
    fs.writeFileSync(blocked, '');
    expect(() => createLogger({ dir: path.join(blocked, 'logs') }).error('nowhere')).not.toThrow();
  });
});
