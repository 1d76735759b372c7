import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { safeJoin } from '../../src/main/importExport/safePath';
import type { ExportFormat } from '../../src/main/importExport/importedDoc';
import { isAppError } from '../../src/shared/errors';

// Export writes into a folder the user names, from documents other people
// pushed: titles and recorded source names are hostile input. Nothing may be
// written outside the folder, whatever the names and whatever symbolic links
// sit inside it. (The rules of one path are unit-tested in
// tests/unit/main/importExport/safePath.test.ts; here: the whole export.)

const HOSTILE_TITLES = [
  '../../../../tmp/pwned',
  '..\\..\\..\\evil',
  '/etc/passwd',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '\\\\server\\share\\x',
  'CON',
  'nul',
  'COM1.txt',
  'LPT9',
  'a:b|c<d>e?f*g"h',
  '.',
  '..',
  '...',
  ' . ',
  '\u202egpj.exe',
  'x\u0000y',
  'tab\tand\nnewline',
  '%2e%2e%2f%2e%2e%2fescape',
  '~/.ssh/authorized_keys',
  'x'.repeat(200),
];

const FORMATS: ExportFormat[] = ['designdesk', 'madr', 'adr-tools'];

let base: string;
let target: string;
let outside: string;
let app: App;

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-exportpaths-'));
  target = path.join(base, 'export');
  outside = path.join(base, 'outside');
  fs.mkdirSync(target);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'victim.txt'), 'keep me');
  app = createApp({ workspaceDir: path.join(base, 'ws'), bridge: 'web', version: 'test', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.test' }) });
});

afterEach(() => {
  app.close();
  fs.rmSync(base, { recursive: true, force: true });
});

/** Every entry below `dir`, not following symbolic links, as paths relative to it. */
function tree(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? [rel, ...tree(dir, rel)] : [rel];
    })
    .sort();
}

/** Nothing outside the target changed: base holds only what the test made, and `outside` is untouched. */
function expectNothingOutside(): void {
  expect(fs.readdirSync(base).sort()).toEqual(['export', 'outside', 'ws']);
  expect(tree(outside)).toEqual(['victim.txt']);
  expect(fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe('keep me');
  for (const rel of tree(target)) {
    const full = path.join(target, rel);
    if (fs.lstatSync(full).isSymbolicLink()) continue; // planted by the test
    expect(path.relative(target, fs.realpathSync(full)).startsWith('..'), rel).toBe(false);
  }
}

function seedHostile(): void {
  for (const title of HOSTILE_TITLES) {
    for (const kind of ['adr', 'rfc', 'postmortem', 'matrix'] as const) {
      const doc = app.documents.create(kind, title.replace(/\u0000/g, '') || 'x');
      // The title as another person's push could bring it (the create call trims and bounds it).
      app.db.prepare('UPDATE documents SET title = ? WHERE id = ?').run(title, doc.id);
    }
  }
}

describe('export with hostile names', () => {
  it.each(FORMATS)('%s: every file lands inside the target folder', (format) => {
    seedHostile();
    const report = app.exporter.exportTo(target, { format });
    expect(report.counts.problems).toBe(0);
    expect(report.counts.written).toBe(format === 'designdesk' ? HOSTILE_TITLES.length * 4 : HOSTILE_TITLES.length);
    for (const e of report.entries.filter((x) => x.action === 'written')) {
      expect(e.path!.split('/')).not.toContain('..');
      expect(path.isAbsolute(e.path!)).toBe(false);
      expect(fs.existsSync(path.join(target, e.path!)), e.path).toBe(true);
    }
    expectNothingOutside();
  });

  it('refuses a recorded source name that would leave the folder, and names the file itself instead', () => {
    const doc = app.documents.create('adr', 'Use SQLite');
    for (const evil of ['../../outside/0001-pwned.md', '/tmp/0001-pwned.md', '..\\..\\0001-pwned.md', 'docs/decisions/../../../0001-pwned.md', 'nul.md', '0001-CON.md.']) {
      const fields = { ...app.documents.get(doc.id).fields, importedFrom: { format: 'madr', path: evil, hash: 'x' } };
      app.db.prepare('UPDATE documents SET fields = ? WHERE id = ?').run(JSON.stringify(fields), doc.id);
      for (const format of ['madr', 'adr-tools'] as const) {
        const report = app.exporter.exportTo(target, { format });
        expect(report.counts.problems, `${format} ${evil}`).toBe(0);
      }
    }
    expectNothingOutside();
    // Only the base name of a recorded source is ever used, and only when it is a safe name.
    expect(tree(target).filter((f) => f.endsWith('.md'))).toEqual(['doc/adr/0001-use-sqlite.md', 'docs/decisions/0001-pwned.md', 'docs/decisions/0001-use-sqlite.md']);
  });
});

describe('export through symbolic links planted in the target', () => {
  it.each(FORMATS)('%s: refuses linked folders and linked files, writes nothing outside', (format) => {
    app.documents.create('adr', 'Use SQLite');
    app.documents.create('rfc', 'Sync with git');
    // Every folder each layout writes into, and the top-level files, point outside.
    for (const folder of ['rfcs', 'adrs', 'decisions', 'postmortems', 'docs', 'doc']) fs.symlinkSync(outside, path.join(target, folder));
    for (const file of ['designdesk.yml', 'README.md', '.adr-dir']) fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(target, file));
    const report = app.exporter.exportTo(target, { format });
    const written = report.entries.filter((e) => e.action === 'written');
    expect(written).toEqual([]);
    expect(report.counts.problems).toBeGreaterThan(0);
    for (const e of report.entries.filter((x) => x.problem)) expect(e.reason).toMatch(/symbolic link/);
    expectNothingOutside();
  });

  it('refuses to overwrite a document file that is a link to a file outside', () => {
    const doc = app.documents.create('adr', 'Use SQLite');
    app.exporter.exportTo(target, { format: 'designdesk' });
    const rel = tree(target).find((f) => f.startsWith('adrs/') && f.endsWith('.md'))!;
    fs.rmSync(path.join(target, rel));
    fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(target, rel));
    app.documents.update({ id: doc.id, baseRevision: 0, body: 'changed' });
    const report = app.exporter.exportTo(target, { format: 'designdesk' });
    expect(report.entries.find((e) => e.id === doc.id)).toMatchObject({ problem: true, reason: expect.stringMatching(/symbolic link/) });
    expectNothingOutside();
  });
});

describe('safeJoin, whatever the path', () => {
  it('either refuses with an AppError or returns a path inside the root', () => {
    const root = path.join(base, 'export');
    const token = fc.constantFrom('..', '.', '/', '\\', 'a', 'b.md', 'CON', 'nul.md', 'COM1', ':', 'C:', '%2e', '\u0000', ' ', '~', '\u202e', '//', '...');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 10 }), (parts) => {
        const rel = parts.join('');
        try {
          const full = safeJoin(root, rel);
          const back = path.relative(root, full);
          return back !== '' && !back.startsWith('..') && !path.isAbsolute(back);
        } catch (e) {
          return isAppError(e) && e.code === 'VALIDATION';
        }
      }),
      { numRuns: 3000 },
    );
  });
});
