import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELETION_GUARD, deletionsNeedConsent } from '../../../../src/shared/sync/deletionGuard';

describe('deletionsNeedConsent', () => {
  it('asks for 5 or more documents that are also at least 10% of the library', () => {
    expect(deletionsNeedConsent(4, 4)).toBe(false);
    expect(deletionsNeedConsent(5, 5)).toBe(true);
    expect(deletionsNeedConsent(5, 50)).toBe(true);
    expect(deletionsNeedConsent(5, 51)).toBe(false);
    expect(deletionsNeedConsent(100, 10_000)).toBe(false);
    expect(deletionsNeedConsent(1000, 10_000)).toBe(true);
  });

  it('never asks below the count, always asks for the whole library from the count on', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (count, library) => {
        if (count < DELETION_GUARD.minDocuments) expect(deletionsNeedConsent(count, library)).toBe(false);
        else expect(deletionsNeedConsent(count, Math.min(library, count))).toBe(true);
      }),
    );
  });
});
