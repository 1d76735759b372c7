import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { Document } from '../../src/shared/document';
import type { ApiError } from '../../src/shared/errors';
import { replaceSectionText, splitSections } from '../../src/shared/markdown/sections';

const ADA = { name: 'Ada', email: 'ada@example.com' };
const GRACE = { name: 'Grace', email: 'grace@example.com' };
const LINUS = { name: 'Linus', email: 'linus@example.com' };

let dir: string;
let app: App;
let clock: number;

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { api: r.error });
  return r.value as Output<C>;
}

async function failure<C extends Channel>(channel: C, input: Input<C>): Promise<ApiError> {
  const r = await app.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
}

const as = (p: typeof ADA) => call('identity:set', p);
const tick = (minutes = 1): void => {
  clock += minutes * 60_000;
};

function open(workspaceDir: string): App {
  return createApp({
    workspaceDir,
    bridge: 'web',
    version: 'test',
    now: () => new Date(clock),
    fallbackIdentity: () => ADA,
    dispatch: { checkOutput: true },
  });
}

async function editSection(doc: Document, heading: string, text: string): Promise<Document> {
  const index = splitSections(doc.body).findIndex((s) => s.heading === heading);
  return call('docs:update', { id: doc.id, baseRevision: doc.revision, body: replaceSectionText(doc.body, index, text) });
}

/** An RFC by Ada with a Summary and Motivation, Grace required and Linus optional as reviewers. */
async function rfcWithReviewers(): Promise<Document> {
  await as(ADA);
  let doc = await call('docs:create', { kind: 'rfc', title: 'Store documents in SQLite' });
  doc = await editSection(doc, 'Summary', 'We store documents in SQLite. It needs no server and works offline.');
  doc = await editSection(doc, 'Motivation', 'Teams write on planes.');
  await call('reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }, { name: LINUS.name, required: false }] });
  return doc;
}

beforeEach(() => {
  clock = Date.parse('2026-03-02T09:00:00Z');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-reviews-'));
  app = open(dir);
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a review from request to approval', () => {
  it('gates Approved on the required reviewer, keeps the passage comment through edits, and records every event', async () => {
    let doc = await rfcWithReviewers();
    tick();
    const requested = await call('reviews:request', { docId: doc.id, note: 'Mostly the storage part' });
    expect(requested.document.status).toBe('in-review');
    expect(requested.review.underReview).toBe(true);
    doc = requested.document;

    // Grace comments on a passage and requests changes.
    await as(GRACE);
    tick();
    let review = await call('reviews:comment', {
      docId: doc.id,
      text: 'What about backups?',
      anchor: { section: 'Summary', quote: 'needs no server', prefix: 'SQLite. It ', suffix: ' and works' },
    });
    expect(review.threads).toHaveLength(1);
    expect(review.threads[0]).toMatchObject({ location: 'found', section: 'Summary', resolved: false });
    tick();
    review = await call('reviews:verdict', { docId: doc.id, verdict: 'request-changes', note: 'Backups first.' });
    expect(review.reviewers.find((r) => r.name === 'Grace')).toMatchObject({ verdict: 'request-changes', required: true });

    // Ada cannot move it to Approved: POLICY names who is missing.
    await as(ADA);
    const refused = await failure('docs:move', { id: doc.id, to: 'approved' });
    expect(refused.code).toBe('POLICY');
    expect(refused.data).toMatchObject({ missing: ['Grace'], changesRequestedBy: ['Grace'] });
    expect(refused.message).toMatch(/RFC-1 cannot move to Approved yet\. Waiting for approval from Grace\. Changes requested by Grace\./);
    expect((await call('docs:get', { id: doc.id })).status).toBe('in-review');

    // Ada edits another section: the comment still finds its passage.
    tick();
    doc = await editSection(doc, 'Motivation', 'Teams write on planes, and need backups.');
    expect((await call('reviews:get', { docId: doc.id })).threads[0]!.location).toBe('found');
    // Ada replies and resolves.
    tick();
    const threadId = review.threads[0]!.id;
    await call('reviews:reply', { docId: doc.id, commentId: threadId, text: 'Added a backup section.' });
    review = await call('reviews:resolve', { docId: doc.id, commentId: threadId });
    expect(review.threads[0]).toMatchObject({ resolved: true, resolvedBy: ADA, replies: [{ text: 'Added a backup section.', by: ADA }] });
    // Resolving twice changes nothing.
    expect((await call('reviews:resolve', { docId: doc.id, commentId: threadId })).threads[0]!.resolvedAt).toBe(review.threads[0]!.resolvedAt);

    // Grace approves; now it moves.
    await as(GRACE);
    tick();
    review = await call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    expect(review.policy).toMatchObject({ ok: true, missing: [], changesRequestedBy: [] });
    await as(ADA);
    tick();
    expect((await call('docs:move', { id: doc.id, to: 'approved' })).status).toBe('approved');

    const history = await call('docs:history', { id: doc.id });
    expect(history.map((h) => [h.event, h.actor.name])).toEqual([
      ['created', 'Ada'],
      ['reviewers', 'Ada'],
      ['review-requested', 'Ada'],
      ['status', 'Ada'],
      ['comment', 'Grace'],
      ['verdict', 'Grace'],
      ['reply', 'Ada'],
      ['comment-resolved', 'Ada'],
      ['verdict', 'Grace'],
      ['status', 'Ada'],
    ]);
    expect(history.find((h) => h.event === 'comment')!.data).toMatchObject({ section: 'Summary', quote: 'needs no server' });
    expect(history.filter((h) => h.event === 'verdict').map((h) => h.to)).toEqual(['request-changes', 'approve']);
  });

  it('shows a comment whose passage was edited away as outdated, never drops it, and can reopen it', async () => {
    let doc = await rfcWithReviewers();
    await call('reviews:request', { docId: doc.id });
    await as(GRACE);
    const { threads } = await call('reviews:comment', {
      docId: doc.id,
      text: 'Offline how?',
      anchor: { section: 'Summary', quote: 'works offline', prefix: 'server and ', suffix: '.' },
    });
    await call('reviews:resolve', { docId: doc.id, commentId: threads[0]!.id });
    await as(ADA);
    doc = await call('docs:get', { id: doc.id });
    doc = await editSection(doc, 'Summary', 'We store documents in SQLite, a file per workspace.');
    let review = await call('reviews:get', { docId: doc.id });
    expect(review.threads).toHaveLength(1);
    expect(review.threads[0]).toMatchObject({ location: 'outdated', onEarlierVersion: true, anchor: { quote: 'works offline' } });
    review = await call('reviews:reopen', { docId: doc.id, commentId: threads[0]!.id });
    expect(review.threads[0]!.resolved).toBe(false);
  });

  it('marks an approval given before a body edit as given on an earlier version, and dismisses it (the default policy)', async () => {
    let doc = await rfcWithReviewers();
    await call('reviews:request', { docId: doc.id });
    await as(GRACE);
    await call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    await as(ADA);
    doc = await call('docs:get', { id: doc.id });
    // A title change is not a new version of the text.
    doc = await call('docs:update', { id: doc.id, baseRevision: doc.revision, title: 'Store documents in SQLite (WAL)' });
    expect((await call('reviews:get', { docId: doc.id })).reviewers[0]!.stale).toBe(false);
    doc = await editSection(doc, 'Summary', 'We store documents in SQLite with WAL.');
    const review = await call('reviews:get', { docId: doc.id });
    expect(review.reviewers[0]).toMatchObject({ name: 'Grace', verdict: 'approve', stale: true });
    expect(review.policy).toMatchObject({ ok: false, missing: ['Grace'], staleApprovals: ['Grace'], staleDismissed: true });
    expect(review.policy.message).toMatch(/The approval by Grace was given on an earlier text and is dismissed/);
  });

  it('applies a minimum number of approvals per kind from the workspace policy', async () => {
    const doc = await rfcWithReviewers();
    expect(await call('settings:getReviewPolicy', {})).toEqual({ minApprovals: {} });
    await call('settings:setReviewPolicy', { minApprovals: { rfc: 2 } });
    await call('reviews:request', { docId: doc.id });
    await as(GRACE);
    await call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    await as(ADA);
    const refused = await failure('docs:move', { id: doc.id, to: 'approved' });
    expect(refused).toMatchObject({ code: 'POLICY', data: { missing: ['Linus'], changesRequestedBy: [], approvals: 1, minApprovals: 2 } });
    await as(LINUS);
    await call('reviews:verdict', { docId: doc.id, verdict: 'approve' });
    await as(ADA);
    expect((await call('docs:move', { id: doc.id, to: 'approved' })).status).toBe('approved');
  });
});

describe('requests, reviewers and verdict rules', () => {
  it('requests review of an ADR without changing its status, and refuses it once the ADR is decided', async () => {
    const adr = await call('docs:create', { kind: 'adr', title: 'Use WAL' });
    expect((await failure('reviews:request', { docId: adr.id })).code).toBe('VALIDATION');
    await call('reviews:setReviewers', { docId: adr.id, reviewers: [{ ...GRACE, required: true }] });
    const { document, review } = await call('reviews:request', { docId: adr.id });
    expect(document.status).toBe('proposed');
    expect(review).toMatchObject({ underReview: true, request: { by: ADA } });
    expect((await failure('docs:move', { id: adr.id, to: 'accepted' })).code).toBe('POLICY');
    await as(GRACE);
    await call('reviews:verdict', { docId: adr.id, verdict: 'approve' });
    await as(ADA);
    await call('docs:move', { id: adr.id, to: 'accepted' });
    expect((await failure('reviews:request', { docId: adr.id })).code).toBe('ILLEGAL_TRANSITION');
  });

  it('moving an RFC to In Review by hand counts as a request', async () => {
    const doc = await rfcWithReviewers();
    await call('docs:move', { id: doc.id, to: 'in-review' });
    const review = await call('reviews:get', { docId: doc.id });
    expect(review.request).toMatchObject({ by: ADA });
    await as(GRACE);
    expect((await call('dashboard:get', {})).waitingOnMe.map((w) => w.doc.id)).toEqual([doc.id]);
  });

  it('records reviewer changes person by person and refuses duplicates', async () => {
    const doc = await rfcWithReviewers();
    expect((await failure('reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }, { name: 'grace', required: false }] })).code).toBe('VALIDATION');
    const review = await call('reviews:setReviewers', { docId: doc.id, reviewers: [{ name: LINUS.name, required: true }] });
    expect(review.reviewers.map((r) => [r.name, r.required])).toEqual([['Linus', true]]);
    const last = (await call('docs:history', { id: doc.id })).pop()!;
    expect(last).toMatchObject({ event: 'reviewers', data: { added: [], changed: ['Linus (required)'], removed: ['Grace'] } });
  });

  it('lets the author comment but not approve their own document', async () => {
    const doc = await rfcWithReviewers();
    expect((await failure('reviews:verdict', { docId: doc.id, verdict: 'approve' })).code).toBe('FORBIDDEN');
    expect((await call('reviews:verdict', { docId: doc.id, verdict: 'comment', note: 'Ready for eyes' })).viewer).toEqual({ isAuthor: true, isReviewer: false });
  });

  it('keeps the RFC checklist per reviewer, with concerns; other kinds have none', async () => {
    const doc = await rfcWithReviewers();
    await as(GRACE);
    await call('reviews:checklist', { docId: doc.id, item: 'security', checked: true });
    await call('reviews:checklist', { docId: doc.id, item: 'cost', checked: false, concern: 'Backups double the storage.' });
    await as(LINUS);
    const review = await call('reviews:checklist', { docId: doc.id, item: 'security', checked: true, concern: 'Encrypt at rest?' });
    const security = review.checklist!.find((i) => i.id === 'security')!;
    expect(security.questions).toContain('What is the threat model?');
    expect(security.entries.map((e) => [e.by.name, e.checked, e.concern])).toEqual([
      ['Grace', true, ''],
      ['Linus', true, 'Encrypt at rest?'],
    ]);
    expect(review.checklist!.find((i) => i.id === 'cost')!.entries).toMatchObject([{ by: GRACE, checked: false, concern: 'Backups double the storage.' }]);
    // Saving the same tick and concern again records nothing; a new concern on an unchanged tick is a concern.
    const count = (await call('docs:history', { id: doc.id })).length;
    await call('reviews:checklist', { docId: doc.id, item: 'security', checked: true, concern: 'Encrypt at rest?' });
    expect((await call('docs:history', { id: doc.id })).length).toBe(count);
    await call('reviews:checklist', { docId: doc.id, item: 'security', checked: true, concern: 'Encrypt backups too?' });
    expect((await call('docs:history', { id: doc.id })).pop()).toMatchObject({ event: 'checklist', to: 'concern', data: { item: 'Security', concern: 'Encrypt backups too?' } });
    await as(ADA);
    const pm = await call('docs:create', { kind: 'postmortem' });
    expect((await call('reviews:get', { docId: pm.id })).checklist).toBeNull();
    expect((await failure('reviews:checklist', { docId: pm.id, item: 'cost', checked: true })).code).toBe('VALIDATION');
  });

  it('answers NOT_FOUND for a reply to a comment that does not exist', async () => {
    const doc = await rfcWithReviewers();
    expect((await failure('reviews:reply', { docId: doc.id, commentId: '01J9Z8Q6W3V4X5Y6Z7A8B9C0DE', text: 'hi' })).code).toBe('NOT_FOUND');
  });

  it('remembers recent identities, the current one first', async () => {
    await as(GRACE);
    await as(LINUS);
    expect(await call('identity:recent', {})).toEqual([LINUS, GRACE, ADA]);
    await as(GRACE);
    expect(await call('identity:recent', {})).toEqual([GRACE, LINUS, ADA]);
  });
});
