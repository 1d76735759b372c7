import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configFileText } from '../../src/shared/sync/repoLayout';
import { cliInProcess } from '../support/cliInProcess';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate } from '../support/syncWorkspace';

let server: GitServer;
let dir: string;
let n = 0;

beforeAll(async () => {
  server = await startGitServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-templates-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(repo: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  }
}

describe('designdesk lint checks the team templates', () => {
  it('names each bad template: unreadable, unknown kind, no sections, too big, duplicate title, not a template file', async () => {
    const repo = path.join(dir, 'repo');
    write(repo, {
      'designdesk.yml': configFileText(),
      'templates/rfc-lightweight.md': '---\nkind: rfc\ntitle: Lightweight RFC\n---\n## Summary\n\nOne paragraph.\n',
      'templates/rfc-small.md': '---\nkind: rfc\ntitle: lightweight rfc\n---\n## Summary\n',
      'templates/memo.md': '---\nkind: memo\n---\n## Body\n',
      'templates/adr.md': 'Just prose, no heading.\n',
      'templates/broken.md': '---\nkind: [rfc\n---\n## A\n',
      'templates/huge.md': `---\nkind: rfc\n---\n## A\n\n${'x'.repeat(70_000)}\n`,
      'templates/notes.txt': 'not a template',
      'templates/README.md': '# Templates\n',
    });
    fs.writeFileSync(path.join(repo, 'templates/latin1.md'), Buffer.from([0x23, 0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const r = await cliInProcess(dir)('lint', repo);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('templates/'))).toEqual([
      'templates/adr.md: sections: a template has at least one section (a ## heading)',
      'templates/broken.md: the front matter is not valid YAML (line 2)',
      'templates/huge.md: too big: 70025 bytes; a template is at most 65536 bytes',
      'templates/latin1.md: no kind: the front matter says which (kind: rfc, adr, matrix, postmortem)',
      'templates/latin1.md: not valid UTF-8: save it as UTF-8',
      'templates/memo.md: unknown kind "memo": a template is for rfc, adr, matrix, postmortem',
      'templates/notes.txt: not a template: a sync reads templates/<name>.md files only',
      'templates/rfc-small.md: the same title as templates/rfc-lightweight.md ("lightweight rfc") for RFCs',
    ]);
  });

  it('a templates folder that designdesk.yml does not name is reported once; a good one gives no finding', async () => {
    const repo = path.join(dir, 'repo');
    write(repo, { 'designdesk.yml': 'format: 1\n', 'templates/rfc.md': '## Summary\n' });
    const lint = cliInProcess(dir);
    expect((await lint('lint', repo)).stdout).toBe('templates: designdesk.yml does not name this folder (templates: {folder: templates}), so a sync does not read these templates\n');
    fs.writeFileSync(path.join(repo, 'designdesk.yml'), configFileText());
    expect(await lint('lint', repo)).toEqual({ code: 0, stdout: '', stderr: `${repo}: no findings.\n` });
  });
});

describe('designdesk new --template', () => {
  it('creates an RFC from a team template a sync brought in; an unknown name is refused with the names there are', async () => {
    const url = server.createRepo(`cli-templates-${++n}.git`);
    const cli = cliInProcess(dir);
    await cli('init');
    expect((await cli('remote', 'set', url, '--branch', 'main')).code).toBe(0);
    expect((await cli('sync')).code).toBe(0);
    const tess = await cloneTeammate(url);
    tess.write('templates/rfc-lightweight.md', '---\nkind: rfc\ntitle: Lightweight RFC\n---\n## Summary\n\nOne paragraph.\n\n## Plan\n');
    await tess.pushAll('Lightweight RFC template');
    expect((await cli('sync')).code).toBe(0);

    const made = await cli('new', 'rfc', '--title', 'Retry budget', '--template', 'rfc-lightweight');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^Created RFC-1: Retry budget\n {2}id: {5}\S+\n {2}number: 1\n {2}template: rfc-lightweight\n {2}status: Draft\n$/);
    const shown = await cli('show', 'RFC-1');
    expect(shown.stdout).toContain('## Summary\n\n## Plan\n');
    const refused = await cli('new', 'rfc', '--title', 'X', '--template', 'rfc-heavy');
    expect([refused.code, refused.stderr]).toEqual([1, 'designdesk new: There is no RFC template named "rfc-heavy". The team\'s RFC templates: rfc-lightweight.\n']);
  });
});
