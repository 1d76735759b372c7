import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { callApp } from '../support/apiCall';

const ADA = { name: 'Ada', email: 'ada@example.com' };

let dir: string;
let app: App;

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

/** A matrix with the given revisit fields, moved to `status`. */
async function matrix(title: string, fields: Record<string, unknown>, status: 'draft' | 'decided' | 'superseded') {
  const doc = await call('docs:create', { kind: 'matrix', title });
  let d = await call('docs:update', { id: doc.id, baseRevision: doc.revision, fields: { ...doc.fields, ...fields } });
  if (status !== 'draft') d = await call('docs:move', { id: d.id, to: 'decided' });
  if (status === 'superseded') d = await call('docs:move', { id: d.id, to: 'superseded' });
  return d;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-revisit-'));
  app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', now: () => new Date('2027-03-10T09:00:00Z'), fallbackIdentity: () => ADA, dispatch: { checkOutput: true } });
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('dashboard: decisions due for a revisit', () => {
  it('lists decided matrices whose revisit day is today or past, the longest due first, and nothing else', async () => {
    const past = await matrix('Queue', { revisitOn: '2027-01-15', revisitWhen: 'at 10,000 jobs' }, 'decided');
    const today = await matrix('Database', { revisitOn: '2027-03-10' }, 'decided');
    await matrix('Cache', { revisitOn: '2027-03-11' }, 'decided'); // tomorrow
    await matrix('Search', { revisitOn: '2027-01-01' }, 'draft'); // not decided yet
    await matrix('Old search', { revisitOn: '2027-01-01' }, 'superseded'); // replaced
    await matrix('Logs', { revisitWhen: 'when v5 ships' }, 'decided'); // no day given
    const deleted = await matrix('Metrics', { revisitOn: '2027-02-01' }, 'decided');
    await call('docs:delete', { id: deleted.id });

    const d = await call('dashboard:get', { today: '2027-03-10' });
    expect(d.revisitsDue).toEqual([
      { doc: { id: past.id, kind: 'matrix', number: past.number, title: 'Queue', status: 'decided' }, revisitOn: '2027-01-15', revisitWhen: 'at 10,000 jobs' },
      { doc: { id: today.id, kind: 'matrix', number: today.number, title: 'Database', status: 'decided' }, revisitOn: '2027-03-10', revisitWhen: '' },
    ]);
    // The caller's day decides: a day later, tomorrow's is due too.
    expect((await call('dashboard:get', { today: '2027-03-11' })).revisitsDue!.map((r) => r.doc.title)).toEqual(['Queue', 'Database', 'Cache']);
  });

  it('refuses a revisit day that is not a date, so the dashboard never compares garbage', async () => {
    const doc = await call('docs:create', { kind: 'matrix', title: 'Bad date' });
    const r = await app.dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, fields: { ...doc.fields, revisitOn: 'next spring' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('revisitOn') });
  });
});
