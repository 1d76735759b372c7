import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import { MAX_DOCUMENT_FILE_BYTES } from '../../src/shared/format/documentChecks';
import { cloneTeammate, remoteFiles, remoteShow, useSyncFixture } from '../support/syncWorkspace';

const f = useSyncFixture();

function rfc(title: string, front: string, body = `${title} text.\n`): string {
  return `---\n${front}status: draft\nauthor: Tess\n---\n\n# ${title}\n\n${body}`;
}

describe('what arrives by sync passes the checks of the API and import', () => {
  it('reports each refused file by path, leaves it out, syncs the rest, and numbering keeps working', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('docs:create', { kind: 'rfc', title: 'Ada first' });
    await ada.call('sync:run', {});

    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/huge-number.md', rfc('Huge number', 'number: 1e308\n'));
    tess.write('rfcs/0040-long-body.md', rfc('Long body', 'ref: RFC-40\n', `${'x'.repeat(1_000_001)}\n`));
    tess.write('rfcs/0041-big-file.md', rfc('Big file', 'ref: RFC-41\n', `${'y'.repeat(MAX_DOCUMENT_FILE_BYTES)}\n`));
    tess.write('rfcs/0042-deep.md', rfc('Deep', `ref: RFC-42\nteam:\n${Array.from({ length: 14 }, (_, i) => `${'  '.repeat(i + 1)}l${i}:`).join('\n')} end\n`));
    tess.write('rfcs/0043-long-title.md', rfc('T'.repeat(201), 'ref: RFC-43\n'));
    tess.write('rfcs/0044-fine.md', rfc('Fine', 'ref: RFC-44\nteam-channel: "#storage"\n'));
    await tess.pushAll('Tess: a mixed bag');

    const r = await ada.call('sync:run', {});
    expect(r.errors).toEqual([
      { path: 'rfcs/0040-long-body.md', reason: 'body: a body is at most 1000000 characters' },
      { path: 'rfcs/0041-big-file.md', reason: expect.stringMatching(/^the file is \d+ bytes; a document file is at most 5242880 bytes$/) },
      { path: 'rfcs/0042-deep.md', reason: expect.stringMatching(/^front matter: team\.l0\.l1.*: nested deeper than 12 levels$/) },
      { path: 'rfcs/0043-long-title.md', reason: 'title: a title is at most 200 characters' },
      { path: 'rfcs/huge-number.md', reason: 'number: a document number is at most 999999' },
    ]);
    const list = await ada.call('docs:list', { kind: 'rfc' });
    expect(list.map((d) => `${d.number} ${d.title}`).sort()).toEqual(['1 Ada first', '44 Fine']);
    const fine = await ada.call('docs:get', { id: list.find((d) => d.title === 'Fine')!.id });
    expect(fine.fields['team-channel']).toBe('#storage');

    // Numbering goes on from the documents taken in; nothing writes RFC-1e+308.
    const next = await ada.call('docs:create', { kind: 'rfc', title: 'After the bag' });
    expect(next.number).toBe(45);
    const pushed = await ada.call('sync:run', {});
    expect(pushed.errors).toHaveLength(5);
    expect(remoteFiles(f.repo).filter((p) => p.startsWith('rfcs/'))).toEqual(
      expect.arrayContaining(['rfcs/0045-after-the-bag.md', 'rfcs/huge-number.md', 'rfcs/0040-long-body.md']),
    );
    expect(remoteShow(f.repo, 'rfcs/huge-number.md')).toContain('number: 1e308');
    for (const p of remoteFiles(f.repo)) if (p.endsWith('.md') && !p.includes('big-file') && !p.includes('long-body')) expect(remoteShow(f.repo, p)).not.toContain('e+308');
  });
});

describe('commit summaries', () => {
  it('a renumbered new document is one document in the summary, its renumber a line of its own', async () => {
    const ada = await f.laptop('Ada');
    const bob = await f.laptop('Bob');
    await ada.call('sync:run', {});
    await bob.call('sync:run', {});
    await ada.call('docs:create', { kind: 'rfc', title: 'Ada idea' });
    await bob.call('docs:create', { kind: 'rfc', title: 'Bob idea' });
    await ada.call('sync:run', {});
    const r = await bob.call('sync:run', {});
    expect(r.changes.filter((c) => c.direction === 'out').map((c) => c.action).sort()).toEqual(['added', 'renumbered']);
    const message = execFileSync('git', ['log', '-1', '--format=%B', 'main'], { cwd: f.repo, encoding: 'utf8' });
    expect(message.split('\n')[0]).toBe('Add RFC-2: Bob idea');
    expect(message).toContain('Renumber RFC-2 Bob idea (was RFC-1)');
  });
});

describe('Git LFS', () => {
  const POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';

  it('skips a document stored in LFS with one message (not an error), and leaves its document alone', async () => {
    const ada = await f.laptop('Ada');
    const doc = await ada.call('docs:create', { kind: 'rfc', title: 'Moved to LFS' });
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/0001-moved-to-lfs.md', POINTER);
    tess.write('rfcs/0002-new-in-lfs.md', POINTER);
    tess.write('.gitattributes', 'rfcs/000[12]-*.md filter=lfs diff=lfs merge=lfs -text\n');
    await tess.pushAll('Tess: two RFCs into LFS');

    const r = await ada.call('sync:run', {});
    expect(r).toMatchObject({ errors: [], commit: null, in: 0, out: 0 });
    expect(r.skipped).toEqual([
      { path: 'rfcs/0001-moved-to-lfs.md', reason: 'skipped: stored in Git LFS, which DesignDesk does not read' },
      { path: 'rfcs/0002-new-in-lfs.md', reason: 'skipped: stored in Git LFS, which DesignDesk does not read' },
    ]);
    expect((await ada.call('docs:get', { id: doc.id })).title).toBe('Moved to LFS');
    expect((await ada.call('docs:list', { kind: 'rfc' })).map((d) => d.title)).toEqual(['Moved to LFS']);
  });

  it('refuses to write a plain file where .gitattributes keeps documents in LFS, naming the path and the rule; nothing is pushed', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.write('.gitattributes', '*.pdf filter=lfs diff=lfs merge=lfs -text\nrfcs/*.md filter=lfs diff=lfs merge=lfs -text\n');
    await tess.pushAll('Tess: RFCs in LFS');
    const head = (await tess.git('rev-parse', 'HEAD')).trim();

    await ada.call('docs:create', { kind: 'adr', title: 'Not in LFS' });
    expect((await ada.call('sync:run', {})).commit).not.toBeNull();
    await ada.call('docs:create', { kind: 'rfc', title: 'Would be LFS' });
    const refusal = await ada.refusal('sync:run', {});
    expect(refusal.code).toBe('UNSUPPORTED');
    expect(refusal.message).toContain('rfcs/0001-would-be-lfs.md in Git LFS (.gitattributes: rfcs/*.md filter=lfs diff=lfs merge=lfs -text)');
    expect(refusal.message).toContain('nothing was pushed');
    expect(remoteFiles(f.repo)).not.toContain('rfcs/0001-would-be-lfs.md');
    expect(head).not.toBe('');
  });
});

describe('the command line shows names from the repository escaped', () => {
  it('sync: control characters in file names and titles never reach the terminal raw', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-intake-cli-'));
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (t: string) => void (stdout += t),
      stderr: (t: string) => void (stderr += t),
      env: { DESIGNDESK_WORKSPACE: path.join(dir, 'ws') },
      cwd: dir,
      platform: process.platform,
      home: dir,
      identity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    };
    expect(await main(['init'], io)).toBe(0);
    expect(await main(['remote', 'set', f.url, '--branch', 'main'], io)).toBe(0);
    expect(await main(['sync'], io)).toBe(0);
    const tess = await cloneTeammate(f.url);
    tess.write('rfcs/0050-\u001b[2Jcleared.md', rfc('Cleared', 'ref: RFC-50\n'));
    tess.write('rfcs/0051-title.md', rfc('Red \u009b31m title', 'ref: RFC-51\n'));
    await tess.pushAll('Tess: escapes');
    stdout = '';
    const code = await main(['sync'], io);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('rfcs/0050-\\x1b[2Jcleared.md (a control character in the name)');
    expect(stdout).toContain('Red \\x9b31m title');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    stdout = '';
    await main(['sync', '--json'], io);
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(stdout).skipped).toEqual([{ path: 'rfcs/0050-\u001b[2Jcleared.md', reason: 'skipped: a control character in the name' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('import: a file name with an escape sequence is printed escaped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-intake-import-'));
    try {
      const src = path.join(dir, 'decisions');
      fs.mkdirSync(src);
      fs.writeFileSync(path.join(src, '0001-\u001b]0;pwned\u0007\u001b[2Jescape.md'), '# Use an escape\n\n## Context\n\nText.\n');
      let stdout = '';
      let stderr = '';
      const io = {
        stdout: (t: string) => void (stdout += t),
        stderr: (t: string) => void (stderr += t),
        env: { DESIGNDESK_WORKSPACE: path.join(dir, 'ws') },
        cwd: dir,
        platform: process.platform,
        home: dir,
        identity: () => ({ name: 'Ada', email: 'ada@example.com' }),
      };
      expect(await main(['init'], io)).toBe(0);
      stdout = '';
      await main(['import', src, '--format', 'markdown', '--kind', 'adr'], io);
      expect(stdout + stderr).toContain('0001-\\x1b]0;pwned\\x07\\x1b[2Jescape.md');
      expect(stdout + stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
