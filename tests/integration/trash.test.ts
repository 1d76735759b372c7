import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/errors';
import { callApp, refusalOf } from '../support/apiCall';

let dir: string;
let app: App;
let clock: Date;

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

const refusal = (channel: Channel, input: unknown): Promise<ApiError> => refusalOf(app, channel, input);

function count(table: string): number {
  return (app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-trash-'));
  clock = new Date('2026-11-20T12:00:00Z');
  app = createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    now: () => clock,
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    dispatch: { checkOutput: true },
  });
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('trash', () => {
  it('moves a document of any kind out of every list and into the trash', async () => {
    const kinds = ['rfc', 'adr', 'matrix', 'postmortem'] as const;
    const docs = await Promise.all(kinds.map((kind) => call('docs:create', { kind, title: `A ${kind}` })));
    clock = new Date('2026-11-20T12:05:00Z');
    for (const d of docs) {
      const entry = await call('docs:delete', { id: d.id });
      expect(entry).toEqual({ id: d.id, kind: d.kind, number: 1, title: d.title, status: d.status, deletedAt: clock.toISOString(), deletedBy: { name: 'Ada', email: 'ada@example.com' } });
    }
    expect(await call('docs:list', {})).toEqual([]);
    expect((await refusal('docs:get', { id: docs[0]!.id })).code).toBe('NOT_FOUND');
    expect((await refusal('docs:update', { id: docs[0]!.id, baseRevision: 0, body: 'x' })).code).toBe('NOT_FOUND');
    expect((await refusal('docs:move', { id: docs[0]!.id, to: 'in-review' })).code).toBe('NOT_FOUND');
    expect((await call('trash:list', {})).map((e) => e.kind).sort()).toEqual([...kinds].sort());
  });

  it('restores a document with its history, versions and number', async () => {
    let d = await call('docs:create', { kind: 'rfc', title: 'Keep me' });
    d = await call('docs:update', { id: d.id, baseRevision: d.revision, body: 'text' });
    await call('docs:delete', { id: d.id });
    const next = await call('docs:create', { kind: 'rfc', title: 'Next' });
    expect(next.number).toBe(2);

    await call('identity:set', { name: 'Grace', email: 'grace@example.com' });
    const summary = await call('docs:restore', { id: d.id });
    expect(summary).toMatchObject({ id: d.id, number: 1, title: 'Keep me' });
    expect(await call('docs:get', { id: d.id })).toEqual(d);
    expect((await call('docs:list', {})).map((s) => s.id).sort()).toEqual([d.id, next.id].sort());
    expect(await call('trash:list', {})).toEqual([]);
    expect(await call('versions:list', { docId: d.id })).toHaveLength(1);
    const history = await call('docs:history', { id: d.id });
    expect(history.map((h) => [h.event, h.actor.name])).toEqual([
      ['created', 'Ada'],
      ['deleted', 'Ada'],
      ['undeleted', 'Grace'],
    ]);
  });

  it('lists the most recently deleted first, with who deleted it', async () => {
    const a = await call('docs:create', { kind: 'rfc', title: 'A' });
    const b = await call('docs:create', { kind: 'adr', title: 'B' });
    await call('docs:delete', { id: a.id });
    clock = new Date('2026-11-20T13:00:00Z');
    await call('identity:set', { name: 'Grace', email: 'grace@example.com' });
    await call('docs:delete', { id: b.id });
    expect((await call('trash:list', {})).map((e) => [e.title, e.deletedBy?.name])).toEqual([
      ['B', 'Grace'],
      ['A', 'Ada'],
    ]);
  });

  it('refuses to delete twice or restore what is not in the trash', async () => {
    const d = await call('docs:create', { kind: 'rfc', title: 'Once' });
    expect((await refusal('docs:restore', { id: d.id })).code).toBe('NOT_FOUND');
    await call('docs:delete', { id: d.id });
    expect((await refusal('docs:delete', { id: d.id })).code).toBe('NOT_FOUND');
    expect((await refusal('docs:delete', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('NOT_FOUND');
    expect((await refusal('docs:delete', { id: d.id, force: true })).code).toBe('VALIDATION');
  });

  it('empties the trash for good, with history, versions and links, leaving live documents alone', async () => {
    let live = await call('docs:create', { kind: 'rfc', title: 'Live' });
    live = await call('docs:update', { id: live.id, baseRevision: live.revision, body: 'See RFC-2' });
    let gone = await call('docs:create', { kind: 'rfc', title: 'Gone' });
    gone = await call('docs:update', { id: gone.id, baseRevision: gone.revision, body: 'See RFC-1' });
    await call('docs:move', { id: gone.id, to: 'in-review' });
    const gone2 = await call('docs:create', { kind: 'postmortem', title: 'Gone too' });
    await call('docs:delete', { id: gone.id });
    await call('docs:delete', { id: gone2.id });

    expect(await call('trash:empty', {})).toEqual({ deleted: 2 });
    expect(await call('trash:list', {})).toEqual([]);
    expect((await refusal('docs:restore', { id: gone.id })).code).toBe('NOT_FOUND');
    expect(count('documents')).toBe(1);
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM history WHERE doc_id <> ?').get(live.id)).toEqual({ n: 0 });
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM versions WHERE doc_id <> ?').get(live.id)).toEqual({ n: 0 });
    expect(app.db.prepare('SELECT from_id FROM links').all()).toEqual([{ from_id: live.id }]);
    expect(await call('docs:get', { id: live.id })).toEqual(live);
    // The live document's link to the emptied RFC-2 now resolves to nothing.
    expect(await call('links:resolve', { refs: ['RFC-2'] })).toEqual([{ ref: 'RFC-2', id: null, title: null }]);
    expect(await call('trash:empty', {})).toEqual({ deleted: 0 });
  });
});
