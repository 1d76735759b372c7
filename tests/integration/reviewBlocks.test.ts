import { describe, expect, it } from 'vitest';
import { ReviewStore } from '../../src/main/store/reviewStore';
import { parseReviewFile } from '../../src/shared/reviews/reviewFile';
import { remoteShow, useSyncFixture, type Workspace } from '../support/syncWorkspace';

/** Concerns, holds, the final comment period and due dates (issue 14), on real SQLite and a real git http-backend. */
const f = useSyncFixture();

const GRACE = { name: 'Grace', email: 'grace@example.com' };
const LINUS = { name: 'Linus', email: 'linus@example.com' };
const WHOLE = { section: '', quote: '', prefix: '', suffix: '' };
const DAY = 86_400_000;

async function rfcInReview(ada: Workspace, opts: { due?: string } = {}) {
  const doc = await ada.call('docs:create', { kind: 'rfc', title: 'Store documents in SQLite' });
  await ada.call('reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }, { ...LINUS, required: false }] });
  await ada.call('reviews:request', { docId: doc.id, ...(opts.due ? { due: opts.due } : {}) });
  return doc;
}

describe('concerns and holds merge from two laptops at once', () => {
  it('a concern, a hold and two approvals made offline on two laptops all arrive; only the raiser resolves; both releases merge too', async () => {
    const ada = await f.laptop('Ada');
    const doc = await rfcInReview(ada);
    expect(await ada.call('sync:run', {})).toMatchObject({ errors: [] });
    const grace = await f.laptop('Grace');
    const linus = await f.laptop('Linus');
    await grace.call('sync:run', {});
    await linus.call('sync:run', {});

    // Offline: Grace approves but raises a blocking concern on a passage; Linus approves and puts it on hold.
    await grace.call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    const withConcern = await grace.call('reviews:raiseConcern', { docId: doc.id, title: 'Backups', text: 'A laptop file is not a database server.', anchor: { section: 'Summary', quote: '', prefix: '', suffix: '' } });
    const concern = withConcern.concerns![0]!;
    await linus.call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    await linus.call('reviews:hold', { docId: doc.id, on: true, reason: 'Wait for the storage benchmark' });

    expect(await grace.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect(await linus.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    const seen = await ada.call('reviews:get', { docId: doc.id });
    expect(seen.reviewers.map((r) => [r.name, r.verdict])).toEqual([['Grace', 'approve'], ['Linus', 'approve']]);
    expect(seen.concerns).toEqual([expect.objectContaining({ title: 'Backups', open: true, by: expect.objectContaining({ name: 'Grace' }) })]);
    expect(seen.hold).toMatchObject({ by: { name: 'Linus' }, reason: 'Wait for the storage benchmark' });
    expect(seen.policy).toMatchObject({ ok: false, openConcerns: ['Backups'] });
    expect(seen.policy.message).toMatch(/Blocking concern “Backups” raised by Grace\. On hold by Linus: Wait for the storage benchmark\./);
    expect((await ada.refusal('docs:move', { id: doc.id, to: 'approved' })).code).toBe('POLICY');

    // The file in the repository holds every record, verdicts with the content hash they were given on.
    const file = parseReviewFile(remoteShow(f.repo, `reviews/${doc.id}.yml`));
    if (!file.ok) throw new Error(file.reason);
    expect(file.records.filter((r) => r.type === 'verdict').every((r) => r.type === 'verdict' && r.contentHash?.startsWith('s1-'))).toBe(true);
    expect(file.records.map((r) => r.type)).toEqual(expect.arrayContaining(['concern', 'hold']));

    // Ada (the author) cannot resolve Grace's concern; Grace hands it to Linus, and Linus may.
    const refused = await ada.refusal('reviews:resolveConcern', { docId: doc.id, concernId: concern.id, resolved: true });
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.message).toMatch(/Only Grace can resolve the concern “Backups”/);
    await grace.call('reviews:delegateConcern', { docId: doc.id, concernId: concern.id, to: LINUS });

    // Offline again, at once: Grace resolves her concern, Linus lifts his hold.
    await grace.call('reviews:resolveConcern', { docId: doc.id, concernId: concern.id, resolved: true, note: 'Nightly copy is in the Summary now.' });
    await linus.call('reviews:hold', { docId: doc.id, on: false });
    await grace.call('sync:run', {});
    await linus.call('sync:run', {});
    await ada.call('sync:run', {});
    const cleared = await ada.call('reviews:get', { docId: doc.id });
    expect(cleared.concerns![0]).toMatchObject({ open: false, resolvedBy: { name: 'Grace' }, delegate: { name: 'Linus' }, note: 'Nightly copy is in the Summary now.' });
    expect(cleared.hold).toBeNull();
    expect(cleared.policy.ok).toBe(true);
    expect((await ada.call('docs:move', { id: doc.id, to: 'approved' })).status).toBe('approved');
    const history = (await ada.call('docs:history', { id: doc.id })).map((h) => h.event);
    expect(history).toEqual(expect.arrayContaining(['concern-raised', 'concern-delegated', 'concern-resolved', 'hold', 'hold-lifted']));
    // Every laptop ends with the same records.
    await grace.call('sync:run', {});
    await linus.call('sync:run', {});
    const records = new ReviewStore(ada.app.db).list(doc.id);
    expect(new ReviewStore(grace.app.db).list(doc.id)).toEqual(records);
    expect(new ReviewStore(linus.app.db).list(doc.id)).toEqual(records);
  });
});

describe('final comment period and due dates', () => {
  it('an FCP starts when the approvals are in, is listed on the dashboard with days left, a concern stops it, and when it runs out the RFC can be Approved', async () => {
    let clock = Date.parse('2026-05-04T09:00:00Z');
    const now = () => new Date(clock);
    const ada = await f.laptop('Ada', { now });
    await ada.call('settings:setReviewPolicy', { minApprovals: {}, finalCommentPeriodDays: { rfc: 10 }, staleProposalDays: 14 });
    const doc = await rfcInReview(ada, { due: '2026-05-06' });

    // The due date passes with no answer: an overdue review on the dashboard.
    clock += 3 * DAY;
    expect((await ada.call('dashboard:get', { today: '2026-05-07' })).overdueReviews).toEqual([expect.objectContaining({ due: '2026-05-06', waitingOn: ['Grace', 'Linus'] })]);

    await ada.call('identity:set', GRACE);
    await ada.call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    await ada.call('identity:set', { name: 'Ada', email: 'ada@example.com' });
    let review = await ada.call('reviews:get', { docId: doc.id });
    expect(review.policy).toMatchObject({ ok: false, fcp: { state: 'running', daysLeft: 10, endsAt: '2026-05-17T09:00:00.000Z' } });
    expect((await ada.refusal('docs:move', { id: doc.id, to: 'approved' })).message).toMatch(/final comment period until 2026-05-17 \(10 days left\)/);
    clock += 4 * DAY;
    expect((await ada.call('dashboard:get', {})).inFcp).toEqual([expect.objectContaining({ doc: expect.objectContaining({ id: doc.id }), daysLeft: 6 })]);

    // Linus raises a concern during the period: it stops.
    await ada.call('identity:set', LINUS);
    review = await ada.call('reviews:raiseConcern', { docId: doc.id, title: 'Cost at scale', text: '', anchor: WHOLE });
    expect(review.policy).toMatchObject({ ok: false, fcp: null, openConcerns: ['Cost at scale'] });
    expect((await ada.call('dashboard:get', {})).inFcp).toEqual([]);
    clock += DAY;
    await ada.call('reviews:resolveConcern', { docId: doc.id, concernId: review.concerns![0]!.id, resolved: true });
    // Resolved: the period starts over, ten full days.
    review = await ada.call('reviews:get', { docId: doc.id });
    expect(review.policy).toMatchObject({ fcp: { state: 'running', daysLeft: 10 } });

    // In review for more than the policy's 14 days: a stale proposal.
    clock += 11 * DAY;
    await ada.call('identity:set', { name: 'Ada', email: 'ada@example.com' });
    const dash = await ada.call('dashboard:get', {});
    expect(dash.staleProposals).toEqual([expect.objectContaining({ doc: expect.objectContaining({ id: doc.id }), days: 19, limit: 14 })]);
    expect(dash.inFcp).toEqual([]);
    expect((await ada.call('docs:move', { id: doc.id, to: 'approved' })).status).toBe('approved');
  });
});
