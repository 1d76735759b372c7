import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { lintRepo } from '../../src/main/importExport/lint';
import type { Document } from '../../src/shared/document';
import { canonicalBody } from '../../src/shared/format/documentMarkdown';
import { parseDocument } from '../../src/shared/format/parseDocument';

const FIXTURES = path.resolve(__dirname, '../fixtures/import');
let dir: string;
const apps: App[] = [];

function workspace(): App {
  const app = createApp({ workspaceDir: fs.mkdtempSync(path.join(dir, 'ws-')), bridge: 'web', version: 'test', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }) });
  apps.push(app);
  return app;
}

function docs(app: App): Document[] {
  return app.documents
    .list()
    .map((s) => app.documents.get(s.id))
    .sort((a, b) => (a.kind === b.kind ? a.number - b.number : a.kind < b.kind ? -1 : 1));
}

/** What an import must carry over: everything a person sees, except where the file came from. */
function metadata(d: Document): unknown {
  const { importedFrom: _source, ...fields } = d.fields;
  return { kind: d.kind, number: d.number, title: d.title, status: d.status, fields, body: d.body, createdDay: d.fields.date ? d.createdAt.slice(0, 10) : null };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-roundtrip-'));
});

afterEach(() => {
  for (const a of apps.splice(0)) a.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('import -> export in the same format -> import again gives the same documents', () => {
  it.each([
    ['madr', 'madr'],
    ['adr-tools', 'adr-tools'],
    ['log4brains', 'madr'],
    ['log4brains', 'adr-tools'],
    ['markdown', 'madr'],
  ] as const)('%s imported, exported as %s', (source, format) => {
    const first = workspace();
    first.importer.importPath(path.join(FIXTURES, source));
    const out = path.join(dir, `out-${source}-${format}`);
    const exported = first.exporter.exportTo(out, { format });
    expect(exported.counts).toMatchObject({ skipped: 0, problems: 0 });

    const second = workspace();
    const r = second.importer.importPath(out);
    expect(r.counts).toMatchObject({ problems: 0, skipped: 0 });
    expect(docs(second).map(metadata)).toEqual(docs(first).map(metadata));
    expect(docs(first).length).toBeGreaterThan(2);
  });

  it('madr export keeps the file names of a MADR import, so links between the files still work', () => {
    const first = workspace();
    first.importer.importPath(path.join(FIXTURES, 'madr'));
    const out = path.join(dir, 'out');
    first.exporter.exportTo(out, { format: 'madr' });
    expect(fs.readdirSync(path.join(out, 'docs', 'decisions')).sort()).toEqual(['0001-use-madr-for-decisions.md', '0002-deploy-with-helm.md', '0003-deploy-with-kustomize.md', '0004-evaluate-service-mesh.md']);
  });

  it('designdesk export writes the repo format: every file parses back to its document, and lint finds nothing', async () => {
    const app = workspace();
    app.importer.importPath(path.join(FIXTURES, 'adr-tools'));
    app.importer.importPath(path.join(FIXTURES, 'kep'));
    const pm = await app.dispatch('docs:create', { kind: 'postmortem', title: 'Checkout outage' });
    expect(pm.ok).toBe(true);
    const out = path.join(dir, 'repo');
    const r = app.exporter.exportTo(out);
    expect(r.counts).toMatchObject({ written: 8, skipped: 0 });
    expect(fs.existsSync(path.join(out, 'designdesk.yml'))).toBe(true);
    for (const d of docs(app)) {
      const entry = r.entries.find((e) => e.id === d.id)!;
      const parsed = parseDocument(entry.path!, fs.readFileSync(path.join(out, entry.path!), 'utf8'));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect({ id: parsed.doc.id, number: parsed.doc.number, title: parsed.doc.title, status: parsed.doc.status, body: parsed.doc.body, fields: parsed.doc.fields }).toEqual({ id: d.id, number: d.number, title: d.title, status: d.status, body: canonicalBody(d.body), fields: d.fields });
    }
    expect(r.entries.map((e) => e.path)).toContain('adrs/0002-store-orders-in-postgresql.md');
    expect(r.entries.map((e) => e.path)).toContain('rfcs/1234-server-side-apply.md');
    expect(r.entries.some((e) => /^postmortems\/\d{4}-\d{2}-\d{2}-checkout-outage\.md$/.test(e.path ?? ''))).toBe(true);
    // The KEP status "replaced" came in as deprecated (the original kept as importedStatus): lint finds nothing.
    expect(lintRepo(out)).toEqual([]);
  });

  it('a renamed document keeps its file on the next designdesk export, as in a synced repo: nothing is duplicated', async () => {
    const app = workspace();
    app.importer.importPath(path.join(FIXTURES, 'adr-tools'));
    const out = path.join(dir, 'repo');
    app.exporter.exportTo(out);
    const doc = docs(app).find((d) => d.number === 4)!;
    app.documents.update({ id: doc.id, baseRevision: doc.revision, title: 'Pin CockroachDB to eu-west' });
    const r = app.exporter.exportTo(out);
    expect(r.entries.find((e) => e.id === doc.id)!.path).toBe('adrs/0004-pin-cockroachdb-to-one-region.md');
    expect(fs.readdirSync(path.join(out, 'adrs')).filter((f) => f.startsWith('0004-'))).toEqual(['0004-pin-cockroachdb-to-one-region.md']);
    expect(fs.readFileSync(path.join(out, 'adrs/0004-pin-cockroachdb-to-one-region.md'), 'utf8')).toContain('# Pin CockroachDB to eu-west\n');
    expect(lintRepo(out)).toEqual([]);
  });

  it('madr and adr-tools exports skip other kinds with a reason, and never write through a symbolic link in the target', async () => {
    const app = workspace();
    app.importer.importPath(path.join(FIXTURES, 'adr-tools'));
    await app.dispatch('docs:create', { kind: 'rfc', title: 'Not an ADR' });
    const out = path.join(dir, 'out');
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(path.join(out, 'doc'), { recursive: true });
    fs.mkdirSync(elsewhere);
    fs.symlinkSync(elsewhere, path.join(out, 'doc', 'adr'));
    const r = app.exporter.exportTo(out, { format: 'adr-tools' });
    expect(r.entries.find((e) => e.ref === 'RFC-1')).toMatchObject({ action: 'skipped', problem: false, reason: 'adr-tools holds ADRs only: export RFCs with --format designdesk' });
    expect(r.counts).toMatchObject({ written: 0, problems: 4 });
    expect(r.entries.find((e) => e.ref === 'ADR-1')!.reason).toMatch(/Refused to write through the symbolic link doc\/adr/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});
