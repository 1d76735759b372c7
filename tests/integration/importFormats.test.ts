import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { Document } from '../../src/shared/document';
import { callApp } from '../support/apiCall';

const FIXTURES = path.resolve(__dirname, '../fixtures/import');
let dir: string;
let app: App;
let clock: Date;

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

async function byRef(kind: Document['kind'], number: number): Promise<Document> {
  const hit = (await call('docs:list', { kind })).find((d) => d.number === number);
  if (!hit) throw new Error(`no ${kind} ${number}`);
  return call('docs:get', { id: hit.id });
}

function copyFixture(format: string): string {
  const to = path.join(dir, 'src', format);
  fs.cpSync(path.join(FIXTURES, format), to, { recursive: true });
  return to;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-import-'));
  clock = new Date('2026-11-20T12:00:00Z');
  app = createApp({ workspaceDir: path.join(dir, 'ws'), bridge: 'web', version: 'test', now: () => clock, fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }), dispatch: { checkOutput: true } });
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importing each format into a real workspace', () => {
  it('adr-tools: numbers, dates and statuses as the files say; supersede links on both sides; history says imported', async () => {
    const r = app.importer.importPath(path.join(FIXTURES, 'adr-tools'));
    expect(r.folders).toEqual(['doc/adr']);
    expect(r.counts).toMatchObject({ imported: 4, updated: 0, skipped: 0, problems: 0 });
    const two = await byRef('adr', 2);
    const three = await byRef('adr', 3);
    expect([two.status, two.fields.supersededBy, two.fields.date, two.createdAt]).toEqual(['superseded', 3, '2024-02-12', '2024-02-12T00:00:00.000Z']);
    expect(three.fields.supersedes).toEqual([2]);
    const history = await call('docs:history', { id: two.id });
    expect(history.map((h) => [h.event, h.from, h.to])).toEqual([['imported', null, 'superseded']]);
    expect(history[0]!.data).toEqual({ format: 'adr-tools', path: 'doc/adr/0002-store-orders-in-postgresql.md' });
    expect(two.fields.importedFrom).toMatchObject({ format: 'adr-tools', path: 'doc/adr/0002-store-orders-in-postgresql.md' });
  });

  it('MADR: templates and index skipped with a reason; "on hold" becomes proposed, the original kept; references become links', async () => {
    const r = app.importer.importPath(path.join(FIXTURES, 'madr'));
    expect(r.counts).toMatchObject({ imported: 4, skipped: 2, flagged: 0, problems: 0 });
    expect(r.entries.filter((e) => e.action === 'skipped').map((e) => [e.path, e.problem])).toEqual([['adr-template.md', false], ['index.md', false]]);
    expect([(await byRef('adr', 4)).status, (await byRef('adr', 4)).fields.importedStatus]).toEqual(['proposed', 'on hold']);
    const backlinks = await call('links:backlinks', { id: (await byRef('adr', 2)).id });
    expect(backlinks.map((d) => d.number)).toEqual([3]);
  });

  it('log4brains: numbered in date order; the superseding file found by its name', async () => {
    app.importer.importPath(path.join(FIXTURES, 'log4brains'));
    const list = (await call('docs:list', { kind: 'adr', sort: 'number' })).map((d) => [d.number, d.title, d.status]);
    expect(list).toEqual([
      [1, 'Use Kafka for domain events', 'accepted'],
      [2, 'Use NATS for commands', 'superseded'],
      [3, 'Use Kafka for commands too', 'accepted'],
      [4, 'Try event sourcing for billing', 'proposed'],
    ]);
    expect((await byRef('adr', 2)).fields.supersededBy).toBe(3);
    expect((await byRef('adr', 3)).fields.supersedes).toEqual([2]);
  });

  it('KEPs and Rust RFCs become RFCs with their numbers; the templates are skipped', async () => {
    app.importer.importPath(path.join(FIXTURES, 'kep'));
    app.importer.importPath(path.join(FIXTURES, 'rust-rfc'));
    const rfcs = (await call('docs:list', { kind: 'rfc', sort: 'number' })).map((d) => [d.number, d.status]);
    expect(rfcs).toEqual([[1, 'approved'], [16, 'approved'], [1234, 'implemented'], [2345, 'deprecated'], [3456, 'draft']]);
    const ssa = await byRef('rfc', 1234);
    expect(ssa.fields).toMatchObject({ author: '@ada, @grace', reviewers: ['@linus'], approvers: ['@margaret'], 'owning-sig': 'sig-api' });
    expect((await byRef('rfc', 2345)).fields.supersededBy).toBe(3456);
  });

  it('a whole repository: the decision folders are found (.adr-dir first) and nothing else is read', () => {
    const repo = path.join(dir, 'repo');
    fs.cpSync(path.join(FIXTURES, 'madr'), path.join(repo, 'architecture', 'decisions'), { recursive: true });
    fs.cpSync(path.join(FIXTURES, 'rust-rfc', 'text'), path.join(repo, 'text'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.adr-dir'), 'architecture/decisions\n');
    fs.writeFileSync(path.join(repo, 'README.md'), '# The product\n');
    fs.mkdirSync(path.join(repo, 'src'));
    fs.writeFileSync(path.join(repo, 'src', 'notes.md'), '# Not a decision\n');
    const r = app.importer.importPath(repo);
    expect(r.folders).toEqual(['architecture/decisions', 'text']);
    expect(r.counts.imported).toBe(6);
    expect(r.entries.map((e) => e.path).filter((p) => !p.startsWith('architecture/decisions/') && !p.startsWith('text/'))).toEqual([]);
  });

  it('importing again updates, never duplicates: unchanged files are skipped, a changed file updates its document', async () => {
    const src = copyFixture('madr');
    app.importer.importPath(src);
    const before = await byRef('adr', 1);
    const again = app.importer.importPath(src);
    expect(again.counts).toMatchObject({ imported: 0, updated: 0 });
    expect(again.entries.filter((e) => e.reason === 'unchanged since the last import')).toHaveLength(4);

    const file = path.join(src, '0001-use-madr-for-decisions.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('status: accepted', 'status: deprecated'));
    clock = new Date('2026-11-21T08:00:00Z');
    const third = app.importer.importPath(src);
    expect(third.counts).toMatchObject({ imported: 0, updated: 1 });
    const after = await byRef('adr', 1);
    expect([after.id, after.status, after.revision]).toEqual([before.id, 'deprecated', before.revision + 1]);
    expect((await call('docs:list', { kind: 'adr' })).length).toBe(4);
    const history = await call('docs:history', { id: after.id });
    expect(history.at(-1)).toMatchObject({ event: 'imported', from: 'accepted', to: 'deprecated', data: { update: true } });
  });

  it('a document edited in DesignDesk since its import is not overwritten, unless forced; then its text is kept as a version', async () => {
    const src = copyFixture('madr');
    app.importer.importPath(src);
    const doc = await byRef('adr', 3);
    await call('docs:update', { id: doc.id, baseRevision: doc.revision, body: 'My local rewrite.\n' });
    const file = path.join(src, '0003-deploy-with-kustomize.md');
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}\nA line added upstream.\n`);

    const r = app.importer.importPath(src);
    const entry = r.entries.find((e) => e.path === '0003-deploy-with-kustomize.md')!;
    expect(entry).toMatchObject({ action: 'skipped', problem: true });
    expect(entry.reason).toMatch(/ADR-3 was changed in DesignDesk since the last import: not overwritten/);
    expect((await byRef('adr', 3)).body).toBe('My local rewrite.\n');

    const forced = app.importer.importPath(src, { force: true });
    expect(forced.entries.find((e) => e.path === '0003-deploy-with-kustomize.md')!.action).toBe('updated');
    expect((await byRef('adr', 3)).body).toContain('A line added upstream.');
    const versions = await call('versions:list', { docId: doc.id });
    const bodies = await Promise.all(versions.map((v) => call('versions:get', { docId: doc.id, versionId: v.id })));
    expect(bodies.some((v) => v.body === 'My local rewrite.\n')).toBe(true);
  });

  it('a dry run reports without writing', async () => {
    const r = app.importer.importPath(path.join(FIXTURES, 'madr'), { dryRun: true });
    expect(r.counts.imported).toBe(4);
    expect(await call('docs:list', {})).toEqual([]);
  });

  it('numbers already used in the workspace are not reused: those files are renumbered and say so', async () => {
    await call('docs:create', { kind: 'adr', title: 'Existing one' });
    const r = app.importer.importPath(path.join(FIXTURES, 'adr-tools'));
    const first = r.entries.find((e) => e.path.endsWith('0001-record-architecture-decisions.md'))!;
    expect(first.ref).toBe('ADR-5');
    expect(first.notes).toEqual(['ADR-1 is taken: renumbered', 'now ADR-5']);
    expect((await byRef('adr', 1)).title).toBe('Existing one');
  });
});
