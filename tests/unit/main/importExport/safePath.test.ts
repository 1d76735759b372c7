import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeJoin, unsafePathReason, writeFileSafely } from '../../../../src/main/importExport/safePath';

let root: string;
let outside: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-export-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-outside-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('unsafePathReason', () => {
  it.each([
    ['../escape.md', /leaves the export folder/],
    ['adrs/../../escape.md', /leaves the export folder/],
    ['./x.md', /leaves the export folder/],
    ['/etc/passwd', /absolute/],
    ['\\\\server\\share\\x.md', /absolute/],
    ['C:\\x.md', /absolute/],
    ['CON', /device name/],
    ['adrs/nul.md', /device name/],
    ['adrs/com1.txt', /device name/],
    ['LPT9.md', /device name/],
    ['adrs/a:b.md', /character/],
    ['adrs/x.md.', /ends with a dot/],
    ['adrs/a\u0000b.md', /character/],
    ['', /empty/],
  ])('refuses %j', (rel, reason) => {
    expect(unsafePathReason(rel)).toMatch(reason);
    expect(() => safeJoin(root, rel)).toThrow(/Refused/);
  });

  it.each(['adrs/0001-use-postgres.md', 'doc/adr/0002-x.md', 'console.md', 'nullable.md', 'postmortems/2026-11-20-outage.md'])('accepts %j', (rel) => {
    expect(unsafePathReason(rel)).toBeNull();
    expect(safeJoin(root, rel).startsWith(root)).toBe(true);
  });
});

describe('writeFileSafely', () => {
  it('creates folders and writes the file', () => {
    writeFileSafely(root, 'adrs/0001-a.md', 'A');
    expect(fs.readFileSync(path.join(root, 'adrs', '0001-a.md'), 'utf8')).toBe('A');
    writeFileSafely(root, 'adrs/0001-a.md', 'B');
    expect(fs.readFileSync(path.join(root, 'adrs', '0001-a.md'), 'utf8')).toBe('B');
  });

  it('never writes through a symbolic link to a folder inside the target', () => {
    fs.symlinkSync(outside, path.join(root, 'adrs'));
    expect(() => writeFileSafely(root, 'adrs/0001-a.md', 'A')).toThrow(/symbolic link adrs/);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('never overwrites a symbolic link to a file', () => {
    const victim = path.join(outside, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    fs.symlinkSync(victim, path.join(root, 'x.md'));
    expect(() => writeFileSafely(root, 'x.md', 'overwritten')).toThrow(/symbolic link x.md/);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
  });
});
