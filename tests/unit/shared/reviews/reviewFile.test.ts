import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docIdOfReviewPath, parseReviewFile, reviewFilePath, reviewFileText } from '../../../../src/shared/reviews/reviewFile';
import { alignReviewerLists, mergeReviewerNames, reviewerNames } from '../../../../src/shared/reviews/reviewerNames';
import type { ReviewRecord } from '../../../../src/shared/reviews/schemas';
import { configFileText, readConfigReviewPolicy } from '../../../../src/shared/sync/repoLayout';
import type { RepoDocument } from '../../../../src/shared/format/parseDocument';
import { recordMaker } from './records';

const DOC_ID = '01J9Z8Q6W3V4X5Y6Z7A8B9C0DE';

function sample(): ReviewRecord[] {
  const m = recordMaker();
  const comment: ReviewRecord = {
    id: '01JAAAAAAAAAAAAAAAAAAA0900',
    at: '2026-03-01T10:00:00.000Z',
    by: { name: 'Grace Hopper', email: 'grace@example.test' },
    type: 'comment',
    text: 'Two lines:\nyes, really — "quoted" & #hash',
    anchor: { section: 'Summary', quote: 'needs no server', prefix: 'it ', suffix: '.' },
    revision: 3,
    bodyHash: 'c53-1',
  };
  return [m.reviewer('Grace', true), m.request(), m.verdict('Grace', 'approve'), comment];
}

describe('review files (reviews/<document id>.yml)', () => {
  it('are named after the document id, and only that name is read', () => {
    expect(reviewFilePath(DOC_ID)).toBe(`reviews/${DOC_ID}.yml`);
    expect(docIdOfReviewPath(`reviews/${DOC_ID}.yml`)).toBe(DOC_ID);
    for (const p of ['reviews/README.md', `reviews/${DOC_ID}.yaml`, 'reviews/notes.yml', `rfcs/${DOC_ID}.yml`, `reviews/x/${DOC_ID}.yml`]) expect(docIdOfReviewPath(p)).toBeNull();
  });

  it('read back exactly the records written, sorted by time, with a header naming the document', () => {
    const records = sample();
    const text = reviewFileText('RFC-12', 'Use SQLite: for local storage', [...records].reverse());
    expect(text.startsWith('# Review of RFC-12:')).toBe(true);
    expect(text).toContain('\ndocument: "RFC-12 Use SQLite: for local storage"\nrecords:\n  - id: 01JAAAAAAAAAAAAAAAAAAA0001\n    type: reviewer\n');
    expect(text).toContain('by: Grace Hopper <grace@example.test>');
    const back = parseReviewFile(text);
    expect(back).toEqual({ ok: true, records });
    expect(reviewFileText('RFC-12', 'Use SQLite: for local storage', records)).toBe(text);
  });

  it('round-trip any names and texts', () => {
    const base = sample()[3]!;
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.emailAddress(), fc.string({ minLength: 1, maxLength: 200 }), (name, email, text) => {
        fc.pre(name.trim().length > 0 && text.trim().length > 0);
        const r = { ...base, by: { name: name.trim(), email }, text: text.trim() } as ReviewRecord;
        expect(parseReviewFile(reviewFileText('RFC-1', 'T', [r]))).toEqual({ ok: true, records: [r] });
      }),
      { numRuns: 200 },
    );
  });

  it('hold no records when empty, and take a hand-written `by: Name`', () => {
    expect(parseReviewFile('')).toEqual({ ok: true, records: [] });
    expect(parseReviewFile('reviewers: []\n')).toEqual({ ok: true, records: [] });
    const hand = `records:\n  - id: 01JAAAAAAAAAAAAAAAAAAA0001\n    type: reply\n    at: "2026-03-01T09:00:00Z"\n    by: Tess\n    commentId: 01JAAAAAAAAAAAAAAAAAAA0900\n    text: agreed\n`;
    expect(parseReviewFile(hand)).toMatchObject({ ok: true, records: [{ by: { name: 'Tess', email: '' }, type: 'reply' }] });
  });

  it('refuse a file with a bad record or a repeated id, saying which', () => {
    expect(parseReviewFile('records: [unclosed\n')).toMatchObject({ ok: false, reason: expect.stringContaining('not valid YAML') });
    expect(parseReviewFile('records: 3\n')).toEqual({ ok: false, reason: '`records` must be a list' });
    const [one] = sample();
    const text = reviewFileText('RFC-1', 'T', [one!]);
    expect(parseReviewFile(text.replace('type: reviewer', 'type: vote'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^record 1 \(01JAAAAAAAAAAAAAAAAAAA0001\): type/) });
    const twice = `${text}${text.slice(text.indexOf('  - id:'))}`;
    expect(parseReviewFile(twice)).toMatchObject({ ok: false, reason: 'record 2: the id 01JAAAAAAAAAAAAAAAAAAA0001 is used twice' });
  });
});

describe('RFC reviewer names mirror the review', () => {
  it('lists the people asked, in the order they were added, without the removed', () => {
    const m = recordMaker();
    expect(reviewerNames([m.reviewer('Grace', true), m.reviewer('Linus', false), m.verdict('Cy', 'comment'), m.reviewer('Grace', true, true)])).toEqual(['Linus']);
  });

  it('merge as sets: both additions kept, a removal on one side kept, the repository’s order first', () => {
    expect(mergeReviewerNames(['Ada'], ['Ada', 'Linus'], ['Ada', 'Grace'])).toEqual(['Ada', 'Grace', 'Linus']);
    expect(mergeReviewerNames(['Ada', 'Grace'], ['Grace'], ['Ada', 'Grace', 'Cy'])).toEqual(['Grace', 'Cy']);
    expect(mergeReviewerNames(['Ada'], ['Ada'], ['ada'])).toEqual(['ada']);
  });

  it('align only RFCs', () => {
    const doc = (kind: RepoDocument['kind'], reviewers: string[]): RepoDocument => ({ id: DOC_ID, kind, number: 1, title: 'T', status: 'draft', body: '', fields: { reviewers }, createdAt: null, updatedAt: null });
    const [m, t] = alignReviewerLists(doc('rfc', []), doc('rfc', ['Linus']), doc('rfc', ['Grace']));
    expect([m.fields.reviewers, t.fields.reviewers]).toEqual([['Grace', 'Linus'], ['Grace', 'Linus']]);
    const adr = doc('adr', ['Linus']);
    expect(alignReviewerLists(doc('adr', []), adr, doc('adr', ['Grace']))[0]).toBe(adr);
  });
});

describe('the review policy in designdesk.yml', () => {
  it('is written from the workspace’s policy and read back', () => {
    const text = configFileText({ minApprovals: { rfc: 2, postmortem: 1 } });
    expect(text).toContain('reviewPolicy:\n  minApprovals:\n    rfc: 2\n    postmortem: 1\n');
    expect(readConfigReviewPolicy(text)).toEqual({ ok: true, policy: { minApprovals: { rfc: 2, postmortem: 1 } } });
    expect(readConfigReviewPolicy(configFileText())).toEqual({ ok: true, policy: { minApprovals: {} } });
    expect(readConfigReviewPolicy('format: 1\n')).toEqual({ ok: true, policy: { minApprovals: {} } });
  });

  it('reports a policy it cannot read', () => {
    expect(readConfigReviewPolicy('reviewPolicy:\n  minApprovals:\n    rfcs: 2\n')).toMatchObject({ ok: false, reason: expect.stringContaining('reviewPolicy.minApprovals') });
    expect(readConfigReviewPolicy('reviewPolicy:\n  minApprovals:\n    rfc: two\n')).toMatchObject({ ok: false, reason: expect.stringContaining('reviewPolicy.minApprovals.rfc') });
  });
});
