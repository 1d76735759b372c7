import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Where a key moves the active option of a list of `count`, or undefined when
 * the key is not a move. The arrows stop at the ends; Home and End only move
 * when `homeEnd` is set, otherwise they stay with the text field.
 */
export function movedActive(key: string, active: number, count: number, homeEnd: boolean): number | undefined {
  if (key === 'ArrowDown') return Math.min(active + 1, count - 1);
  if (key === 'ArrowUp') return Math.max(active - 1, 0);
  if (key === 'Home' && homeEnd) return 0;
  if (key === 'End' && homeEnd) return count - 1;
  return undefined;
}

export interface ListboxNavigationOptions<T> {
  items: readonly T[];
  /** The element id of an option, for aria-activedescendant. */
  optionId: (item: T) => string;
  /** Enter on an option. */
  onChoose: (item: T) => void;
  onClose: () => void;
  /** Let Home and End move through the list (when the text field has nothing to move through). */
  homeEnd?: boolean;
}

/**
 * The keyboard of a combobox text field that drives a listbox while the focus
 * stays in the field: arrows move the active option, Enter chooses it, Esc
 * closes. Attach `listRef` to the listbox to keep the active option in view;
 * call `setActive(0)` when the query changes.
 */
export function useListboxNavigation<T>({ items, optionId, onChoose, onClose, homeEnd = false }: ListboxNavigationOptions<T>) {
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const current = items[active];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const next = movedActive(e.key, active, items.length, homeEnd);
    if (next !== undefined) {
      e.preventDefault();
      setActive(next);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) onChoose(current);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };
  return { active, setActive, listRef, onKeyDown, activeDescendant: current ? optionId(current) : undefined };
}
