import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { Document } from '../../src/shared/document';
import type { ApiError } from '../../src/shared/errors';
import { callApp, refusalOf } from '../support/apiCall';

let dir: string;
let app: App;
let clock: Date;
const MINUTE = 60_000;

function open(): App {
  return createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    now: () => clock,
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    dispatch: { checkOutput: true },
  });
}

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

const refusal = (channel: Channel, input: unknown): Promise<ApiError> => refusalOf(app, channel, input);

function later(minutes: number): void {
  clock = new Date(clock.getTime() + minutes * MINUTE);
}

async function save(doc: Document, patch: { title?: string; body?: string; fields?: Record<string, unknown> }): Promise<Document> {
  return call('docs:update', { id: doc.id, baseRevision: doc.revision, ...patch });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-versions-'));
  clock = new Date('2026-11-20T12:00:00Z');
  app = open();
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('versions per editing session', () => {
  it('keeps the text as it was when a session began, once per session', async () => {
    let doc = await call('docs:create', { kind: 'rfc', title: 'Queues' });
    const template = doc.body;
    expect(await call('versions:list', { docId: doc.id })).toEqual([]);

    doc = await save(doc, { body: 'first words' });
    later(2);
    doc = await save(doc, { body: 'first words, more' });
    later(5);
    doc = await save(doc, { body: 'first words, more, still the same session' });
    let versions = await call('versions:list', { docId: doc.id });
    expect(versions.map((v) => v.reason)).toEqual(['session']);
    const first = await call('versions:get', { docId: doc.id, versionId: versions[0]!.id });
    expect(first).toMatchObject({ title: 'Queues', body: template, revision: 0, actor: { name: 'Ada', email: 'ada@example.com' }, status: 'draft' });

    later(11);
    doc = await save(doc, { body: 'after a break' });
    versions = await call('versions:list', { docId: doc.id });
    expect(versions.map((v) => v.reason)).toEqual(['session', 'session']);
    const second = await call('versions:get', { docId: doc.id, versionId: versions[0]!.id });
    expect(second.body).toBe('first words, more, still the same session');
    expect(second.at).toBe(clock.toISOString());
    expect(versions[0]).not.toHaveProperty('body');
  });

  it('starts a new session when another person saves', async () => {
    let doc = await call('docs:create', { kind: 'postmortem', title: 'Outage' });
    doc = await save(doc, { body: 'Ada wrote this' });
    await call('identity:set', { name: 'Grace', email: 'grace@example.com' });
    later(1);
    doc = await save(doc, { body: 'Grace changed it' });
    later(1);
    doc = await save(doc, { body: 'Grace changed it again' });
    const versions = await call('versions:list', { docId: doc.id });
    expect(versions.map((v) => [v.reason, v.actor.name])).toEqual([
      ['session', 'Grace'],
      ['session', 'Ada'],
    ]);
    expect((await call('versions:get', { docId: doc.id, versionId: versions[0]!.id })).body).toBe('Ada wrote this');
  });

  it('keeps no version for a save that changes nothing', async () => {
    const doc = await call('docs:create', { kind: 'matrix', title: 'DB choice' });
    await save(doc, { title: 'DB choice' });
    expect(await call('versions:list', { docId: doc.id })).toEqual([]);
  });

  it('keeps a version on every status move, in every kind', async () => {
    const rfc = await call('docs:create', { kind: 'rfc', title: 'R' });
    await call('docs:move', { id: rfc.id, to: 'in-review' });
    await call('docs:move', { id: rfc.id, to: 'draft' });
    const adr = await call('docs:create', { kind: 'adr', title: 'A' });
    await call('docs:move', { id: adr.id, to: 'accepted' });
    const rfcVersions = await call('versions:list', { docId: rfc.id });
    expect(rfcVersions.map((v) => [v.reason, v.status, v.revision])).toEqual([
      ['status', 'draft', 2],
      ['status', 'in-review', 1],
    ]);
    expect((await call('versions:list', { docId: adr.id })).map((v) => [v.reason, v.status])).toEqual([['status', 'accepted']]);
    // An illegal move keeps nothing.
    expect((await refusal('docs:move', { id: adr.id, to: 'proposed' })).code).toBe('ILLEGAL_TRANSITION');
    expect(await call('versions:list', { docId: adr.id })).toHaveLength(1);
  });

  it('survives closing and reopening the workspace file', async () => {
    const doc = await call('docs:create', { kind: 'rfc', title: 'Persisted' });
    await save(doc, { body: 'x' });
    app.close();
    app = open();
    const versions = await call('versions:list', { docId: doc.id });
    expect(versions).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'designdesk.sqlite'))).toBe(true);
  });
});

describe('restoring a version', () => {
  it('writes the version back as a new revision, keeping the text it replaced', async () => {
    let doc = await call('docs:create', { kind: 'rfc', title: 'Cache' });
    doc = await save(doc, { body: '## Summary\n\nOriginal plan.\n', fields: { ...doc.fields, reviewers: ['Lin'] } });
    doc = await call('docs:move', { id: doc.id, to: 'in-review' });
    later(1);
    doc = await save(doc, { title: 'Cache (rewritten)', body: '## Summary\n\nA different plan.\n', fields: { ...doc.fields, reviewers: [] } });
    const statusVersion = (await call('versions:list', { docId: doc.id })).find((v) => v.reason === 'status')!;

    later(1);
    const restored = await call('versions:restore', { docId: doc.id, versionId: statusVersion.id, baseRevision: doc.revision });
    expect(restored).toMatchObject({ title: 'Cache', body: '## Summary\n\nOriginal plan.\n', status: 'in-review', revision: doc.revision + 1 });
    expect(restored.fields.reviewers).toEqual(['Lin']);
    expect(await call('docs:get', { id: doc.id })).toEqual(restored);

    const versions = await call('versions:list', { docId: doc.id });
    expect(versions.slice(0, 2).map((v) => [v.reason, v.revision, v.title])).toEqual([
      ['restore', restored.revision, 'Cache'],
      ['before-restore', doc.revision, 'Cache (rewritten)'],
    ]);
    const before = await call('versions:get', { docId: doc.id, versionId: versions[1]!.id });
    expect(before.body).toBe('## Summary\n\nA different plan.\n');

    const history = await call('docs:history', { id: doc.id });
    expect(history.at(-1)).toMatchObject({ event: 'restored', actor: { name: 'Ada' }, data: { versionId: statusVersion.id } });

    // The restore can itself be undone from its 'before-restore' version.
    const undone = await call('versions:restore', { docId: doc.id, versionId: before.id });
    expect(undone.title).toBe('Cache (rewritten)');
    expect(undone.body).toBe('## Summary\n\nA different plan.\n');
  });

  it('refuses a restore over a newer revision and changes nothing', async () => {
    let doc = await call('docs:create', { kind: 'rfc', title: 'T' });
    doc = await save(doc, { body: 'one' });
    const [v] = await call('versions:list', { docId: doc.id });
    const error = await refusal('versions:restore', { docId: doc.id, versionId: v!.id, baseRevision: doc.revision - 1 });
    expect(error.code).toBe('CONFLICT');
    expect((await call('docs:get', { id: doc.id })).body).toBe('one');
    expect(await call('versions:list', { docId: doc.id })).toHaveLength(1);
  });

  it('refuses versions of another document, unknown ones, and bad input', async () => {
    let a = await call('docs:create', { kind: 'rfc', title: 'A' });
    a = await save(a, { body: 'a' });
    const b = await call('docs:create', { kind: 'rfc', title: 'B' });
    const [va] = await call('versions:list', { docId: a.id });
    expect((await refusal('versions:get', { docId: b.id, versionId: va!.id })).code).toBe('NOT_FOUND');
    expect((await refusal('versions:restore', { docId: b.id, versionId: va!.id })).code).toBe('NOT_FOUND');
    expect((await refusal('versions:get', { docId: a.id, versionId: 999 })).code).toBe('NOT_FOUND');
    expect((await refusal('versions:get', { docId: a.id, versionId: -1 })).code).toBe('VALIDATION');
    expect((await refusal('versions:list', { docId: a.id, extra: 1 })).code).toBe('VALIDATION');
  });

  it('hides the versions of a document in the trash and drops them when the trash is emptied', async () => {
    let doc = await call('docs:create', { kind: 'rfc', title: 'Gone' });
    doc = await save(doc, { body: 'text' });
    await call('docs:delete', { id: doc.id });
    expect((await refusal('versions:list', { docId: doc.id })).code).toBe('NOT_FOUND');
    await call('docs:restore', { id: doc.id });
    expect(await call('versions:list', { docId: doc.id })).toHaveLength(1);
    await call('docs:delete', { id: doc.id });
    await call('trash:empty', {});
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM versions').get()).toEqual({ n: 0 });
  });
});
