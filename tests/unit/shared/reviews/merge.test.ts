import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeReviewRecords } from '../../../../src/shared/reviews/merge';
import type { ReviewRecord } from '../../../../src/shared/reviews/schemas';
import { recordMaker } from './records';

const ids = (rs: readonly ReviewRecord[]): string[] => rs.map((r) => r.id);

describe('mergeReviewRecords', () => {
  const m = recordMaker();
  const base = [m.reviewer('Grace', true), m.reviewer('Linus', false), m.request()];
  const grace = m.verdict('Grace', 'request-changes');
  const linus = m.verdict('Linus', 'approve');

  it('combines two reviewers writing independently, without loss', () => {
    const merged = mergeReviewRecords(base, [...base, grace], [...base, linus]);
    expect(ids(merged)).toEqual(ids([...base, grace, linus]));
  });

  it('is the same whichever side is mine', () => {
    expect(mergeReviewRecords(base, [...base, grace], [...base, linus])).toEqual(mergeReviewRecords(base, [...base, linus], [...base, grace]));
  });

  it('keeps one copy of a record both sides have', () => {
    expect(ids(mergeReviewRecords(base, [...base, grace], [...base, grace]))).toEqual(ids([...base, grace]));
  });

  it('takes the changed side of a record changed on one side only', () => {
    const edited = { ...base[2]!, note: 'please look at the data model' } as ReviewRecord;
    const merged = mergeReviewRecords(base, [base[0]!, base[1]!, edited], base);
    expect(merged[2]).toEqual(edited);
    expect(mergeReviewRecords(base, base, [base[0]!, base[1]!, edited])[2]).toEqual(edited);
  });

  it('picks the same version on every machine when both sides changed a record', () => {
    const a = { ...base[2]!, note: 'a' } as ReviewRecord;
    const b = { ...base[2]!, note: 'b' } as ReviewRecord;
    expect(mergeReviewRecords(base, [a], [b])).toEqual(mergeReviewRecords(base, [b], [a]));
  });

  it('drops a record deleted on one side and untouched on the other, keeps it when the other side changed it', () => {
    expect(ids(mergeReviewRecords(base, base.slice(0, 2), base))).toEqual(ids(base.slice(0, 2)));
    const edited = { ...base[2]!, note: 'changed' } as ReviewRecord;
    expect(mergeReviewRecords(base, base.slice(0, 2), [base[0]!, base[1]!, edited])).toContainEqual(edited);
  });

  it('sorts by time then id, whatever order the sides list them in', () => {
    const merged = mergeReviewRecords([], [linus, base[1]!], [grace, base[0]!, base[2]!]);
    expect(ids(merged)).toEqual(ids([...base, grace, linus]));
  });

  it('never loses a record added on either side (property)', () => {
    const pool = Array.from({ length: 12 }, (_, i) => (i % 2 ? m.verdict(`R${i}`, 'approve') : m.reviewer(`R${i}`, i % 3 === 0)));
    const subset = fc.subarray(pool);
    fc.assert(
      fc.property(subset, subset, subset, (b, mine, theirs) => {
        const merged = ids(mergeReviewRecords(b, mine, theirs));
        const baseIds = new Set(ids(b));
        for (const r of [...mine, ...theirs]) if (!baseIds.has(r.id)) expect(merged).toContain(r.id);
        // Unique, and sorted.
        expect(new Set(merged).size).toBe(merged.length);
        expect([...merged].sort()).toEqual(merged);
      }),
    );
  });
});
