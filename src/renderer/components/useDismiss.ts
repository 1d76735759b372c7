import { useEffect, useRef, type RefObject } from 'react';

/**
 * Closes a popup (menu, popover) while it is open: on Escape, and on a
 * mouse press outside `ref`.
 */
export function useDismiss(ref: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  // The latest close, without listening again on every render.
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    const close = (): void => closeRef.current();
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') close();
    };
    const onDown = (e: MouseEvent): void => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [ref, open]);
}
