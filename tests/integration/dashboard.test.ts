import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { callApp } from '../support/apiCall';

const ADA = { name: 'Ada', email: 'ada@example.com' };
const GRACE = { name: 'Grace', email: 'grace@example.com' };
const LINUS = { name: 'Linus', email: 'linus@example.com' };
const DAY = 86_400_000;

let dir: string;
let app: App;
let clock: number;

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);
const as = (p: typeof ADA) => call('identity:set', p);

/** An RFC by `author`, reviewers as given, review requested. */
async function inReview(author: typeof ADA, title: string, reviewers: { person: typeof ADA; required: boolean }[]) {
  await as(author);
  const doc = await call('docs:create', { kind: 'rfc', title });
  await call('reviews:setReviewers', { docId: doc.id, reviewers: reviewers.map((r) => ({ ...r.person, required: r.required })) });
  return (await call('reviews:request', { docId: doc.id })).document;
}

beforeEach(() => {
  clock = Date.parse('2026-03-02T09:00:00Z');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-dashboard-'));
  app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', now: () => new Date(clock), fallbackIdentity: () => ADA, dispatch: { checkOutput: true } });
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('dashboard:get', () => {
  it('answers what waits on me, my documents in review, stale reviews, recent decisions and overdue actions', async () => {
    const older = await inReview(ADA, 'Older request', [{ person: GRACE, required: true }, { person: LINUS, required: false }]);
    clock += DAY;
    const newer = await inReview(LINUS, 'Newer request', [{ person: GRACE, required: false }]);
    clock += DAY;
    const decided = await inReview(ADA, 'Decided one', [{ person: GRACE, required: true }]);
    await as(GRACE);
    await call('reviews:verdict', { docId: decided.id, verdict: 'approve' });
    await call('reviews:verdict', { docId: older.id, verdict: 'request-changes' });
    await as(ADA);
    await call('docs:move', { id: decided.id, to: 'approved' });
    const pm = await call('docs:create', { kind: 'postmortem', title: 'Outage' });
    await call('docs:update', {
      id: pm.id,
      baseRevision: pm.revision,
      fields: { ...pm.fields, actionItems: [{ id: 'a1', action: 'Add alert', owner: 'Ada', due: '2026-03-01', status: 'open' }] },
    });

    // Grace answered "older" already; "newer" still waits on her.
    await as(GRACE);
    let dash = await call('dashboard:get', { today: '2026-03-04' });
    expect(dash.waitingOnMe.map((w) => [w.doc.title, w.required, w.requestedBy.name])).toEqual([['Newer request', false, 'Linus']]);
    expect(dash.myInReview).toEqual([]);

    // Ada sees her document still in review, with who answered and who did not.
    await as(ADA);
    dash = await call('dashboard:get', { today: '2026-03-04' });
    expect(dash.waitingOnMe).toEqual([]);
    expect(dash.myInReview).toHaveLength(1);
    expect(dash.myInReview[0]).toMatchObject({
      doc: { id: older.id, title: 'Older request', status: 'in-review' },
      reviewers: [
        { name: 'Grace', required: true, verdict: 'request-changes' },
        { name: 'Linus', required: false, verdict: null, respondedAt: null },
      ],
      policyOk: false,
    });
    expect(dash.recentlyDecided.map((d) => [d.doc.title, d.doc.status, d.decidedBy.name])).toEqual([['Decided one', 'approved', 'Ada']]);
    expect(dash.overdueActions.map((a) => a.action)).toEqual(['Add alert']);
    expect(dash.stale).toEqual([]);

    // A week later with nothing happening, both open reviews are stale (default 5 days), the idlest first;
    // Grace's verdict on "older" two days in counts as activity.
    clock += 7 * DAY;
    dash = await call('dashboard:get', {});
    expect(dash.staleAfterDays).toBe(5);
    expect(dash.stale.map((s) => [s.doc.title, s.idleDays, s.waitingOn])).toEqual([
      ['Newer request', 8, ['Grace']],
      ['Older request', 7, ['Linus']],
    ]);
    await call('dashboard:setStaleAfterDays', { days: 8 });
    expect((await call('dashboard:get', {})).stale.map((s) => s.doc.title)).toEqual(['Newer request']);

    // Requesting again after changes puts it back in Grace's queue, marked as asked again.
    await call('reviews:request', { docId: older.id });
    await as(GRACE);
    dash = await call('dashboard:get', {});
    expect(dash.waitingOnMe.map((w) => [w.doc.title, w.again])).toEqual([
      ['Older request', true],
      ['Newer request', false],
    ]);
    expect(newer.status).toBe('in-review');
  });

  it('leaves out documents in the trash', async () => {
    const doc = await inReview(ADA, 'Binned', [{ person: GRACE, required: true }]);
    await call('docs:delete', { id: doc.id });
    await as(GRACE);
    expect((await call('dashboard:get', {})).waitingOnMe).toEqual([]);
  });
});
