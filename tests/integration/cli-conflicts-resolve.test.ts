import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/main/app';
import { main } from '../../src/main/cli/main';
import type { SyncConflict } from '../../src/shared/contract/sync';
import { startGitServer, type GitServer } from '../support/gitServer';
import { fsck } from '../support/syncWorkspace';

let server: GitServer;
let url: string;
let repo: string;
let dir: string;
let n = 0;

beforeAll(async () => {
  server = await startGitServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-conflicts-'));
  url = server.createRepo(`conflicts-${++n}.git`);
  repo = server.repoDir(`conflicts-${n}.git`);
});
afterEach(() => {
  fsck(repo);
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `designdesk ARGS` in-process on workspace `ws` (a folder of `dir`), with `stdin` as standard input. */
async function cli(ws: string, args: string[], stdin?: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { DESIGNDESK_WORKSPACE: path.join(dir, ws) },
    cwd: dir,
    platform: process.platform,
    home: dir,
    identity: () => ({ name: ws, email: `${ws.toLowerCase()}@example.com` }),
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  });
  return { code, stdout, stderr };
}

/** Runs a command that must succeed (exit 0) and returns its output. */
async function ok(ws: string, ...args: string[]): Promise<string> {
  const r = await cli(ws, args);
  expect(r, `designdesk ${args.join(' ')}`).toMatchObject({ code: 0, stderr: '' });
  return r.stdout;
}

const BODY = ['## Summary', '', 'Cache rendered pages.', '', '## Motivation', '', 'Pages are slow.', ''].join('\n');

/** Writes `text` to a file of `dir` and returns its name (relative: the CLI resolves it against its cwd). */
function file(name: string, text: string): string {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

async function body(ws: string, ref: string): Promise<string> {
  return (JSON.parse(await ok(ws, 'show', ref, '--json')) as { body: string }).body;
}

/**
 * Ada publishes RFC-1..RFC-count with BODY; Bob pulls them; both change the
 * same line of each (Bob also adds a reviewer, a clean change; with
 * `titleClash` both retitle it too); Ada syncs
 * first, so Bob's sync leaves every one in conflict.
 */
async function conflicted(count: number, options: { titleClash?: boolean } = {}): Promise<Run> {
  for (const ws of ['Ada', 'Bob']) {
    await ok(ws, 'init');
    await ok(ws, 'remote', 'set', url);
  }
  const base = file('base.md', BODY);
  for (let i = 1; i <= count; i++) {
    await ok('Ada', 'new', 'rfc', '--title', `Page cache ${i}`, '--body-file', base);
  }
  await ok('Ada', 'sync');
  await ok('Bob', 'sync');
  const adas = file('ada.md', BODY.replace('Cache rendered pages.', 'Cache pages in Redis.'));
  const bobs = file('bob.md', BODY.replace('Cache rendered pages.', 'Cache pages in memcached.'));
  for (let i = 1; i <= count; i++) {
    await ok('Ada', 'set', `RFC-${i}`, ...(options.titleClash ? [`title=Page cache ${i} (Ada)`] : []), '--body-file', adas);
    await ok('Bob', 'set', `RFC-${i}`, ...(options.titleClash ? [`title=Page cache ${i} (Bob)`] : []), 'reviewers=Dee', '--body-file', bobs);
  }
  await ok('Ada', 'sync');
  return cli('Bob', ['sync']);
}

describe('designdesk conflicts', () => {
  it('shows nothing and exits 0 without conflicts; after a conflicting sync shows base, mine and theirs (exit 1)', async () => {
    await ok('Bob', 'init');
    expect(await cli('Bob', ['conflicts'])).toEqual({ code: 0, stdout: 'No sync conflicts.\n', stderr: '' });
    expect(await cli('Bob', ['conflicts', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });

    const sync = await conflicted(1, { titleClash: true });
    expect(sync.code).toBe(1);
    expect(sync.stderr).toContain('1 document(s) in conflict');
    expect(sync.stderr).toContain('"designdesk conflicts"');
    expect(sync.stderr).not.toContain('resolve them in DesignDesk');

    const json = await cli('Bob', ['conflicts', '--json']);
    expect([json.code, json.stderr]).toEqual([1, '']);
    const [c, ...rest] = JSON.parse(json.stdout) as SyncConflict[];
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ ref: 'RFC-1', title: 'Page cache 1 (Bob)', kind: 'rfc', conflict: 'content', body: true, fields: ['title'], path: expect.stringMatching(/^rfcs\/0001-.*\.md$/) });
    expect(c!.base).toContain('Cache rendered pages.');
    expect(c!.mine).toContain('Cache pages in memcached.');
    expect(c!.mine).toContain('- Dee');
    expect(c!.theirs).toContain('Cache pages in Redis.');
    expect(c!.theirs).toContain('# Page cache 1 (Ada)');
    expect(c!.suggestion).toMatch(/<<<<<<< mine[\s\S]*Cache pages in memcached\.[\s\S]*=======[\s\S]*Cache pages in Redis\.[\s\S]*>>>>>>> theirs/);
    // A document id names the same conflict.
    expect(JSON.parse((await cli('Bob', ['conflicts', c!.id, '--json'])).stdout)).toEqual([c]);

    const human = await cli('Bob', ['conflicts']);
    expect(human.code).toBe(1);
    const lines = human.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['RFC-1  Page cache 1 (Bob)', `  file:      ${c!.path}`, '  conflict:  both changed "title"; both changed the same lines of the text']);
    const mineAt = lines.indexOf('  base (last sync) -> mine (this workspace):');
    const theirsAt = lines.indexOf('  base (last sync) -> theirs (team repository):');
    expect(mineAt).toBeGreaterThan(0);
    expect(theirsAt).toBeGreaterThan(mineAt);
    const mineDiff = lines.slice(mineAt + 1, theirsAt);
    const theirsDiff = lines.slice(theirsAt + 1);
    expect(mineDiff).toEqual(expect.arrayContaining([expect.stringMatching(/^ {4}@@ -\d+,\d+ \+\d+,\d+ @@$/), '    -Cache rendered pages.', '    +Cache pages in memcached.', '    +  - Dee']));
    expect(theirsDiff).toEqual(expect.arrayContaining(['    -Cache rendered pages.', '    +Cache pages in Redis.', '    +# Page cache 1 (Ada)']));
    expect(theirsDiff.join('\n')).not.toContain('Dee');
    expect(human.stderr).toBe('designdesk conflicts: 1 document in conflict. Resolve each with "designdesk resolve REF --take mine|theirs" or "--take merged --file FILE", then run "designdesk sync".\n');
  });

  it('resolves with mine, theirs, a merged file and merged text on standard input; sync publishes and the teammate receives each', async () => {
    expect((await conflicted(4)).code).toBe(1);
    const conflicts = JSON.parse((await cli('Bob', ['conflicts', '--json'])).stdout) as SyncConflict[];
    expect(conflicts.map((c) => c.ref).sort()).toEqual(['RFC-1', 'RFC-2', 'RFC-3', 'RFC-4']);
    const suggestion = (ref: string): string => conflicts.find((c) => c.ref === ref)!.suggestion;
    const handMerge = (ref: string, line: string): string => suggestion(ref).replace(/<<<<<<< mine.*\n[\s\S]*?=======\n[\s\S]*?>>>>>>> theirs.*\n/, `${line}\n`);

    expect(await cli('Bob', ['resolve', 'RFC-1', '--take', 'mine'])).toEqual({
      code: 0,
      stdout: 'Resolved RFC-1: kept this workspace\'s version.\nRun "designdesk sync" to publish the resolution.\n',
      stderr: '',
    });
    expect(await cli('Bob', ['resolve', 'rfc-2', '--take', 'theirs'])).toMatchObject({ code: 0, stdout: expect.stringContaining("Resolved RFC-2: took the team repository's version.") });

    // Merged text that still has the markers, or that is not a document, is refused; the conflict stays.
    const marked = await cli('Bob', ['resolve', 'RFC-3', '--take', 'merged', '--file', file('marked.md', suggestion('RFC-3'))]);
    expect(marked).toEqual({ code: 1, stdout: '', stderr: 'designdesk resolve: marked.md: The merged text still has conflict markers (<<<<<<<, =======, >>>>>>>): keep one side of each.\n' });
    const broken = await cli('Bob', ['resolve', 'RFC-3', '--take', 'merged', '--file', file('broken.md', 'just some text, no front matter\n')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^designdesk resolve: broken\.md: The merged text cannot be read: .+\n$/);
    const otherKind = handMerge('RFC-3', 'Cache pages in Redis.').replace(/^ref: RFC-3$/m, 'ref: ADR-3');
    expect((await cli('Bob', ['resolve', 'RFC-3', '--take', 'merged', '--file', file('adr.md', otherKind)])).stderr).toBe('designdesk resolve: adr.md: The merged text cannot be read: ref ADR-3 does not belong in rfcs/.\n');
    const badStatus = handMerge('RFC-3', 'Cache pages in Redis.').replace(/^status: .*$/m, 'status: shipped');
    const refused = await cli('Bob', ['resolve', 'RFC-3', '--take', 'merged', '--file', file('status.md', badStatus)]);
    expect([refused.code, refused.stderr]).toEqual([1, 'designdesk resolve: status.md: The merged text is not a valid document: status "shipped" is not a status of RFCs (draft, in-review, approved, implemented, deprecated, rejected).\n']);
    const huge = handMerge('RFC-3', `${'x'.repeat(1_000_001)}`);
    expect((await cli('Bob', ['resolve', 'RFC-3', '--take', 'merged', '--file', file('huge.md', huge)])).stderr).toBe('designdesk resolve: huge.md: The merged text is not a valid document: a body is at most 1000000 characters.\n');
    const stdinMarked = await cli('Bob', ['resolve', 'RFC-4', '--take', 'merged', '--file', '-'], suggestion('RFC-4'));
    expect([stdinMarked.code, stdinMarked.stderr]).toEqual([1, 'designdesk resolve: standard input: The merged text still has conflict markers (<<<<<<<, =======, >>>>>>>): keep one side of each.\n']);
    expect((JSON.parse((await cli('Bob', ['conflicts', '--json'])).stdout) as SyncConflict[]).map((c) => c.ref).sort()).toEqual(['RFC-3', 'RFC-4']);

    const merged = await cli('Bob', ['resolve', 'RFC-3', '--take', 'merged', '--file', file('merged.md', handMerge('RFC-3', 'Cache pages in Redis, with memcached as a fallback.')), '--json']);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual({ id: conflicts.find((c) => c.ref === 'RFC-3')!.id, ref: 'RFC-3', take: 'merged', trashed: false });
    const piped = await cli('Bob', ['resolve', 'RFC-4', '--take', 'merged', '--file', '-'], handMerge('RFC-4', 'Cache pages in memcached, warmed from Redis.'));
    expect(piped).toMatchObject({ code: 0, stdout: 'Resolved RFC-4: took the merged text.\nRun "designdesk sync" to publish the resolution.\n' });
    expect(await cli('Bob', ['conflicts'])).toMatchObject({ code: 0, stdout: 'No sync conflicts.\n' });

    // Bob publishes mine and the two merges (theirs changes nothing there); Ada receives them.
    const sync = await cli('Bob', ['sync', '--json']);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ out: 3, conflicts: 0, errors: [] });
    expect((await cli('Ada', ['sync', '--json'])).code).toBe(0);
    for (const ws of ['Ada', 'Bob']) {
      expect(await body(ws, 'RFC-1')).toContain('Cache pages in memcached.');
      expect(await body(ws, 'RFC-2')).toContain('Cache pages in Redis.');
      expect(await body(ws, 'RFC-3')).toContain('Cache pages in Redis, with memcached as a fallback.');
      expect(await body(ws, 'RFC-4')).toContain('Cache pages in memcached, warmed from Redis.');
    }
    // The clean part of Bob's change (the reviewer) travelled with every resolution but "theirs".
    const reviewers = async (ref: string): Promise<unknown> => (JSON.parse(await ok('Ada', 'show', ref, '--json')) as { fields: { reviewers: unknown } }).fields.reviewers;
    expect(await reviewers('RFC-1')).toEqual(['Dee']);
    expect(await reviewers('RFC-3')).toEqual(['Dee']);
    expect(await cli('Ada', ['conflicts'])).toMatchObject({ code: 0 });
    expect(await cli('Bob', ['sync'])).toMatchObject({ code: 0, stdout: expect.stringContaining('0 in, 0 out, 0 conflicts, nothing to push.') });
  });

  it('refuses bad usage (exit 2) and a document without a conflict (exit 1)', async () => {
    expect((await conflicted(1)).code).toBe(1);
    const usage = async (...args: string[]): Promise<string> => {
      const r = await cli('Bob', ['resolve', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      return r.stderr.split('\n')[0]!;
    };
    expect(await usage('RFC-1')).toBe('designdesk resolve: say which version to keep: --take mine, --take theirs, or --take merged --file FILE.');
    expect(await usage('RFC-1', '--take', 'ours')).toBe('designdesk resolve: --take "ours" is not a choice: use mine, theirs or merged.');
    expect(await usage('RFC-1', '--take', 'merged')).toBe('designdesk resolve: --take merged needs the merged text: --file FILE, or --file - to read standard input.');
    expect(await usage('RFC-1', '--take', 'mine', '--file', 'x.md')).toBe('designdesk resolve: --file gives a merged text; it does not go with --take mine.');
    expect(await usage('--take', 'mine')).toBe('designdesk resolve: missing argument.');
    expect(await usage('PAGE-1', '--take', 'mine')).toMatch(/^designdesk resolve: "PAGE-1" is not a document reference/);

    await ok('Bob', 'new', 'adr', '--title', 'Unrelated');
    expect(await cli('Bob', ['resolve', 'ADR-1', '--take', 'mine'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'designdesk resolve: ADR-1 has no sync conflict to resolve. "designdesk conflicts" lists the documents in conflict.\n',
    });
    expect((await cli('Bob', ['resolve', 'RFC-9', '--take', 'mine'])).stderr).toMatch(/^designdesk resolve: There is no RFC-9 in this workspace/);
    const missing = await cli('Bob', ['resolve', 'RFC-1', '--take', 'merged', '--file', 'nowhere.md']);
    expect([missing.code, missing.stderr]).toEqual([1, `designdesk resolve: Cannot read ${path.join(dir, 'nowhere.md')}: ENOENT. Check the path given to --file.\n`]);
    expect(await cli('Bob', ['conflicts', 'ADR-1'])).toEqual({ code: 0, stdout: 'ADR-1 has no sync conflict.\n', stderr: '' });
    expect((await cli('Bob', ['conflicts'])).code).toBe(1);
  });

  it('conflicts only reads, so it runs beside an open app; resolve waits for the app to close', async () => {
    expect((await conflicted(1)).code).toBe(1);
    const desktop = createApp({ workspaceDir: path.join(dir, 'Bob'), bridge: 'web', version: 'test', lock: 'desktop', fallbackIdentity: () => ({ name: 'Bob', email: 'bob@example.com' }) });
    try {
      expect(await cli('Bob', ['conflicts'])).toMatchObject({ code: 1, stdout: expect.stringMatching(/^RFC-1 {2}Page cache 1\n/) });
      const refused = await cli('Bob', ['resolve', 'RFC-1', '--take', 'mine']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^designdesk resolve: .*(open|in use|lock)/i);
    } finally {
      desktop.close();
    }
    expect(await cli('Bob', ['resolve', 'RFC-1', '--take', 'mine'])).toMatchObject({ code: 0 });
  });
});
