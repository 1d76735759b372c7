import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { ReviewStore } from '../../src/main/store/reviewStore';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { mergeReviewRecords } from '../../src/shared/reviews/merge';
import { ReviewRecordSchema } from '../../src/shared/reviews/schemas';

const ADA = { name: 'Ada', email: 'ada@example.com' };
const GRACE = { name: 'Grace', email: 'grace@example.com' };
const LINUS = { name: 'Linus', email: 'linus@example.com' };

const dirs: string[] = [];
const apps: App[] = [];

function open(dir: string): App {
  const app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ADA, dispatch: { checkOutput: true } });
  apps.push(app);
  return app;
}

async function call<C extends Channel>(app: App, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Output<C>;
}

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-review-records-'));
  dirs.push(d);
  return d;
}

let laptopA: string;

beforeEach(() => {
  laptopA = tempDir();
});

afterEach(() => {
  for (const a of apps.splice(0)) a.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('review records in the store', () => {
  it('round-trip: every record read back is exactly what was written, valid and in order', async () => {
    const app = open(laptopA);
    const doc = await call(app, 'docs:create', { kind: 'rfc' });
    await call(app, 'reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }] });
    await call(app, 'reviews:request', { docId: doc.id, note: 'please' });
    await call(app, 'identity:set', GRACE);
    const { threads } = await call(app, 'reviews:comment', { docId: doc.id, text: 'Hm', anchor: { section: 'Summary', quote: '', prefix: '', suffix: '' } });
    await call(app, 'reviews:reply', { docId: doc.id, commentId: threads[0]!.id, text: 'Yes' });
    await call(app, 'reviews:resolve', { docId: doc.id, commentId: threads[0]!.id });
    await call(app, 'reviews:checklist', { docId: doc.id, item: 'cost', checked: true, concern: 'fine' });
    await call(app, 'reviews:verdict', { docId: doc.id, verdict: 'approve', note: 'LGTM' });

    const records = new ReviewStore(app.db).list(doc.id);
    expect(records.map((r) => r.type)).toEqual(['reviewer', 'request', 'comment', 'reply', 'resolution', 'checklist', 'verdict']);
    for (const r of records) expect(ReviewRecordSchema.parse(r)).toEqual(r);
    expect(records.map((r) => r.id)).toEqual([...records.map((r) => r.id)].sort());
    expect(records.at(-1)).toMatchObject({ type: 'verdict', verdict: 'approve', note: 'LGTM', by: GRACE, revision: expect.any(Number), bodyHash: expect.stringMatching(/^c53-/) });

    // Through a reopen of the workspace, the same records and the same review.
    const before = await call(app, 'reviews:get', { docId: doc.id });
    apps.pop()!.close();
    const again = open(laptopA);
    expect(new ReviewStore(again.db).list(doc.id)).toEqual(records);
    expect(await call(again, 'reviews:get', { docId: doc.id })).toEqual(before);
  });

  it('two reviewers writing on two laptops combine without loss through mergeReviewRecords', async () => {
    // The common starting point: Ada's RFC with two reviewers, review requested; then the workspace is copied to a second laptop.
    const a = open(laptopA);
    const doc = await call(a, 'docs:create', { kind: 'rfc', title: 'Shared review' });
    await call(a, 'reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }, { ...LINUS, required: true }] });
    await call(a, 'reviews:request', { docId: doc.id });
    const base = new ReviewStore(a.db).list(doc.id);
    apps.pop()!.close();
    const laptopB = tempDir();
    fs.cpSync(laptopA, laptopB, { recursive: true });
    const appA = open(laptopA);
    const appB = open(laptopB);

    // Grace reviews on laptop A, Linus on laptop B, neither seeing the other.
    await call(appA, 'identity:set', GRACE);
    await call(appA, 'reviews:comment', { docId: doc.id, text: 'Section is thin', anchor: { section: 'Motivation', quote: '', prefix: '', suffix: '' } });
    await call(appA, 'reviews:verdict', { docId: doc.id, verdict: 'approve' });
    await call(appB, 'identity:set', LINUS);
    await call(appB, 'reviews:verdict', { docId: doc.id, verdict: 'request-changes', note: 'Needs a rollback plan' });

    const storeA = new ReviewStore(appA.db);
    const storeB = new ReviewStore(appB.db);
    const mine = storeA.list(doc.id);
    const theirs = storeB.list(doc.id);
    const merged = mergeReviewRecords(base, mine, theirs);
    expect(merged).toHaveLength(base.length + 3);
    expect(mergeReviewRecords(base, theirs, mine)).toEqual(merged);

    // Both laptops write the merged set back and agree on the review.
    storeA.replaceAll(doc.id, merged);
    storeB.replaceAll(doc.id, merged);
    const reviewA = await call(appA, 'reviews:get', { docId: doc.id });
    const reviewB = await call(appB, 'reviews:get', { docId: doc.id });
    expect(reviewA.reviewers.map((r) => [r.name, r.verdict])).toEqual([
      ['Grace', 'approve'],
      ['Linus', 'request-changes'],
    ]);
    expect(reviewA.threads.map((t) => t.text)).toEqual(['Section is thin']);
    expect({ ...reviewB, viewer: null }).toEqual({ ...reviewA, viewer: null });
    // Linus's request for changes from the other laptop blocks approval here too.
    await call(appA, 'identity:set', ADA);
    const refused = await appA.dispatch('docs:move', { id: doc.id, to: 'approved' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'POLICY', data: { missing: ['Linus'], changesRequestedBy: ['Linus'] } } });

    // Merging again with nothing new is a no-op (idempotent).
    expect(mergeReviewRecords(merged, storeA.list(doc.id), storeB.list(doc.id))).toEqual(merged);
  });

  it('leaves out a stored record that no longer reads as one instead of failing the document', async () => {
    const app = open(laptopA);
    const doc = await call(app, 'docs:create', { kind: 'rfc' });
    await call(app, 'reviews:setReviewers', { docId: doc.id, reviewers: [{ ...GRACE, required: true }] });
    app.db.prepare("INSERT INTO review_records (id, doc_id, type, at, record) VALUES ('01J9Z8Q6W3V4X5Y6Z7A8B9C0DE', ?, 'verdict', '2026-01-01', '{\"type\":\"verdict\"}')").run(doc.id);
    const review = await call(app, 'reviews:get', { docId: doc.id });
    expect(review.reviewers.map((r) => r.name)).toEqual(['Grace']);
  });
});
