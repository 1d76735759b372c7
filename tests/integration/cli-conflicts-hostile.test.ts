import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import type { SyncConflict } from '../../src/shared/contract/sync';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate, fsck, type Teammate } from '../support/syncWorkspace';

let server: GitServer;
let url: string;
let repo: string;
let dir: string;
let teammate: Teammate | null = null;
let n = 0;

beforeAll(async () => {
  server = await startGitServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-conflicts-hostile-'));
  url = server.createRepo(`hostile-${++n}.git`);
  repo = server.repoDir(`hostile-${n}.git`);
});
afterEach(() => {
  fsck(repo);
  if (teammate) fs.rmSync(teammate.dir, { recursive: true, force: true });
  teammate = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { DESIGNDESK_WORKSPACE: path.join(dir, 'Bob') },
    cwd: dir,
    platform: process.platform,
    home: dir,
    identity: () => ({ name: 'Bob', email: 'bob@example.com' }),
  });
  return { code, stdout, stderr };
}

async function ok(...args: string[]): Promise<string> {
  const r = await cli(...args);
  expect(r, `designdesk ${args.join(' ')}`).toMatchObject({ code: 0, stderr: '' });
  return r.stdout;
}

const BODY = ['## Summary', '', 'Cache rendered pages.', '', '## Motivation', '', 'Pages are slow.', ''].join('\n');

/** Bob publishes RFC-1 and RFC-2 from the command line; a teammate with the git CLI clones the repository. */
async function published(): Promise<Teammate> {
  await ok('init');
  await ok('remote', 'set', url);
  fs.writeFileSync(path.join(dir, 'body.md'), BODY);
  await ok('new', 'rfc', '--title', 'Page cache', '--body-file', 'body.md');
  await ok('new', 'rfc', '--title', 'Edge cache', '--body-file', 'body.md');
  await ok('sync');
  teammate = await cloneTeammate(url);
  return teammate;
}

function rfcFile(t: Teammate, number: number): string {
  return `rfcs/${t.files('rfcs').find((f) => f.startsWith(`000${number}-`))!}`;
}

// What a terminal acts on: C0 controls but tab and newline, DEL, C1 controls (U+009B is CSI), bidi overrides.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('designdesk conflicts with a teammate\'s hostile text', () => {
  it('escapes control and bidi characters from titles and bodies in both the listing and --json', async () => {
    const t = await published();
    const file = rfcFile(t, 1);
    // The teammate's title (the H1 is the title) clears the screen; their body sets the window title, has a CSI and a right-to-left override.
    t.write(file, t.read(file).replace(/^# Page cache$/m, '# \u001b[2J\u001b[HPage cache').replace('Pages are slow.', 'Pages are slow.\u009b31m \u202eevil'));
    await t.pushAll('Hostile title');
    await ok('sync');
    const shown = JSON.parse(await ok('show', 'RFC-1', '--json')) as { title: string };
    expect(shown.title).toBe('\u001b[2J\u001b[HPage cache');

    fs.writeFileSync(path.join(dir, 'mine.md'), BODY.replace('Cache rendered pages.', 'Cache pages in memcached.'));
    await ok('set', 'RFC-1', '--body-file', 'mine.md');
    await t.pull();
    t.write(file, t.read(file).replace('Cache rendered pages.', 'Cache pages \u001b]0;owned\u0007in Redis.'));
    await t.pushAll('Hostile line');
    expect((await cli('sync')).code).toBe(1);

    const human = await cli('conflicts');
    expect(human.code).toBe(1);
    expect(human.stdout).not.toMatch(RAW_CONTROL);
    expect(human.stdout.split('\n')[0]).toBe('RFC-1  \\x1b[2J\\x1b[HPage cache');
    expect(human.stdout).toContain('    +Cache pages \\x1b]0;owned\\x07in Redis.');
    expect(human.stdout).toContain('\\x9b31m \\u202eevil');

    const json = await cli('conflicts', '--json');
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const [c] = JSON.parse(json.stdout) as SyncConflict[];
    // The escapes are JSON's own: the values read back exactly.
    expect(c!.title).toBe('\u001b[2J\u001b[HPage cache');
    expect(c!.theirs).toContain('Cache pages \u001b]0;owned\u0007in Redis.');
    expect(c!.base).toContain('\u009b31m \u202eevil');
  });

  it('a file deleted in the repository and edited here: shown as deleted; theirs moves it to the trash, mine publishes it again', async () => {
    const t = await published();
    t.remove(rfcFile(t, 1));
    t.remove(rfcFile(t, 2));
    await t.pushAll('Drop both RFCs');
    fs.writeFileSync(path.join(dir, 'mine.md'), BODY.replace('Pages are slow.', 'Pages are slow on mobile.'));
    await ok('set', 'RFC-1', '--body-file', 'mine.md');
    await ok('set', 'RFC-2', '--body-file', 'mine.md');
    const sync = await cli('sync');
    expect([sync.code, sync.stdout]).toEqual([1, expect.stringContaining('2 conflicts')]);

    const human = await cli('conflicts', 'RFC-1');
    expect(human.code).toBe(1);
    const lines = human.stdout.split('\n');
    expect(lines[2]).toBe('  conflict:  deleted in the team repository, edited in this workspace');
    expect(lines).toEqual(expect.arrayContaining(['  base (last sync) -> mine (this workspace):', '    +Pages are slow on mobile.', '  base (last sync) -> theirs (team repository): the file was deleted']));
    const [c] = JSON.parse((await cli('conflicts', 'RFC-1', '--json')).stdout) as SyncConflict[];
    expect(c).toMatchObject({ conflict: 'deleted-remotely', theirs: null, base: expect.stringContaining('Pages are slow.') });

    expect(await cli('resolve', 'RFC-1', '--take', 'theirs')).toMatchObject({
      code: 0,
      stdout: 'Resolved RFC-1: took the team repository\'s deletion; the document is in the trash here (restorable).\nRun "designdesk sync" to publish the resolution.\n',
    });
    expect(await cli('resolve', 'RFC-2', '--take', 'mine')).toMatchObject({ code: 0 });
    expect(await cli('conflicts')).toMatchObject({ code: 0, stdout: 'No sync conflicts.\n' });
    expect(JSON.parse(await ok('sync', '--json'))).toMatchObject({ out: 1, conflicts: 0 });
    expect((JSON.parse(await ok('list', '--json')) as Array<{ title: string }>).map((d) => d.title)).toEqual(['Edge cache']);
    await t.pull();
    expect(t.files('rfcs')).toEqual([expect.stringMatching(/^0002-/)]);
    expect(t.read(rfcFile(t, 2))).toContain('Pages are slow on mobile.');
  });
});
