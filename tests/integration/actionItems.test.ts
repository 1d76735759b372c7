import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { Document } from '../../src/shared/document';
import { callApp } from '../support/apiCall';

let dir: string;
let app: App;
let today = '2026-11-20';

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

async function postmortem(title: string, actionItems: unknown[]): Promise<Document> {
  const doc = await call('docs:create', { kind: 'postmortem', title });
  return call('docs:update', { id: doc.id, baseRevision: doc.revision, fields: { ...doc.fields, actionItems } });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-actions-'));
  today = '2026-11-20';
  app = createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    now: () => new Date(`${today}T12:00:00Z`),
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    dispatch: { checkOutput: true },
  });
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('actions:list across postmortems', () => {
  let db: Document;
  let cdn: Document;

  beforeEach(async () => {
    db = await postmortem('Database failover stalled', [
      { id: 'a1', action: 'Alert on replica lag', owner: 'Grace', due: '2026-11-10', status: 'open' },
      { id: 'a2', action: 'Runbook for manual failover', owner: 'Ada', due: '2026-12-01', status: 'in-progress' },
      { id: 'a3', action: 'Rehearse failover', owner: 'Grace', due: '2026-11-01', status: 'done' },
    ]);
    cdn = await postmortem('CDN certificate expired', [
      { id: 'b1', action: 'Automate certificate renewal', owner: ' grace ', due: '2026-11-19', status: 'in-progress' },
      { id: 'b2', action: 'Inventory certificates', owner: '', due: '', status: 'open' },
    ]);
  });

  it('lists every item of every postmortem with its postmortem, soonest due first and undated last', async () => {
    const rows = await call('actions:list', {});
    expect(rows.map((r) => r.itemId)).toEqual(['a3', 'a1', 'b1', 'a2', 'b2']);
    expect(rows.find((r) => r.itemId === 'b1')).toEqual({
      docId: cdn.id,
      docNumber: cdn.number,
      docTitle: 'CDN certificate expired',
      itemId: 'b1',
      action: 'Automate certificate renewal',
      owner: ' grace ',
      due: '2026-11-19',
      status: 'in-progress',
      overdue: true,
      link: '',
      reason: '',
    });
    expect(new Set(rows.map((r) => r.docNumber))).toEqual(new Set([db.number, cdn.number]));
  });

  it('carries the RFC or ADR an item links to, and why a won\'t-do item is not done; a won\'t-do item is never overdue', async () => {
    await postmortem('Queue backlog', [
      { id: 'c1', action: 'Bound the queue', due: '2026-11-01', status: 'wont-do', reason: 'ADR-2 drops the queue', link: 'adr-2' },
      { id: 'c2', action: 'Shard the queue', due: '2026-11-01', status: 'open', link: 'RFC-4' },
    ]);
    const rows = await call('actions:list', {});
    expect(rows.find((r) => r.itemId === 'c1')).toMatchObject({ status: 'wont-do', reason: 'ADR-2 drops the queue', link: 'ADR-2', overdue: false });
    expect(rows.find((r) => r.itemId === 'c2')).toMatchObject({ status: 'open', reason: '', link: 'RFC-4', overdue: true });
    expect((await call('actions:list', { status: 'wont-do' })).map((r) => r.itemId)).toEqual(['c1']);
  });

  it('marks as overdue what is past due and not done, by the main side date', async () => {
    const overdue = (await call('actions:list', {})).filter((r) => r.overdue).map((r) => r.itemId);
    expect(overdue).toEqual(['a1', 'b1']);
    today = '2026-12-02';
    const later = (await call('actions:list', {})).filter((r) => r.overdue).map((r) => r.itemId);
    expect(later).toEqual(['a1', 'b1', 'a2']);
  });

  it("uses the caller's date when given", async () => {
    const rows = await call('actions:list', { today: '2026-11-15', overdueOnly: true });
    expect(rows.map((r) => r.itemId)).toEqual(['a1']);
  });

  it('filters by owner ignoring case and spaces, by status, and by overdue, together', async () => {
    expect((await call('actions:list', { owner: 'GRACE' })).map((r) => r.itemId)).toEqual(['a3', 'a1', 'b1']);
    expect((await call('actions:list', { status: 'open' })).map((r) => r.itemId)).toEqual(['a1', 'b2']);
    expect((await call('actions:list', { overdueOnly: true })).map((r) => r.itemId)).toEqual(['a1', 'b1']);
    expect((await call('actions:list', { owner: 'grace', status: 'in-progress', overdueOnly: true })).map((r) => r.itemId)).toEqual(['b1']);
    expect(await call('actions:list', { owner: 'Nobody' })).toEqual([]);
  });

  it('follows edits and leaves out deleted postmortems and other kinds', async () => {
    const fresh = await call('docs:get', { id: db.id });
    const items = (fresh.fields.actionItems as { status: string }[]).map((i) => ({ ...i, status: 'done' }));
    await call('docs:update', { id: db.id, baseRevision: fresh.revision, fields: { ...fresh.fields, actionItems: items } });
    expect((await call('actions:list', { overdueOnly: true })).map((r) => r.itemId)).toEqual(['b1']);

    const rfc = await call('docs:create', { kind: 'rfc' });
    // The API refuses a key the kind does not define (issue 13, item 20); a teammate's file may still carry one.
    app.db.prepare('UPDATE documents SET fields = ? WHERE id = ?').run(JSON.stringify({ ...rfc.fields, actionItems: [{ id: 'r1', action: 'Not a postmortem' }] }), rfc.id);
    app.db.prepare('UPDATE documents SET deleted_at = ? WHERE id = ?').run('2026-11-20T12:00:00Z', cdn.id);
    expect((await call('actions:list', {})).map((r) => r.itemId)).toEqual(['a3', 'a1', 'a2']);
  });

  it('skips an item that a hand edit broke instead of failing the list', async () => {
    const fields = JSON.stringify({ actionItems: [{ id: 'x1', action: 'Fine', due: '' }, { id: 'x2', due: 'soon' }, 'junk'] });
    app.db.prepare('UPDATE documents SET fields = ? WHERE id = ?').run(fields, cdn.id);
    const rows = await call('actions:list', {});
    expect(rows.map((r) => r.itemId)).toEqual(['a3', 'a1', 'a2', 'x1']);
  });

  it('refuses a bad filter before it reaches the service', async () => {
    const r = await app.dispatch('actions:list', { status: 'closed' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const extra = await app.dispatch('actions:list', { sql: '1' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('postmortem documents', () => {
  it('start from the template with today as incident date and refuse an invalid timeline', async () => {
    const doc = await call('docs:create', { kind: 'postmortem' });
    expect(doc.fields).toMatchObject({ author: 'Ada', incidentDate: '2026-11-20', severity: 'SEV-3', timeline: [], actionItems: [] });
    expect(doc.body).toContain('## Root Cause');
    const r = await app.dispatch('docs:update', { id: doc.id, baseRevision: 0, fields: { ...doc.fields, timeline: [{ id: 't1', time: 'noon', event: 'x' }] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('timeline.0.time') } });
  });
});
