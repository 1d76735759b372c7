import { describe, expect, it } from 'vitest';
import { moveRow, patchRow, removeRow } from '../../../../../src/renderer/components/postmortem/rowEdits';

const rows = [
  { id: 'a', v: 1 },
  { id: 'b', v: 2 },
  { id: 'c', v: 3 },
];
const ids = (rs: readonly { id: string }[]): string => rs.map((r) => r.id).join('');

describe('moveRow', () => {
  it('swaps the row with its neighbour above or below', () => {
    expect(ids(moveRow(rows, 'b', -1))).toBe('bac');
    expect(ids(moveRow(rows, 'b', 1))).toBe('acb');
    expect(ids(moveRow(rows, 'a', 1))).toBe('bac');
  });

  it('leaves the order alone past either end or for an unknown row, in a new array', () => {
    for (const [id, by] of [['a', -1], ['c', 1], ['x', 1], ['x', -1]] as const) {
      const out = moveRow(rows, id, by);
      expect(ids(out)).toBe('abc');
      expect(out).not.toBe(rows);
    }
  });

  it('does not change its input', () => {
    moveRow(rows, 'a', 1);
    expect(ids(rows)).toBe('abc');
  });
});

describe('removeRow', () => {
  it('drops only the row with that id', () => {
    expect(ids(removeRow(rows, 'b'))).toBe('ac');
    expect(ids(removeRow(rows, 'x'))).toBe('abc');
    expect(ids(rows)).toBe('abc');
  });
});

describe('patchRow', () => {
  it('changes the fields given on that row and keeps the other rows as they were', () => {
    const out = patchRow(rows, 'b', { v: 20 });
    expect(out).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 20 },
      { id: 'c', v: 3 },
    ]);
    expect(out[0]).toBe(rows[0]);
    expect(rows[1]!.v).toBe(2);
  });
});
