import { describe, expect, it } from 'vitest';
import { deriveConcerns, deriveHold } from '../../../../src/shared/reviews/concerns';
import { evaluatePolicy } from '../../../../src/shared/reviews/policy';
import type { ReviewPolicy, ReviewRecord } from '../../../../src/shared/reviews/schemas';
import { recordMaker } from './records';

/** Records start at 09:00 on 2026-03-01 and are a minute apart. */
const START = Date.parse('2026-03-01T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number): string => new Date(START + days * DAY).toISOString();

function policyOf(records: ReviewRecord[], policy?: ReviewPolicy, now = at(0.5)) {
  return evaluatePolicy({ kind: 'rfc', records, body: 'v1', now, ...(policy ? { policy } : {}) });
}

describe('blocking concerns', () => {
  it('an open concern blocks approval even when every required reviewer approved, and names it', () => {
    const m = recordMaker();
    const concern = m.concern('Linus', 'No backup story');
    const r = policyOf([m.reviewer('Grace', true), m.verdict('Grace', 'approve'), concern]);
    expect(r).toMatchObject({ ok: false, openConcerns: ['No backup story'] });
    expect(r.message).toMatch(/Blocking concern “No backup story” raised by Linus\./);
  });

  it('only the raiser resolves it: a resolution by anyone else (the author, by hand) is ignored', () => {
    const m = recordMaker();
    const concern = m.concern('Linus', 'No backup story');
    const base = [m.reviewer('Grace', true), m.verdict('Grace', 'approve'), concern];
    expect(policyOf([...base, m.resolution('Ada', concern.id)]).ok).toBe(false);
    expect(policyOf([...base, m.resolution('Linus', concern.id)])).toMatchObject({ ok: true, openConcerns: [] });
  });

  it('the raiser’s delegate may resolve it; a delegation by someone else does not count', () => {
    const m = recordMaker();
    const concern = m.concern('Linus', 'No backup story');
    const base = [m.reviewer('Grace', true), m.verdict('Grace', 'approve'), concern];
    expect(policyOf([...base, m.delegation('Ada', concern.id, 'Ada'), m.resolution('Ada', concern.id)]).ok).toBe(false);
    expect(policyOf([...base, m.delegation('Linus', concern.id, 'Grace'), m.resolution('Grace', concern.id)]).ok).toBe(true);
    const list = deriveConcerns([...base, m.delegation('Linus', concern.id, 'Grace')]);
    expect(list[0]).toMatchObject({ open: true, delegate: { name: 'Grace' } });
  });

  it('a reopened concern blocks again; the latest act of the raiser stands', () => {
    const m = recordMaker();
    const concern = m.concern('Linus', 'No backup story');
    const records = [m.reviewer('Grace', true), m.verdict('Grace', 'approve'), concern, m.resolution('Linus', concern.id), m.resolution('Linus', concern.id, false)];
    expect(policyOf(records).ok).toBe(false);
  });
});

describe('hold', () => {
  it('a hold blocks approval with its reason until it is lifted', () => {
    const m = recordMaker();
    const base = [m.reviewer('Grace', true), m.verdict('Grace', 'approve')];
    const held = [...base, m.hold('Linus', true, 'Waiting for the security review.')];
    expect(deriveHold(held)).toMatchObject({ by: { name: 'Linus' }, reason: 'Waiting for the security review.' });
    expect(policyOf(held)).toMatchObject({ ok: false, hold: { reason: 'Waiting for the security review.' } });
    expect(policyOf(held).message).toMatch(/On hold by Linus: Waiting for the security review\./);
    expect(policyOf([...held, m.hold('Ada', false)])).toMatchObject({ ok: true, hold: null });
  });
});

describe('final comment period', () => {
  const FCP: ReviewPolicy = { minApprovals: {}, finalCommentPeriodDays: { rfc: 10 } };

  it('starts when the required approvals are in, shows its end, and allows approval once it ran out', () => {
    const m = recordMaker();
    const approve = m.verdict('Grace', 'approve');
    const records = [m.reviewer('Grace', true), m.request(), approve];
    const running = policyOf(records, FCP, new Date(Date.parse(approve.at) + 3 * DAY).toISOString());
    expect(running).toMatchObject({ ok: false, fcp: { state: 'running', days: 10, startedAt: approve.at, daysLeft: 7 } });
    expect(running.fcp!.endsAt).toBe(new Date(Date.parse(approve.at) + 10 * DAY).toISOString());
    expect(running.message).toMatch(/In its final comment period until 2026-03-11 \(7 days left\)/);
    expect(policyOf(records, FCP, at(11))).toMatchObject({ ok: true, fcp: { state: 'complete', daysLeft: 0 } });
  });

  it('does not start while approvals are missing, and is not asked for other kinds', () => {
    const m = recordMaker();
    expect(policyOf([m.reviewer('Grace', true), m.request()], FCP, at(20)).fcp).toBeNull();
    const m2 = recordMaker();
    expect(evaluatePolicy({ kind: 'adr', records: [m2.reviewer('Grace', true), m2.verdict('Grace', 'approve')], body: 'v1', policy: FCP, now: at(1) })).toMatchObject({ ok: true, fcp: null });
  });

  it('a concern raised during the period stops it; once resolved, the period starts over', () => {
    const m = recordMaker();
    const concern = m.concern('Linus', 'Cost at scale');
    const records = [m.reviewer('Grace', true), m.verdict('Grace', 'approve'), concern];
    expect(policyOf(records, FCP, at(20))).toMatchObject({ ok: false, fcp: null, openConcerns: ['Cost at scale'] });
    const resolve = { ...m.resolution('Linus', concern.id), at: at(5) } as ReviewRecord;
    expect(policyOf([...records, resolve], FCP, at(12))).toMatchObject({ ok: false, fcp: { state: 'running', startedAt: at(5), daysLeft: 3 } });
    expect(policyOf([...records, resolve], FCP, at(15))).toMatchObject({ ok: true, fcp: { state: 'complete' } });
  });

  it('a lifted hold restarts it too', () => {
    const m = recordMaker();
    const records = [m.reviewer('Grace', true), m.verdict('Grace', 'approve'), m.hold('Linus', true, 'Budget'), { ...m.hold('Linus', false), at: at(2) } as ReviewRecord];
    expect(policyOf(records, FCP, at(11))).toMatchObject({ ok: false, fcp: { startedAt: at(2), daysLeft: 1 } });
  });
});
