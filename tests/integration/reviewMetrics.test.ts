import { describe, expect, it } from 'vitest';
import { median } from '../../src/main/services/reviewMetrics';
import { useSyncFixture } from '../support/syncWorkspace';

/** Process metrics on the dashboard (issue 14), computed from the history on a real SQLite workspace. */
const f = useSyncFixture();

const ADA = { name: 'Ada', email: 'ada@example.com' };
const GRACE = { name: 'Grace', email: 'grace@example.com' };
const LINUS = { name: 'Linus', email: 'linus@example.com' };
const DAY = 86_400_000;

describe('process metrics', () => {
  it('time from In Review to decision per document, the median per kind over 90 days, open reviews per reviewer, stale count', async () => {
    let clock = Date.parse('2026-01-01T09:00:00Z');
    const w = await f.laptop('Ada', { now: () => new Date(clock) });
    const rfc = async (title: string) => {
      await w.call('identity:set', ADA);
      const d = await w.call('docs:create', { kind: 'rfc', title });
      await w.call('reviews:setReviewers', { docId: d.id, reviewers: [{ ...GRACE, required: true }, { ...LINUS, required: false }] });
      await w.call('reviews:request', { docId: d.id });
      return d;
    };
    const approveAndMove = async (id: string) => {
      await w.call('identity:set', GRACE);
      await w.call('reviews:verdict', { docId: id, verdict: 'approve' });
      await w.call('identity:set', ADA);
      await w.call('docs:move', { id, to: 'approved' });
    };

    // Decided long ago: outside the 90 days.
    const old = await rfc('Old decision');
    clock += 2 * DAY;
    await approveAndMove(old.id);
    clock += 100 * DAY;

    const a = await rfc('Approved in four days');
    clock += DAY;
    const b = await rfc('Rejected in six days');
    clock += 3 * DAY;
    await approveAndMove(a.id);
    clock += 3 * DAY;
    await w.call('docs:move', { id: b.id, to: 'rejected' });
    const c = await rfc('Still in review');
    clock += 6 * DAY;

    const m = (await w.call('dashboard:get', {})).metrics!;
    expect(m.days).toBe(90);
    expect(m.decisions.map((d) => [d.doc.title, d.outcome, d.days])).toEqual([
      ['Rejected in six days', 'rejected', 6],
      ['Approved in four days', 'approved', 4],
    ]);
    expect(m.medianDaysByKind).toEqual([{ kind: 'rfc', median: 5, count: 2 }]);
    expect(m.openReviewsByReviewer).toEqual([
      { name: 'Grace', count: 1 },
      { name: 'Linus', count: 1 },
    ]);
    expect(m.staleInReview).toBe(1);
    expect(c.id).toBeTruthy();
  });

  it('median of an even and an odd count', () => {
    expect(median([4, 6])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([])).toBe(0);
  });
});
