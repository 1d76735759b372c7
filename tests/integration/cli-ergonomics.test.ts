import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import { cliInProcess, type CliRun } from '../support/cliInProcess';

// Issue 16 item 4: global options before the command, plural and "decision" kinds, --version.
let dir: string;
let cli: (...args: string[]) => Promise<CliRun>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-ergo-'));
  cli = cliInProcess(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('designdesk global options before the command', () => {
  it('--workspace DIR and --json before the command work as after it', async () => {
    const other = path.join(dir, 'other');
    expect((await cli('--workspace', other, 'init')).code).toBe(0);
    expect((await cli('--workspace', other, 'new', 'adr', '--title', 'Use PostgreSQL')).code).toBe(0);
    const before = await cli('--workspace', other, '--json', 'list');
    expect([before.code, before.stderr]).toEqual([0, '']);
    expect((JSON.parse(before.stdout) as Array<{ title: string }>).map((d) => d.title)).toEqual(['Use PostgreSQL']);
    const equals = await cli(`--workspace=${other}`, 'list');
    expect([equals.code, equals.stdout]).toEqual([0, expect.stringContaining('Use PostgreSQL')]);
    const after = await cli('list', '--workspace', other, '--json');
    expect(after.stdout).toBe(before.stdout);
    // The default workspace (DESIGNDESK_WORKSPACE) was never created.
    expect((await cli('list')).code).toBe(1);
  });

  it('a command without a workspace ignores a leading --workspace; a missing value is bad usage', async () => {
    const lint = await cli('--workspace', path.join(dir, 'ws'), 'lint', path.join(dir, 'nowhere'));
    expect(lint.stderr).not.toContain('Unknown option');
    const missing = await cli('--workspace');
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--workspace needs a value (--workspace DIR).')]);
    const flagAsValue = await cli('--workspace', '--json', 'list');
    expect(flagAsValue.code).toBe(2);
    const help = await cli('--workspace', dir, '--help');
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: designdesk [--workspace DIR] [--json] COMMAND')]);
    const unknown = await cli('--workspace', dir, 'frobnicate');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('"frobnicate" is not a command')]);
  });
});

describe('designdesk kinds in the plural and as "decision"', () => {
  it('new, list --kind, search --kind and export --kind take decision(s), matrices, plurals and prefixes', async () => {
    await cli('init');
    for (const [kind, title] of [['decision', 'Pick a queue'], ['postmortems', 'Checkout outage'], ['rfcs', 'Tracing'], ['adrs', 'Use Kafka'], ['matrices', 'Pick a cache']]) {
      const r = await cli('new', kind!, '--title', title!);
      expect([kind, r.code, r.stderr]).toEqual([kind, 0, '']);
    }
    const titles = async (kind: string) => (JSON.parse((await cli('list', '--kind', kind, '--json')).stdout) as Array<{ title: string }>).map((d) => d.title).sort();
    for (const k of ['decisions', 'decision', 'matrix', 'matrices', 'DM', 'dms', 'Decision-Matrices']) expect([k, await titles(k)]).toEqual([k, ['Pick a cache', 'Pick a queue']]);
    for (const k of ['postmortems', 'pm', 'pms']) expect(await titles(k)).toEqual(['Checkout outage']);
    expect(await titles('RFCs')).toEqual(['Tracing']);
    expect(await titles('adrs')).toEqual(['Use Kafka']);
    const search = await cli('search', 'queue', '--kind', 'decisions', '--json');
    expect(search.code).toBe(0);
    const exported = await cli('export', path.join(dir, 'out'), '--kind', 'postmortems', '--json');
    expect(exported.code).toBe(0);
    const bad = await cli('list', '--kind', 'memos');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('"memos" is not a kind of document. Kinds: rfc, adr, matrix, postmortem.')]);
  });
});

describe('designdesk --version', () => {
  it('prints the version given by the package, as --version, -v and the version command, with or without a leading --workspace', async () => {
    const runs: string[] = [];
    for (const args of [['--version'], ['-v'], ['version'], ['--workspace', dir, '--version'], ['--workspace', dir, 'version']]) {
      let out = '';
      const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (out += t), env: {}, cwd: dir, platform: process.platform, home: dir, version: '9.8.7' });
      runs.push(`${code} ${out}`);
    }
    expect(runs).toEqual(Array(5).fill('0 9.8.7\n'));
    expect(JSON.parse((await cli('--json', 'version')).stdout)).toEqual({ version: 'dev' });
    expect((await cli('--help')).stdout).toMatch(/\n {2}version +print the version of designdesk/);
  });
});
