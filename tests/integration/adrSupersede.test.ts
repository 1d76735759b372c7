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
let clock = new Date('2026-11-20T12:00:00Z');

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

const refusal = (channel: Channel, input: unknown): Promise<ApiError> => refusalOf(app, channel, input);

async function adr(title: string, status?: 'accepted' | 'rejected'): Promise<Document> {
  const doc = await call('docs:create', { kind: 'adr', title });
  return status ? call('docs:move', { id: doc.id, to: status }) : doc;
}

/** Everything about a document that a refused call must leave alone. */
async function snapshot(id: string): Promise<unknown> {
  return { doc: await call('docs:get', { id }), history: await call('docs:history', { id }) };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-adr-'));
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

describe('adrs:supersede', () => {
  it('supersedes ADR-1 by ADR-2: both sides linked, old superseded, history on both, revisions bumped', async () => {
    const one = await adr('Use MySQL', 'accepted');
    const two = await adr('Use PostgreSQL');
    expect([one.number, two.number]).toEqual([1, 2]);
    clock = new Date('2026-11-21T09:30:00Z');

    const r = await call('adrs:supersede', { id: one.id, byId: two.id });
    expect(r.old).toMatchObject({ id: one.id, status: 'superseded', revision: one.revision + 1, updatedAt: '2026-11-21T09:30:00.000Z' });
    expect(r.old.fields).toMatchObject({ supersededBy: 2, supersedes: [] });
    expect(r.new).toMatchObject({ id: two.id, status: 'proposed', revision: two.revision + 1, updatedAt: '2026-11-21T09:30:00.000Z' });
    expect(r.new.fields).toMatchObject({ supersedes: [1], supersededBy: null });

    // What the call returned is what is stored.
    expect(await call('docs:get', { id: one.id })).toEqual(r.old);
    expect(await call('docs:get', { id: two.id })).toEqual(r.new);
    // The other fields survive (date, decision-makers from the template).
    expect(r.old.fields).toMatchObject({ date: '2026-11-20', decisionMakers: ['Ada'] });

    const h1 = (await call('docs:history', { id: one.id })).at(-1)!;
    expect(h1).toMatchObject({
      event: 'superseded',
      from: 'accepted',
      to: 'superseded',
      at: '2026-11-21T09:30:00.000Z',
      actor: { name: 'Ada', email: 'ada@example.com' },
      data: { by: 'ADR-2' },
    });
    const h2 = (await call('docs:history', { id: two.id })).at(-1)!;
    expect(h2).toMatchObject({ event: 'supersedes', at: '2026-11-21T09:30:00.000Z', actor: { name: 'Ada' }, data: { supersedes: 'ADR-1' } });

    // The move is snapshotted like any status change (the DocumentService hooks run too).
    const versions = await call('versions:list', { docId: one.id });
    expect(versions.some((v) => v.reason === 'status' && v.status === 'superseded' && v.revision === r.old.revision)).toBe(true);

    // The library shows the new status; a superseded ADR is final.
    expect((await call('docs:list', { kind: 'adr' })).find((s) => s.id === one.id)?.status).toBe('superseded');
    expect((await refusal('docs:move', { id: one.id, to: 'accepted' })).code).toBe('ILLEGAL_TRANSITION');
  });

  it('lets one ADR supersede several, keeping the list sorted and without duplicates', async () => {
    const a = await adr('A', 'accepted');
    const b = await adr('B', 'accepted');
    const c = await adr('C', 'accepted');
    await call('adrs:supersede', { id: b.id, byId: c.id });
    const r = await call('adrs:supersede', { id: a.id, byId: c.id });
    expect(r.new.fields.supersedes).toEqual([1, 2]);
    expect(r.new.status).toBe('accepted');
  });

  it('supersedes an ADR whose fields predate the schema (only author stored)', async () => {
    const one = await adr('Old', 'accepted');
    app.db.prepare("UPDATE documents SET fields = json('{\"author\":\"Grace\",\"x-custom\":1}') WHERE id = ?").run(one.id);
    const two = await adr('New');
    const r = await call('adrs:supersede', { id: one.id, byId: two.id });
    expect(r.old.fields).toMatchObject({ author: 'Grace', 'x-custom': 1, supersededBy: 2, decisionMakers: [] });
  });

  describe('refusals change nothing', () => {
    async function expectRefused(input: { id: string; byId: string }, code: string, message: RegExp, ids = [input.id, input.byId]): Promise<void> {
      const before = await Promise.all(ids.map(snapshot));
      const error = await refusal('adrs:supersede', input);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(await Promise.all(ids.map(snapshot))).toEqual(before);
    }

    it('refuses when the old ADR is still proposed, saying to accept it first', async () => {
      const one = await adr('Proposed one');
      const two = await adr('New one');
      await expectRefused({ id: one.id, byId: two.id }, 'ILLEGAL_TRANSITION', /ADR-1 is Proposed; only an Accepted ADR can be superseded\. Accept ADR-1 first/);
    });

    it('refuses when the old ADR is rejected or already superseded', async () => {
      const rejected = await adr('Rejected', 'rejected');
      const old = await adr('Old', 'accepted');
      const two = await adr('Two', 'accepted');
      const three = await adr('Three');
      await expectRefused({ id: rejected.id, byId: three.id }, 'ILLEGAL_TRANSITION', /ADR-1 is Rejected/);
      await call('adrs:supersede', { id: old.id, byId: two.id });
      await expectRefused({ id: old.id, byId: three.id }, 'ILLEGAL_TRANSITION', /ADR-2 is Superseded/);
    });

    it('refuses when the new ADR is rejected (a rejected decision replaces nothing)', async () => {
      const one = await adr('One', 'accepted');
      const two = await adr('Two', 'rejected');
      await expectRefused({ id: one.id, byId: two.id }, 'ILLEGAL_TRANSITION', /ADR-2 is Rejected; only a Proposed or Accepted ADR can supersede/);
    });

    it('refuses a document that is not an ADR, on either side', async () => {
      const rfc = await call('docs:create', { kind: 'rfc', title: 'An RFC' });
      const one = await adr('One', 'accepted');
      const two = await adr('Two');
      await expectRefused({ id: rfc.id, byId: two.id }, 'VALIDATION', /RFC-1 is not an ADR/);
      await expectRefused({ id: one.id, byId: rfc.id }, 'VALIDATION', /RFC-1 is not an ADR/);
    });

    it('refuses an ADR superseding itself', async () => {
      const one = await adr('One', 'accepted');
      await expectRefused({ id: one.id, byId: one.id }, 'VALIDATION', /cannot supersede itself/, [one.id]);
    });

    it('refuses a deleted or unknown ADR with NOT_FOUND', async () => {
      const one = await adr('One', 'accepted');
      const gone = await adr('Gone');
      app.db.prepare('UPDATE documents SET deleted_at = ? WHERE id = ?').run('2026-11-20T13:00:00Z', gone.id);
      await expectRefused({ id: one.id, byId: gone.id }, 'NOT_FOUND', /does not exist/, [one.id]);
      await expectRefused({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', byId: one.id }, 'NOT_FOUND', /does not exist/, [one.id]);
    });

    it('is one transaction: a failure on the last write rolls back the first', async () => {
      const one = await adr('One', 'accepted');
      const two = await adr('Two');
      // Make the very last statement (the new ADR's history entry) fail inside SQLite.
      app.db.exec("CREATE TEMP TRIGGER fail_supersedes BEFORE INSERT ON history WHEN NEW.event = 'supersedes' BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
      await expectRefused({ id: one.id, byId: two.id }, 'INTERNAL', /Something went wrong/);
      app.db.exec('DROP TRIGGER fail_supersedes');
      expect((await call('adrs:supersede', { id: one.id, byId: two.id })).old.status).toBe('superseded');
    });

    it('refuses a malformed input before the service runs', async () => {
      const one = await adr('One', 'accepted');
      expect((await refusal('adrs:supersede', { id: one.id })).code).toBe('VALIDATION');
      expect((await refusal('adrs:supersede', { id: one.id, byId: 'ADR-2' })).code).toBe('VALIDATION');
      expect((await refusal('adrs:supersede', { id: one.id, byId: one.id, extra: 1 })).code).toBe('VALIDATION');
    });
  });
});
