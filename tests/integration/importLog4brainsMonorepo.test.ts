import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Document } from '../../src/shared/document';
import { readLog4brainsFolders } from '../../src/main/importExport/log4brainsConfig';

// Issue 16 item 3: a log4brains monorepo's .log4brains.yml lists packages, each with its own ADR folder.
const FIXTURE = path.resolve(__dirname, '../fixtures/import/log4brains-monorepo');
let dir: string;
let app: App;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-l4b-'));
  app = createApp({ workspaceDir: path.join(dir, 'ws'), bridge: 'web', version: 'test', now: () => new Date('2026-11-20T12:00:00Z'), fallbackIdentity: () => ({ name: 'Ada', email: '' }) });
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function imported(): Map<string, Document> {
  const docs = app.documents.list().map((s) => app.documents.get(s.id));
  return new Map(docs.map((d) => [(d.fields.importedFrom as { path: string }).path, d]));
}

describe('importing a log4brains monorepo', () => {
  it('imports the ADRs of the project and of every package, each package kept as a tag', () => {
    const r = app.importer.importPath(FIXTURE);
    expect(r.folders).toEqual(['docs/adr', 'packages/checkout/adr', 'packages/catalog/adr']);
    expect(r.counts).toMatchObject({ imported: 11, skipped: 4, problems: 0, flagged: 0 });
    const docs = imported();
    expect(docs.size).toBe(11);
    const inFolder = (f: string) => [...docs.keys()].filter((p) => p.startsWith(`${f}/`)).length;
    expect([inFolder('docs/adr'), inFolder('packages/checkout/adr'), inFolder('packages/catalog/adr')]).toEqual([5, 3, 3]);
    for (const [p, d] of docs) {
      const tags = (d.fields.tags as string[] | undefined) ?? [];
      const pkg = /^packages\/([^/]+)\//.exec(p)?.[1];
      if (pkg) expect(tags[0], p).toBe(pkg);
      else expect(tags.some((t) => t === 'checkout' || t === 'catalog'), p).toBe(false);
    }
    expect(docs.get('packages/checkout/adr/20230405-idempotency-keys-for-payments.md')!.fields.tags).toEqual(['checkout', 'payments', 'reliability']);
    // The same file name in two folders stays two documents.
    expect(docs.get('docs/adr/20230110-record-architecture-decisions.md')!.title).toBe('Record architecture decisions');
    expect(docs.get('packages/catalog/adr/20230110-record-architecture-decisions.md')!.title).toBe('Record catalog decisions in this package');
  });

  it('maps draft to proposed and keeps the original status; supersede links still resolve', () => {
    app.importer.importPath(FIXTURE);
    const docs = imported();
    const draft = docs.get('packages/checkout/adr/20230611-retry-payments-with-backoff.md')!;
    expect([draft.status, draft.fields.importedStatus]).toEqual(['proposed', 'draft']);
    expect(docs.get('docs/adr/20240320-adopt-opentelemetry.md')!.status).toBe('proposed');
    const old = docs.get('docs/adr/20230301-store-orders-in-postgresql-13.md')!;
    const next = docs.get('docs/adr/20240105-move-to-postgresql-16.md')!;
    expect([old.status, old.fields.supersededBy, next.fields.supersedes]).toEqual(['superseded', next.number, [old.number]]);
  });

  it('a package folder outside the project or missing is reported and not read; the rest comes in', () => {
    const root = path.join(dir, 'project');
    fs.cpSync(FIXTURE, root, { recursive: true });
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    fs.writeFileSync(path.join(dir, 'elsewhere', '20200101-secret.md'), '# Secret\n\n- Status: accepted\n');
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(root, 'packages', 'linked'));
    const yml = fs.readFileSync(path.join(root, '.log4brains.yml'), 'utf8');
    fs.writeFileSync(
      path.join(root, '.log4brains.yml'),
      `${yml}    - name: escape\n      adrFolder: ../elsewhere\n    - name: linked\n      adrFolder: ./packages/linked\n    - name: gone\n      adrFolder: ./packages/gone/adr\n    - adrFolder: ./docs/adr\n`,
    );
    const r = app.importer.importPath(root);
    expect(r.counts.imported).toBe(11);
    const reasons = r.entries.filter((e) => e.path === '.log4brains.yml').map((e) => e.reason);
    expect(reasons).toEqual([
      expect.stringMatching(/package "escape" names \.\.\/elsewhere, outside the project: not read/),
      expect.stringMatching(/package "linked" names \.\/packages\/linked, which is not a folder/),
      expect.stringMatching(/package "gone" names \.\/packages\/gone\/adr, which is not a folder/),
      expect.stringMatching(/package 6 has no name/),
    ]);
    expect([...imported().keys()].some((p) => p.includes('secret'))).toBe(false);
  });

  it('reads any .log4brains.yml without throwing: folders inside the project or a problem (property)', () => {
    const root = path.join(dir, 'fuzz');
    fs.mkdirSync(path.join(root, 'docs', 'adr'), { recursive: true });
    const yamlish = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('project:\n  adrFolder: ./docs/adr\n', 'project:\n  packages: 3\n', 'project: [1, 2]\n', '---\n...\n', 'project:\n  packages:\n    - name: [x]\n      adrFolder: {a: 1}\n', 'project:\n  adrFolder: /etc\n'),
      fc.array(fc.constantFrom('project:', '  adrFolder: ', './docs/adr', '../..', '  packages:', '    - name: p', '      adrFolder: ', '\n', '"', '[', '{', '&a', '*a', '!!binary'), { maxLength: 30 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(yamlish, (text) => {
        fs.writeFileSync(path.join(root, '.log4brains.yml'), text);
        const r = readLog4brainsFolders(root)!;
        for (const f of r.folders) expect(fs.statSync(path.join(root, f.folder)).isDirectory()).toBe(true);
        for (const f of r.folders) expect(path.relative(root, path.join(root, f.folder)).startsWith('..')).toBe(false);
        for (const p of r.problems) expect(p).toMatch(/^\.log4brains\.yml/);
      }),
      { numRuns: 300 },
    );
    fs.writeFileSync(path.join(root, '.log4brains.yml'), `project:\n  adrFolder: ./docs/adr\n#${'x'.repeat(70_000)}\n`);
    expect(readLog4brainsFolders(root)!.problems[0]).toMatch(/more than the 65536 a log4brains configuration can be/);
  });
});
