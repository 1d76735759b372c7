import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { Document } from '../../src/shared/document';
import type { ApiError } from '../../src/shared/errors';
import type { DocKind } from '../../src/shared/kinds/kinds';
import { callApp, refusalOf } from '../support/apiCall';

let dir: string;
let app: App;

function open(): App {
  return createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    dispatch: { checkOutput: true },
  });
}

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

const refusal = (channel: Channel, input: unknown): Promise<ApiError> => refusalOf(app, channel, input);

async function doc(kind: DocKind, title: string, body?: string): Promise<Document> {
  const d = await call('docs:create', { kind, title });
  return body === undefined ? d : call('docs:update', { id: d.id, baseRevision: d.revision, body });
}

async function linkedFrom(id: string): Promise<string[]> {
  return (await call('links:backlinks', { id })).map((s) => s.title);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-links-'));
  app = open();
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('links and backlinks', () => {
  it('links a reference typed in a body and lists it as a backlink of the target', async () => {
    const rfc1 = await doc('rfc', 'Event bus');
    const rfc2 = await doc('rfc', 'Billing', '## Summary\n\nSee RFC-1 and RFC-99.\n');
    const backlinks = await call('links:backlinks', { id: rfc1.id });
    expect(backlinks).toEqual([expect.objectContaining({ id: rfc2.id, kind: 'rfc', number: 2, title: 'Billing', status: 'draft', author: expect.any(String) })]);
    expect(await linkedFrom(rfc2.id)).toEqual([]);
  });

  it('links across every kind', async () => {
    const adr = await doc('adr', 'Use Postgres');
    const dm = await doc('matrix', 'Queue choice');
    const pm = await doc('postmortem', 'Nov outage');
    const rfc = await doc('rfc', 'Platform', 'Decided in ADR-1 using DM-1, after PM-1.');
    await call('docs:update', { id: pm.id, baseRevision: pm.revision, body: 'Follow-up: RFC-1' });
    expect(await linkedFrom(adr.id)).toEqual(['Platform']);
    expect(await linkedFrom(dm.id)).toEqual(['Platform']);
    expect(await linkedFrom(pm.id)).toEqual(['Platform']);
    expect(await linkedFrom(rfc.id)).toEqual(['Nov outage']);
  });

  it('recomputes links on every save: a removed reference stops linking', async () => {
    const target = await doc('rfc', 'Target');
    const source = await doc('rfc', 'Source', 'About RFC-1');
    expect(await linkedFrom(target.id)).toEqual(['Source']);
    await call('docs:update', { id: source.id, baseRevision: source.revision, body: 'No longer about it' });
    expect(await linkedFrom(target.id)).toEqual([]);
  });

  it('ignores references in code, and a document naming itself', async () => {
    const a = await doc('rfc', 'A', 'I am RFC-1. Example: `RFC-2`\n\n```\nRFC-2\n```\n');
    const b = await doc('rfc', 'B');
    expect(await linkedFrom(a.id)).toEqual([]);
    expect(await linkedFrom(b.id)).toEqual([]);
  });

  it('resolves a link written before its target exists, once the target is created', async () => {
    await doc('rfc', 'Early', 'Depends on ADR-1');
    const adr = await doc('adr', 'Later decision');
    expect(await linkedFrom(adr.id)).toEqual(['Early']);
  });

  it('drops a deleted source from backlinks, and brings it back when restored', async () => {
    const target = await doc('rfc', 'Target');
    const source = await doc('rfc', 'Source', 'RFC-1');
    await call('docs:delete', { id: source.id });
    expect(await linkedFrom(target.id)).toEqual([]);
    await call('docs:restore', { id: source.id });
    expect(await linkedFrom(target.id)).toEqual(['Source']);
    await call('docs:delete', { id: source.id });
    await call('trash:empty', {});
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM links').get()).toEqual({ n: 0 });
  });

  it('refuses backlinks of a missing or deleted document', async () => {
    const d = await doc('rfc', 'X');
    await call('docs:delete', { id: d.id });
    expect((await refusal('links:backlinks', { id: d.id })).code).toBe('NOT_FOUND');
    expect((await refusal('links:backlinks', { id: 'nope' })).code).toBe('VALIDATION');
  });

  it('keeps links across closing and reopening the workspace file', async () => {
    const target = await doc('rfc', 'Target');
    await doc('postmortem', 'Source', 'Caused by RFC-1');
    app.close();
    app = open();
    expect(await linkedFrom(target.id)).toEqual(['Source']);
  });
});

describe('resolving references', () => {
  it('tells which references name a live document and which are missing', async () => {
    const rfc1 = await doc('rfc', 'Event bus');
    const gone = await doc('rfc', 'Gone');
    await call('docs:delete', { id: gone.id });
    const adr = await doc('adr', 'Use SQLite');
    expect(await call('links:resolve', { refs: ['RFC-1', 'RFC-99', 'RFC-2', 'ADR-1', 'adr-1', 'PM-1', 'hello', ''] })).toEqual([
      { ref: 'RFC-1', id: rfc1.id, title: 'Event bus' },
      { ref: 'RFC-99', id: null, title: null },
      { ref: 'RFC-2', id: null, title: null },
      { ref: 'ADR-1', id: adr.id, title: 'Use SQLite' },
      { ref: 'adr-1', id: adr.id, title: 'Use SQLite' },
      { ref: 'PM-1', id: null, title: null },
      { ref: 'hello', id: null, title: null },
      { ref: '', id: null, title: null },
    ]);
  });

  it('accepts up to 500 references in one call', async () => {
    const refs = Array.from({ length: 500 }, (_, i) => `RFC-${i + 1}`);
    expect(await call('links:resolve', { refs })).toHaveLength(500);
    expect((await refusal('links:resolve', { refs: [...refs, 'RFC-501'] })).code).toBe('VALIDATION');
    expect((await refusal('links:resolve', { refs: ['x'.repeat(41)] })).code).toBe('VALIDATION');
  });
});
