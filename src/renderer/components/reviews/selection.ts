import { anchorAt, anchorFromSelection, findQuote } from '../../../shared/reviews/anchors';
import type { Anchor } from '../../../shared/reviews/schemas';
import { useAppStore } from '../../store';
import { selectedSourceRange } from '../reading/readingSelection';

/**
 * Reading the passage a reviewer selected in a section editor. Each section
 * is a <section data-section="Heading"> wrapping a textarea (SectionEditor);
 * the selection is read from the focused textarea when the "Comment on
 * selection" button is pressed (its mousedown keeps the focus where it is),
 * and, as a fallback, from the last selection made in any section textarea.
 */

interface Picked {
  section: string;
  value: string;
  start: number;
  end: number;
}

let last: Picked | null = null;

function sectionOf(el: Element | null): { textarea: HTMLTextAreaElement; section: string } | null {
  if (!(el instanceof HTMLTextAreaElement)) return null;
  const wrapper = el.closest<HTMLElement>('section[data-section]');
  return wrapper ? { textarea: el, section: wrapper.dataset.section ?? '' } : null;
}

function remember(e: Event): void {
  const hit = sectionOf(e.target as Element | null);
  if (hit && hit.textarea.selectionStart !== hit.textarea.selectionEnd) {
    last = { section: hit.section, value: hit.textarea.value, start: hit.textarea.selectionStart, end: hit.textarea.selectionEnd };
  }
}

let installed = 0;

/** Starts remembering selections made in section textareas; returns the function that stops it. */
export function trackSectionSelections(): () => void {
  if (installed++ === 0) {
    document.addEventListener('select', remember, true);
    document.addEventListener('keyup', remember, true);
    document.addEventListener('mouseup', remember, true);
  }
  return () => {
    if (--installed === 0) {
      document.removeEventListener('select', remember, true);
      document.removeEventListener('keyup', remember, true);
      document.removeEventListener('mouseup', remember, true);
      last = null;
    }
  };
}

/** The anchor of the passage selected now (in the reading view, or the focused section textarea) or last; null when nothing is selected. */
export function selectedAnchor(): Anchor | null {
  const reading = selectedSourceRange(document.querySelector<HTMLElement>('[data-reading-body]'));
  const body = useAppStore.getState().doc?.body;
  if (reading && body !== undefined) {
    const anchor = anchorAt(body, reading.start, reading.end);
    if (anchor.quote) return anchor;
  }
  const hit = sectionOf(document.activeElement);
  const picked: Picked | null =
    hit && hit.textarea.selectionStart !== hit.textarea.selectionEnd
      ? { section: hit.section, value: hit.textarea.value, start: hit.textarea.selectionStart, end: hit.textarea.selectionEnd }
      : last;
  if (!picked) return null;
  const anchor = anchorFromSelection(picked.section, picked.value, picked.start, picked.end);
  return anchor.quote ? anchor : null;
}

/** Scrolls to a comment's section and selects its passage in the editor, when it is still there. */
export function revealAnchor(anchor: Anchor, section: string): void {
  const wrapper = [...document.querySelectorAll<HTMLElement>('section[data-section]')].find((s) => s.dataset.section === section);
  if (!wrapper) return;
  wrapper.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const textarea = wrapper.querySelector('textarea');
  const hit = textarea && anchor.quote ? findQuote(textarea.value, anchor) : null;
  if (textarea && hit) {
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(hit.start, hit.end);
  }
}
