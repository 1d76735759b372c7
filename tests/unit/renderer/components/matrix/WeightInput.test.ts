import { describe, expect, it } from 'vitest';
import { parseWeight } from '../../../../../src/renderer/components/matrix/WeightInput';

describe('parseWeight', () => {
  it('reads whole and decimal weights, with a dot or a comma', () => {
    expect(parseWeight('3')).toBe(3);
    expect(parseWeight(' 2.5 ')).toBe(2.5);
    expect(parseWeight('0,5')).toBe(0.5);
    expect(parseWeight('2.')).toBe(2);
    expect(parseWeight('.5')).toBe(0.5);
    expect(parseWeight('0')).toBe(0);
    expect(parseWeight('1000')).toBe(1000);
  });

  it('refuses what is not a weight yet, so a half-typed value never reaches the ranking', () => {
    for (const t of ['', ' ', '.', '-1', 'abc', '1e3', '1001', '2..', 'Infinity', 'NaN', '0x10']) expect(parseWeight(t), t).toBeNull();
  });
});
