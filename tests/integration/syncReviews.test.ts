import { describe, expect, it } from 'vitest';
import { lintRepo } from '../../src/main/importExport/lint';
import { ReviewStore } from '../../src/main/store/reviewStore';
import { parseReviewFile } from '../../src/shared/reviews/reviewFile';
import type { ReviewRecord } from '../../src/shared/reviews/schemas';
import { cloneTeammate, remoteFiles, remoteShow, useSyncFixture, type Workspace } from '../support/syncWorkspace';

const f = useSyncFixture();

const GRACE = { name: 'Grace', email: 'grace@example.com' };
const LINUS = { name: 'Linus', email: 'linus@example.com' };
const SUMMARY = { section: 'Summary', quote: '', prefix: '', suffix: '' };

const records = (w: Workspace, id: string): ReviewRecord[] => new ReviewStore(w.app.db).list(id);
const remoteRecords = (id: string): ReviewRecord[] => {
  const r = parseReviewFile(remoteShow(f.repo, `reviews/${id}.yml`));
  if (!r.ok) throw new Error(r.reason);
  return r.records;
};

describe('review records travel with the team repository', () => {
  it('an offline reviewer comments and approves, the author comments meanwhile: both sync and keep every record; the repo’s policy gates approval', async () => {
    const ada = await f.laptop('Ada');
    const grace = await f.laptop('Grace');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Store documents in SQLite' });
    await ada.call('docs:update', { id: rfc.id, baseRevision: 0, body: '## Summary\n\nEmbed SQLite; it needs no server.\n' });

    // Ada asks Grace (required) and Linus (optional); the review's reviewers are copied into the RFC's metadata.
    await ada.call('reviews:setReviewers', { docId: rfc.id, reviewers: [{ ...GRACE, required: true }, { ...LINUS, required: false }] });
    expect((await ada.call('docs:get', { id: rfc.id })).fields.reviewers).toEqual(['Grace', 'Linus']);
    const { document } = await ada.call('reviews:request', { docId: rfc.id, note: 'Mostly the storage choice.' });
    expect(document.status).toBe('in-review');
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);

    const first = await ada.call('sync:run', {});
    expect(first).toMatchObject({ out: 2, conflicts: 0, errors: [] });
    const reviewPath = `reviews/${rfc.id}.yml`;
    expect(remoteFiles(f.repo)).toContain(reviewPath);
    const file = remoteShow(f.repo, reviewPath);
    expect(file).toMatch(/^# Review of RFC-1: /);
    expect(file).toContain('\ndocument: RFC-1 Store documents in SQLite\nrecords:\n  - id: ');
    expect(file).toContain('by: Ada <ada@example.com>');
    expect(file).toContain('note: Mostly the storage choice.');
    expect(remoteRecords(rfc.id)).toEqual(records(ada, rfc.id));
    expect(remoteShow(f.repo, 'rfcs/0001-store-documents-in-sqlite.md')).toContain('reviewers:\n  - Grace\n  - Linus\n');
    expect(remoteShow(f.repo, 'designdesk.yml')).toContain('reviewPolicy:\n  minApprovals: {}\n');
    expect((await ada.call('sync:status', {})).localChanges).toBe(0);

    // Grace pulls (the RFC arrives with its review records), then goes offline.
    expect(await grace.call('sync:run', {})).toMatchObject({ in: 1, out: 0, errors: [] });
    const pulled = await grace.call('reviews:get', { docId: rfc.id });
    expect(pulled).toMatchObject({ underReview: true, request: { by: { name: 'Ada' }, note: 'Mostly the storage choice.' }, viewer: { isReviewer: true } });
    expect(pulled.reviewers.map((r) => [r.name, r.required])).toEqual([['Grace', true], ['Linus', false]]);
    expect(await grace.call('docs:history', { id: rfc.id })).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'review-requested', actor: expect.objectContaining({ name: 'Ada' }), data: expect.objectContaining({ source: 'sync' }) })]));

    // A teammate raises the repository's policy with the git CLI: RFCs need two approvals.
    const tess = await cloneTeammate(f.url);
    tess.write('designdesk.yml', tess.read('designdesk.yml').replace('  minApprovals: {}\n', '  minApprovals:\n    rfc: 2\n'));
    await tess.pushAll('Two approvals for RFCs');

    // Offline, Grace comments and approves; meanwhile Ada adds a comment of her own.
    await grace.call('reviews:comment', { docId: rfc.id, text: 'What about backups?', anchor: { section: 'Summary', quote: 'needs no server', prefix: 'it ', suffix: '.' } });
    await grace.call('reviews:verdict', { docId: rfc.id, verdict: 'approve', note: 'Fine once backups are covered.' });
    expect((await grace.call('sync:status', {})).localChanges).toBe(1);
    await ada.call('reviews:comment', { docId: rfc.id, text: 'Backups: see the appendix I am writing.', anchor: SUMMARY });

    const adaSync = await ada.call('sync:run', {});
    expect(adaSync).toMatchObject({ in: 1, out: 1, conflicts: 0, errors: [] });
    expect(adaSync.changes).toEqual(expect.arrayContaining([expect.objectContaining({ direction: 'in', path: 'designdesk.yml' }), expect.objectContaining({ direction: 'out', path: reviewPath })]));
    expect(await ada.call('settings:getReviewPolicy', {})).toEqual({ minApprovals: { rfc: 2 } });

    expect(await grace.call('sync:run', {})).toMatchObject({ in: 2, out: 1, conflicts: 0, errors: [] });
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 1, out: 0, conflicts: 0, errors: [] });

    // Nothing lost: both laptops and the repository hold the same five records.
    const all = records(ada, rfc.id);
    expect(all.map((r) => `${r.type}:${r.by.name}`).sort()).toEqual(['comment:Ada', 'comment:Grace', 'request:Ada', 'reviewer:Ada', 'reviewer:Ada', 'verdict:Grace']);
    expect(records(grace, rfc.id)).toEqual(all);
    expect(remoteRecords(rfc.id)).toEqual(all);
    for (const w of [ada, grace]) {
      const review = await w.call('reviews:get', { docId: rfc.id });
      expect(review.threads.map((t) => t.text).sort()).toEqual(['Backups: see the appendix I am writing.', 'What about backups?']);
      expect(review.reviewers.find((r) => r.name === 'Grace')).toMatchObject({ verdict: 'approve' });
      expect((await w.call('sync:status', {})).localChanges).toBe(0);
    }
    expect(await grace.call('settings:getReviewPolicy', {})).toEqual({ minApprovals: { rfc: 2 } });

    // Grace's approval is not enough under the repository's policy.
    const refused = await ada.refusal('docs:move', { id: rfc.id, to: 'approved' });
    expect(refused.code).toBe('POLICY');
    expect(refused.message).toContain('Needs at least 2 approvals (has 1)');

    // Linus approves on his own laptop; once that arrives, Ada can approve.
    const linus = await f.laptop('Linus');
    await linus.call('sync:run', {});
    await linus.call('reviews:verdict', { docId: rfc.id, verdict: 'approve', note: '' });
    expect(await linus.call('sync:run', {})).toMatchObject({ out: 1, errors: [] });
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 1, errors: [] });
    expect((await ada.call('docs:move', { id: rfc.id, to: 'approved' })).status).toBe('approved');
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1, errors: [] });

    // The repository reads clean to `designdesk lint`, review files included.
    await tess.pull();
    expect(lintRepo(tess.dir)).toEqual([]);
  });

  it('reports a broken review file by path without blocking the rest, and keeps review files of documents that are gone', async () => {
    const ada = await f.laptop('Ada');
    const one = await ada.call('docs:create', { kind: 'rfc', title: 'One' });
    const two = await ada.call('docs:create', { kind: 'rfc', title: 'Two' });
    for (const d of [one, two]) await ada.call('reviews:setReviewers', { docId: d.id, reviewers: [{ ...GRACE, required: true }] });
    await ada.call('sync:run', {});

    // A teammate breaks one review file by hand.
    const tess = await cloneTeammate(f.url);
    const good = tess.read(`reviews/${one.id}.yml`);
    tess.write(`reviews/${one.id}.yml`, `${good}  - id: [not closed\n`);
    await tess.pushAll('Hand edit gone wrong');

    await ada.call('reviews:comment', { docId: one.id, text: 'On one', anchor: SUMMARY });
    await ada.call('reviews:comment', { docId: two.id, text: 'On two', anchor: SUMMARY });
    const r = await ada.call('sync:run', {});
    expect(r.errors).toEqual([{ path: `reviews/${one.id}.yml`, reason: expect.stringContaining('not valid YAML') }]);
    expect(remoteRecords(two.id).map((x) => x.type)).toEqual(['reviewer', 'comment']);
    expect(records(ada, one.id).map((x) => x.type)).toEqual(['reviewer', 'comment']);
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);

    // Fixed by hand: the next sync merges the comment that waited.
    await tess.pull();
    tess.write(`reviews/${one.id}.yml`, good);
    await tess.pushAll('Fix the review file');
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1, errors: [] });
    expect(remoteRecords(one.id).map((x) => x.type)).toEqual(['reviewer', 'comment']);
    expect((await ada.call('sync:status', {})).localChanges).toBe(0);

    // A deleted document's review file stays in the repository; lint points at it.
    await ada.call('docs:delete', { id: two.id });
    await ada.call('sync:run', {});
    const files = remoteFiles(f.repo);
    expect(files.some((p) => p.startsWith('rfcs/0002-'))).toBe(false);
    expect(files).toContain(`reviews/${two.id}.yml`);
    await tess.pull();
    expect(lintRepo(tess.dir)).toEqual([{ path: `reviews/${two.id}.yml`, reason: expect.stringContaining('points at a missing document') }]);
  });

  it('two laptops adding different reviewers offline merge without a conflict; a comment made while the sync pushes is kept and goes next time', async () => {
    const ada = await f.laptop('Ada');
    const bob = await f.laptop('Bob');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Cache pages' });
    await ada.call('sync:run', {});
    await bob.call('sync:run', {});

    await ada.call('reviews:setReviewers', { docId: rfc.id, reviewers: [{ ...GRACE, required: true }] });
    await bob.call('reviews:setReviewers', { docId: rfc.id, reviewers: [{ ...LINUS, required: false }] });
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0 });
    expect(await bob.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    for (const w of [ada, bob]) {
      expect((await w.call('reviews:get', { docId: rfc.id })).reviewers.map((r) => r.name)).toEqual(['Grace', 'Linus']);
      expect((await w.call('docs:get', { id: rfc.id })).fields.reviewers).toEqual(['Grace', 'Linus']);
      expect(await w.call('sync:status', {})).toMatchObject({ localChanges: 0, conflicts: 0 });
    }

    await ada.call('reviews:comment', { docId: rfc.id, text: 'Before the sync', anchor: SUMMARY });
    let armed = true;
    f.server.setOnRequest(async (req) => {
      if (armed && req.method === 'POST' && req.service === 'git-receive-pack') {
        armed = false;
        await ada.call('reviews:comment', { docId: rfc.id, text: 'Typed during the sync', anchor: SUMMARY });
      }
    });
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1, errors: [] });
    f.server.setOnRequest(undefined);
    expect(armed).toBe(false);
    expect(records(ada, rfc.id).filter((r) => r.type === 'comment')).toHaveLength(2);
    expect(remoteRecords(rfc.id).filter((r) => r.type === 'comment')).toHaveLength(1);
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);

    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1, errors: [] });
    expect(remoteRecords(rfc.id)).toEqual(records(ada, rfc.id));
    expect((await ada.call('sync:status', {})).localChanges).toBe(0);
  });
});
