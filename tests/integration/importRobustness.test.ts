import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Document } from '../../src/shared/document';
import { MAX_IMPORT_FILE_BYTES } from '../../src/main/importExport/importedDoc';

let dir: string;
let src: string;
let app: App;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-robust-'));
  src = path.join(dir, 'decisions');
  fs.mkdirSync(src);
  app = createApp({ workspaceDir: path.join(dir, 'ws'), bridge: 'web', version: 'test', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }) });
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): void {
  fs.writeFileSync(path.join(src, name), content);
}

function docs(): Document[] {
  return app.documents.list().map((s) => app.documents.get(s.id));
}

describe('real-world input does not stop an import', () => {
  it('imports the good files and gives one line with the reason for each bad one', () => {
    write('0001-crlf.md', '---\r\nstatus: accepted\r\ndate: 2024-02-01\r\n---\r\n# Windows line endings\r\n\r\nBody line one.\r\nBody line two.\r\n');
    write('0002-latin1.md', Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n\n- Status: accepted\n\nNo '), Buffer.from([0x93]), Buffer.from('UTF-8'), Buffer.from([0x94]), Buffer.from(' here.\n')]));
    write('0003-huge.md', `# Huge\n\n${'x'.repeat(MAX_IMPORT_FILE_BYTES)}\n`);
    write('0004-binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    write('0005-broken-yaml.md', '---\nstatus: [accepted\n---\n# Broken\n');
    write('0006-no-title-no-date.md', 'Only a paragraph, no heading, no date.\n');
    write('diagram.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    write('ADR 7 — Ünïcode & spaces!.md', '# Ünïcode title\n\nText.\n');
    write('empty.md', '');
    write('0008-bad-date.md', '# Bad date\n\n- Status: proposed\n- Date: next Tuesday\n');
    fs.symlinkSync('/etc/hostname', path.join(src, '0009-link.md'));

    const r = app.importer.importPath(src);
    const by = Object.fromEntries(r.entries.map((e) => [e.path, e]));
    expect(by['0001-crlf.md']).toMatchObject({ action: 'imported', ref: 'ADR-1', status: 'accepted' });
    expect(by['0002-latin1.md']).toMatchObject({ action: 'imported', notes: ['not valid UTF-8: read as Windows-1252'] });
    expect(by['0003-huge.md']).toMatchObject({ action: 'skipped', problem: true });
    expect(by['0003-huge.md']!.reason).toMatch(/^too large: \d+ bytes, the import limit is 1000000 bytes per file/);
    expect(by['0004-binary.md']).toMatchObject({ action: 'skipped', reason: 'binary content, not a Markdown text', problem: true });
    expect(by['0005-broken-yaml.md']).toMatchObject({ action: 'skipped', problem: true, reason: 'not imported as madr: its front matter is not valid YAML at line 2' });
    expect(by['0006-no-title-no-date.md']).toMatchObject({ action: 'imported', title: 'No title no date' });
    expect(by['diagram.png']).toMatchObject({ action: 'skipped', problem: false, reason: 'not a Markdown file (.md, .markdown, .mdx)' });
    expect(by['ADR 7 — Ünïcode & spaces!.md']).toMatchObject({ action: 'imported', ref: 'ADR-7', title: 'Ünïcode title' });
    expect(by['empty.md']).toMatchObject({ action: 'imported', title: 'Empty' });
    expect(by['0008-bad-date.md']!.notes).toContain('date "next Tuesday" is not a day as YYYY-MM-DD: kept as dateText');
    expect(by['0009-link.md']).toMatchObject({ action: 'skipped', reason: 'a symbolic link: not followed' });
    expect(r.counts).toMatchObject({ imported: 6, problems: 3 });

    const all = docs();
    const crlf = all.find((d) => d.number === 1)!;
    expect(crlf.body).toBe('Body line one.\nBody line two.\n');
    expect(crlf.fields.date).toBe('2024-02-01');
    const latin = all.find((d) => d.number === 2)!;
    expect([latin.title, latin.body]).toEqual(['Café au lait', 'No “UTF-8” here.\n']);
    expect(all.find((d) => d.title === 'Bad date')!.fields).toMatchObject({ date: '', dateText: 'next Tuesday' });
  });

  it('refuses a path that does not exist with a message that says what to give', () => {
    expect(() => app.importer.importPath(path.join(dir, 'nope'))).toThrow(/Nothing to import at .*nope: give a decision folder, a repository or a Markdown file/);
  });

  it('refuses a DesignDesk team repo (it is synced, not imported) and skips files of one found elsewhere', async () => {
    const repo = path.join(dir, 'team-repo');
    await app.dispatch('docs:create', { kind: 'adr', title: 'Ours' });
    app.exporter.exportTo(repo);
    expect(() => app.importer.importPath(repo)).toThrow(/is a DesignDesk team repository, not another tool's decision log: connect it with "designdesk remote set URL"/);
    const r = app.importer.importPath(path.join(repo, 'adrs'));
    expect(r.entries).toMatchObject([{ path: '0001-ours.md', action: 'skipped', reason: expect.stringContaining('a DesignDesk team-repo file') }]);
  });

  it('imports a single file', () => {
    write('0042-one.md', '# One\n\n- Status: accepted\n');
    const r = app.importer.importPath(path.join(src, '0042-one.md'));
    expect(r.entries).toMatchObject([{ path: '0042-one.md', action: 'imported', ref: 'ADR-42' }]);
  });

  it('imports many files in one transaction quickly enough and keeps them searchable', async () => {
    for (let i = 1; i <= 300; i++) write(`${String(i).padStart(4, '0')}-decision-${i}.md`, `# Decision number ${i}\n\n- Status: accepted\n\nWe chose zebra${i}.\n`);
    const r = app.importer.importPath(src);
    expect(r.counts.imported).toBe(300);
    const hits = await app.dispatch('search:query', { q: 'zebra150' });
    expect(hits.ok && (hits.value as Array<{ number: number }>).map((h) => h.number)).toEqual([150]);
  });
});
