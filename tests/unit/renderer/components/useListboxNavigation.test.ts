import { describe, expect, it } from 'vitest';
import { movedActive } from '../../../../src/renderer/components/useListboxNavigation';

describe('movedActive', () => {
  it('moves with the arrows and stops at both ends', () => {
    expect(movedActive('ArrowDown', 0, 3, false)).toBe(1);
    expect(movedActive('ArrowDown', 2, 3, false)).toBe(2);
    expect(movedActive('ArrowUp', 2, 3, false)).toBe(1);
    expect(movedActive('ArrowUp', 0, 3, false)).toBe(0);
  });

  it('jumps to the ends with Home and End only when asked to', () => {
    expect(movedActive('Home', 2, 3, true)).toBe(0);
    expect(movedActive('End', 0, 3, true)).toBe(2);
    expect(movedActive('Home', 2, 3, false)).toBeUndefined();
    expect(movedActive('End', 0, 3, false)).toBeUndefined();
  });

  it('leaves every other key to the caller', () => {
    for (const key of ['Enter', 'Escape', 'Tab', 'a', 'ArrowLeft']) expect(movedActive(key, 1, 3, true)).toBeUndefined();
  });

  it('points at no option when the list is empty', () => {
    expect(movedActive('ArrowDown', 0, 0, false)).toBe(-1);
    expect(movedActive('ArrowUp', 0, 0, false)).toBe(0);
  });
});
