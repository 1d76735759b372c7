import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/shared/document';
import { replaceSectionText, splitSections } from '../../src/shared/markdown/sections';
import { cloneTeammate, remoteShow, useSyncFixture, type Workspace } from '../support/syncWorkspace';

/**
 * Approval means "approved as written" (issue 14): a substantive change after
 * an approval dismisses it and sends an approved document back to review,
 * whether the change is an edit, a restore or arrives by sync.
 */
const f = useSyncFixture();

const ADA = { name: 'Ada', email: 'ada@example.com' };
const GRACE = { name: 'Grace', email: 'grace@example.com' };

async function editSection(w: Workspace, doc: Document, heading: string, text: string): Promise<Document> {
  const index = splitSections(doc.body).findIndex((s) => s.heading === heading);
  return w.call('docs:update', { id: doc.id, baseRevision: doc.revision, body: replaceSectionText(doc.body, index, text) });
}

/** An RFC by Ada that Grace (required) approved and Ada moved to Approved, on one laptop. */
async function approvedRfc(w: Workspace, opts: { rejectFirst?: boolean } = {}): Promise<Document> {
  await w.call('identity:set', ADA);
  let doc = await w.call('docs:create', { kind: 'rfc', title: 'Store documents in SQLite' });
  doc = await editSection(w, doc, 'Summary', 'We store documents in SQLite. It needs no server.');
  await w.call('reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }] });
  await w.call('reviews:request', { docId: doc.id });
  if (opts.rejectFirst) {
    await w.call('identity:set', GRACE);
    await w.call('reviews:verdict', { docId: doc.id, verdict: 'request-changes', note: 'Say how backups work.' });
    await w.call('identity:set', ADA);
    doc = await w.call('docs:get', { id: doc.id });
    doc = await editSection(w, doc, 'Summary', 'We store documents in SQLite. It needs no server. Backups copy the file nightly.');
  }
  await w.call('identity:set', GRACE);
  await w.call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
  await w.call('identity:set', ADA);
  doc = await w.call('docs:move', { id: doc.id, to: 'approved' });
  expect(doc.status).toBe('approved');
  return doc;
}

const events = async (w: Workspace, id: string) => (await w.call('docs:history', { id })).map((h) => ({ event: h.event, from: h.from, to: h.to, data: h.data }));

describe('approval means approved as written', () => {
  it('an edit of the Summary dismisses the approval, moves the RFC back to In Review with a reason, and tells author and reviewer', async () => {
    const w = await f.laptop('Ada');
    let doc = await approvedRfc(w);
    doc = await editSection(w, doc, 'Summary', 'We store documents in Postgres. It needs a server.');
    expect(doc.status).toBe('in-review');

    const history = await events(w, doc.id);
    expect(history.slice(-2)).toEqual([
      { event: 'approvals-dismissed', from: null, to: null, data: { names: ['Grace'], reason: 'the approved text changed', how: 'edit' } },
      { event: 'status', from: 'approved', to: 'in-review', data: expect.objectContaining({ reason: 'the approved text changed', how: 'edit' }) },
    ]);
    const review = await w.call('reviews:get', { docId: doc.id });
    expect(review.reviewers[0]).toMatchObject({ name: 'Grace', verdict: 'approve', stale: true });
    expect(review.policy).toMatchObject({ ok: false, missing: ['Grace'], staleApprovals: ['Grace'], staleDismissed: true, approvals: 0 });
    expect((await w.refusal('docs:move', { id: doc.id, to: 'approved' })).code).toBe('POLICY');

    // Ada's dashboard says her approval was dismissed; Grace's asks her to review again.
    expect((await w.call('dashboard:get', {})).approvalsDismissed).toEqual([expect.objectContaining({ doc: expect.objectContaining({ id: doc.id, status: 'in-review' }), names: ['Grace'] })]);
    await w.call('identity:set', GRACE);
    const graceDash = await w.call('dashboard:get', {});
    expect(graceDash.waitingOnMe).toEqual([expect.objectContaining({ doc: expect.objectContaining({ id: doc.id }), reason: 'text-changed', again: true })]);
    expect(graceDash.approvalsDismissed).toHaveLength(1);
    // "Changes since your review": the text Grace approved is kept (the edit came within Ada's editing session).
    const reviewed = await w.call('reviews:reviewedText', { docId: doc.id });
    expect(reviewed?.body).toContain('We store documents in SQLite. It needs no server.');
    expect(reviewed?.body).not.toContain('Postgres');

    // Grace approves the new text: the approval stands again and the RFC can be Approved.
    await w.call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    expect((await w.call('dashboard:get', {})).waitingOnMe).toEqual([]);
    await w.call('identity:set', ADA);
    expect((await w.call('docs:move', { id: doc.id, to: 'approved' })).status).toBe('approved');
    expect((await w.call('dashboard:get', {})).approvalsDismissed).toEqual([]);
  });

  it('whitespace-only and metadata-only edits keep the approval and the status', async () => {
    const w = await f.laptop('Ada');
    let doc = await approvedRfc(w);
    const before = (await w.call('docs:history', { id: doc.id })).length;
    doc = await w.call('docs:update', { id: doc.id, baseRevision: doc.revision, body: doc.body.replace('It needs no server.', 'It needs\nno   server.\n\n') });
    doc = await w.call('docs:update', { id: doc.id, baseRevision: doc.revision, title: 'Store documents in SQLite (WAL)', fields: { ...doc.fields, author: 'Ada Lovelace' } });
    expect(doc.status).toBe('approved');
    expect((await w.call('reviews:get', { docId: doc.id })).policy).toMatchObject({ ok: true, staleApprovals: [] });
    expect((await w.call('docs:history', { id: doc.id })).slice(before).map((h) => h.event)).toEqual(['renamed']);
  });

  it('restoring the version the reviewer rejected dismisses the approval of the later text', async () => {
    const w = await f.laptop('Ada');
    const doc = await approvedRfc(w, { rejectFirst: true });
    const rejected = (await w.call('versions:list', { docId: doc.id })).find((v) => v.status === 'in-review' && v.reason === 'status');
    expect(rejected).toBeDefined();
    const restored = await w.call('versions:restore', { docId: doc.id, versionId: rejected!.id, baseRevision: doc.revision });
    expect(restored.body).not.toContain('Backups copy the file nightly.');
    expect(restored.status).toBe('in-review');
    expect((await w.call('docs:get', { id: doc.id })).status).toBe('in-review');
    const history = await events(w, doc.id);
    expect(history.map((h) => h.event)).toEqual(expect.arrayContaining(['approvals-dismissed', 'restored']));
    expect(history.find((h) => h.event === 'status' && h.from === 'approved')).toMatchObject({ to: 'in-review', data: expect.objectContaining({ how: 'restore' }) });
    const review = await w.call('reviews:get', { docId: doc.id });
    expect(review.policy).toMatchObject({ ok: false, changesRequestedBy: [], staleApprovals: ['Grace'] });
  });

  it('an accepted ADR that is amended goes back to proposed; a team can turn dismissal off in its policy', async () => {
    const w = await f.laptop('Ada');
    let adr = await w.call('docs:create', { kind: 'adr', title: 'Use SQLite' });
    adr = await w.call('docs:move', { id: adr.id, to: 'accepted' });
    adr = await w.call('docs:update', { id: adr.id, baseRevision: adr.revision, body: `${adr.body}\nAmended: WAL mode.\n` });
    expect(adr.status).toBe('proposed');
    expect((await events(w, adr.id)).at(-1)).toMatchObject({ event: 'status', from: 'accepted', to: 'proposed' });

    await w.call('settings:setReviewPolicy', { minApprovals: {}, dismissStaleApprovals: false });
    let doc = await approvedRfc(w);
    doc = await editSection(w, doc, 'Summary', 'We store documents in Postgres.');
    expect(doc.status).toBe('approved');
    expect((await w.call('reviews:get', { docId: doc.id })).policy).toMatchObject({ ok: true, staleApprovals: ['Grace'], staleDismissed: false });
    expect((await events(w, doc.id)).at(-1)).toMatchObject({ event: 'approved-text-changed' });
  });

  it('a Summary changed by a teammate in git and synced sends the approved RFC back to review on every laptop, and the move is pushed', async () => {
    const ada = await f.laptop('Ada');
    const doc = await approvedRfc(ada);
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    const grace = await f.laptop('Grace');
    expect(await grace.call('sync:run', {})).toMatchObject({ errors: [] });
    expect((await grace.call('docs:get', { id: doc.id })).status).toBe('approved');

    const tess = await cloneTeammate(f.url);
    const file = 'rfcs/0001-store-documents-in-sqlite.md';
    expect(tess.read(file)).toContain('status: approved');
    tess.write(file, tess.read(file).replace('It needs no server.', 'It needs a small server.'));
    await tess.pushAll('Summary: a server after all');

    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect((await ada.call('docs:get', { id: doc.id })).status).toBe('in-review');
    expect((await events(ada, doc.id)).find((h) => h.event === 'status' && h.from === 'approved')).toMatchObject({ to: 'in-review', data: expect.objectContaining({ source: 'sync', reason: 'the approved text changed' }) });
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect(remoteShow(f.repo, file)).toContain('status: in-review');

    expect(await grace.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    const there = await grace.call('docs:get', { id: doc.id });
    expect(there.status).toBe('in-review');
    expect(there.body).toContain('It needs a small server.');
    expect((await grace.call('reviews:get', { docId: doc.id })).policy).toMatchObject({ ok: false, staleApprovals: ['Grace'] });
    expect((await grace.call('dashboard:get', {})).waitingOnMe).toEqual([expect.objectContaining({ reason: 'text-changed' })]);
  });
});
