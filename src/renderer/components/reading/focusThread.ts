/**
 * Between a highlight in the text and its thread in the review panel: both
 * are found by their ids in the page, so neither has to know where the other
 * is rendered.
 */

/** Scrolls the review panel to a thread (opening the resolved list if it is there) and focuses it. */
export function focusThread(id: string): boolean {
  const thread = document.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`);
  if (!thread) return false;
  const details = thread.closest('details');
  if (details && !details.open) details.open = true;
  thread.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  thread.focus({ preventScroll: true });
  return true;
}

/** Scrolls the text to a thread's highlight and focuses it; false when the reading view does not show it. */
export function focusMark(id: string): boolean {
  const mark = document.querySelector<HTMLElement>(`mark[data-mark="${CSS.escape(id)}"][tabindex]`);
  if (!mark) return false;
  mark.scrollIntoView({ behavior: 'smooth', block: 'center' });
  mark.focus({ preventScroll: true });
  return true;
}
