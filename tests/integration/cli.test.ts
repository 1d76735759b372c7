import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import { EXPECTED_FINDINGS, seedBadRepo } from '../support/seedLintRepo';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/import');
let dir: string;
let ws: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `designdesk ARGS` in-process, as the bundled binary would, with output captured. */
async function cli(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { DESIGNDESK_WORKSPACE: ws },
    cwd: dir,
    platform: process.platform,
    home: dir,
    identity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    version: 'test',
  });
  return { code, stdout, stderr };
}

async function json<T>(...args: string[]): Promise<T> {
  const r = await cli(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-'));
  ws = path.join(dir, 'ws');
});

describe('designdesk (in-process)', () => {
  it('every command has --help; no command or an unknown one is bad usage (2)', async () => {
    for (const c of ['init', 'new', 'set', 'move', 'import', 'export', 'list', 'show', 'search', 'remote', 'sync', 'lint', 'publish']) {
      const r = await cli(c, '--help');
      expect([c, r.code, r.stdout]).toEqual([c, 0, expect.stringContaining(`designdesk ${c}`)]);
    }
    expect((await cli()).code).toBe(2);
    const unknown = await cli('frobnicate');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('"frobnicate" is not a command')]);
    const badOption = await cli('list', '--colour');
    expect([badOption.code, badOption.stderr]).toEqual([2, expect.stringContaining("Unknown option '--colour'")]);
    expect(badOption.stderr).toContain('Run "designdesk list --help" for details.');
    expect((await cli('show')).code).toBe(2);
  });

  it('refuses to work on a workspace that does not exist yet, saying how to create it', async () => {
    const r = await cli('list');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`No DesignDesk workspace at ${ws}. Run "designdesk init"`);
  });

  it('init, new, set, move, list, show, search over the app\'s own services', async () => {
    expect((await cli('init', '--name', 'Grace Hopper', '--email', 'grace@example.com')).stdout).toContain('You are Grace Hopper <grace@example.com>.');
    fs.writeFileSync(path.join(dir, 'draft.md'), '## Summary\n\nThrottle per API key (see ADR-1).\n');
    const created = await cli('new', 'rfc', '--title', 'Rate limiting', '--body-file', 'draft.md');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created RFC-1: Rate limiting\n {2}id: {5}[0-9A-Z]{26}\n {2}number: 1\n/);
    const adr = await json<{ id: string; number: number; ref: string }>('new', 'adr', '--title', 'Use PostgreSQL');
    expect(adr).toMatchObject({ number: 1, ref: 'ADR-1' });

    expect((await cli('set', 'RFC-1', 'reviewers=Ada, Linus', 'title=Rate limiting per key')).stdout).toBe('Updated RFC-1: reviewers, title.\n');
    expect((await cli('set', adr.id, 'decision-makers=[Ada, Grace]', 'tags=db,storage')).code).toBe(0);
    const shown = await json<{ title: string; fields: Record<string, unknown>; body: string; createdBy: { name: string } }>('show', 'rfc-1');
    expect(shown).toMatchObject({ title: 'Rate limiting per key', fields: { reviewers: ['Ada', 'Linus'] }, createdBy: { name: 'Grace Hopper' } });
    expect(shown.body).toContain('Throttle per API key');
    expect((await json<{ fields: Record<string, unknown> }>('show', 'ADR-1')).fields).toMatchObject({ decisionMakers: ['Ada', 'Grace'], tags: ['db', 'storage'] });

    expect((await cli('move', 'RFC-1', 'In Review')).stdout).toBe('RFC-1: Draft -> In Review\n');
    const list = await json<Array<{ number: number; kind: string; status: string }>>('list', '--kind', 'rfc');
    expect(list.map((d) => [d.kind, d.number, d.status])).toEqual([['rfc', 1, 'in-review']]);
    expect((await cli('list', '--status', 'in-review')).stdout).toMatch(/^REF\s+STATUS\s+TITLE\s+AUTHOR\s+UPDATED\nRFC-1\s+In Review\s+Rate limiting per key\s+Grace Hopper/);
    const hits = await json<Array<{ number: number; kind: string }>>('search', 'throttle');
    expect(hits.map((h) => `${h.kind}-${h.number}`)).toEqual(['rfc-1']);
    expect((await cli('show', 'ADR-1', '--markdown')).stdout).toMatch(/^---\nid: [0-9A-Z]{26}\nref: ADR-1\n/);
  });

  it('an illegal move is refused with the app\'s message (exit 1); bad references and keys are usage errors (2)', async () => {
    await cli('init');
    await cli('new', 'rfc', '--title', 'X');
    const refused = await cli('move', 'RFC-1', 'approved');
    expect([refused.code, refused.stderr]).toEqual([1, 'designdesk move: An RFC cannot move from Draft to Approved. From Draft it can move to: In Review.\n']);
    const missing = await cli('show', 'RFC-9');
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('There is no RFC-9 in this workspace.')]);
    expect((await cli('show', 'banana')).code).toBe(2);
    const status = await cli('set', 'RFC-1', 'status=approved');
    expect([status.code, status.stderr]).toEqual([2, expect.stringContaining('use "designdesk move REF STATUS"')]);
    const invalid = await cli('set', 'RFC-1', 'reviewers=[1, 2]');
    expect([invalid.code, invalid.stderr]).toEqual([1, expect.stringContaining('reviewers')]);
    expect((await cli('new', 'spaceship', '--title', 'x')).code).toBe(2);
    expect((await cli('new', 'rfc')).code).toBe(2);
  });

  it('move ADR-N superseded --by ADR-M links both ADRs', async () => {
    await cli('init');
    await cli('new', 'adr', '--title', 'Old');
    await cli('new', 'adr', '--title', 'New');
    await cli('move', 'ADR-1', 'accepted');
    const plain = await cli('move', 'ADR-1', 'superseded');
    expect(plain.code).toBe(1);
    expect((await cli('move', 'ADR-1', 'superseded', '--by', 'ADR-2')).stdout).toBe('ADR-1: Accepted -> Superseded (by ADR-2)\n');
    expect((await json<{ fields: { supersedes: number[] } }>('show', 'ADR-2')).fields.supersedes).toEqual([1]);
  });

  it('import prints a line per file and a summary; a second import updates nothing and duplicates nothing', async () => {
    await cli('init');
    const r = await cli('import', path.join(FIXTURES, 'madr'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported 0004-evaluate-service-mesh.md -> ADR-4 (madr, proposed)\n');
    expect(r.stdout).toContain('status "on hold" is not in the ADR lifecycle: imported as proposed, the original kept as importedStatus');
    expect(r.stdout).toContain('skipped  adr-template.md: a template');
    expect(r.stdout).toContain('4 imported, 0 updated, 2 skipped.\n');
    const again = await json<{ counts: Record<string, number> }>('import', path.join(FIXTURES, 'madr'));
    expect(again.counts).toMatchObject({ imported: 0, updated: 0, skipped: 6 });
    expect((await json<unknown[]>('list')).length).toBe(4);
    expect((await cli('import', 'x', '--format', 'docx')).code).toBe(2);
    const failed = await cli('import', path.join(dir, 'nothing-here'));
    expect([failed.code, failed.stderr]).toEqual([1, expect.stringContaining('Nothing to import at')]);
  });

  it('import exits 1 when a file could not be imported, still importing the others', async () => {
    await cli('init');
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, '0001-ok.md'), '# OK\n');
    fs.writeFileSync(path.join(src, '0002-binary.md'), Buffer.from([0, 1, 2, 3]));
    const r = await cli('import', 'src');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('skipped  0002-binary.md: binary content, not a Markdown text');
    expect(r.stderr).toContain('1 file(s) could not be imported');
    expect((await json<unknown[]>('list')).length).toBe(1);
  });

  it('export writes the layout; its designdesk export passes lint', async () => {
    await cli('init');
    await cli('import', path.join(FIXTURES, 'adr-tools'));
    const r = await cli('export', 'out', '--format', 'madr');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('written  ADR-1    docs/decisions/0001-record-architecture-decisions.md');
    expect(fs.readFileSync(path.join(dir, 'out/docs/decisions/0002-store-orders-in-postgresql.md'), 'utf8')).toMatch(/^---\nstatus: superseded by ADR-0003\ndate: "2024-02-12"\n---\n\n# Store orders in PostgreSQL\n/);
    expect((await cli('export', 'repo')).code).toBe(0);
    const lint = await cli('lint', 'repo');
    expect([lint.code, lint.stdout, lint.stderr]).toEqual([0, '', `${path.join(dir, 'repo')}: no findings.\n`]);
    expect((await cli('export', 'out', '--format', 'pdf')).code).toBe(2);
  });

  it('lint prints one line per finding of a seeded bad repo and exits 1', async () => {
    const repo = path.join(dir, 'bad');
    seedBadRepo(repo);
    const r = await cli('lint', repo);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(EXPECTED_FINDINGS.length);
    for (const [file, reason] of EXPECTED_FINDINGS) expect(lines.filter((l) => l.startsWith(`${file}: `) && l.includes(reason)), `${file}: ${reason}`).toHaveLength(1);
    expect(r.stderr).toBe(`${EXPECTED_FINDINGS.length} findings in ${repo}.\n`);
    const asJson = await cli('lint', repo, '--json');
    expect(JSON.parse(asJson.stdout).findings).toHaveLength(EXPECTED_FINDINGS.length);
  });
});

describe('designdesk (the bundled binary)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-bin-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('runs through bin/designdesk.cjs: init, import, list --json, exit codes', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/designdesk.cjs'), ...args, '--workspace', path.join(tmp, 'ws')], { cwd: tmp, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
    expect(run('init', '--name', 'Ada', '--email', 'ada@example.com').status).toBe(0);
    expect(run('import', path.join(FIXTURES, 'log4brains')).status).toBe(0);
    const list = run('list', '--json', '--sort', 'number');
    expect(list.status).toBe(0);
    expect((JSON.parse(list.stdout) as Array<{ title: string }>).map((d) => d.title)[0]).toBe('Use Kafka for domain events');
    expect(run('move', 'ADR-4', 'not-a-status').status).toBe(1);
    const usage = spawnSync(process.execPath, ['dist/main/cli.cjs', 'list', '--nope'], { cwd: ROOT, encoding: 'utf8' });
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringContaining("Unknown option '--nope'")]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(spawnSync(process.execPath, ['dist/main/cli.cjs', '--version'], { cwd: ROOT, encoding: 'utf8' }).stdout).toBe(`${pkg.version}\n`);
    const globalFirst = spawnSync(process.execPath, [path.join(ROOT, 'bin/designdesk.cjs'), '--workspace', path.join(tmp, 'ws'), 'list', '--json', '--sort', 'number'], { cwd: tmp, encoding: 'utf8' });
    expect(globalFirst.stdout).toBe(list.stdout);
  });
});
