import { anchorAt, findQuote } from '../../../shared/reviews/anchors';
import type { Anchor } from '../../../shared/reviews/schemas';
import { useAppStore } from '../../store';
import { outlineOf } from '../editor/outline';
import { caretPosition } from '../editor/textareaEdit';
import { selectedSourceRange } from '../reading/readingSelection';

/**
 * Reading the passage a reviewer selected in the document editor. The whole
 * body is one textarea inside [data-body-editor] (editor/DocumentEditor); the
 * selection is read from it when the "Comment on selection" button is pressed
 * (its mousedown keeps the focus where it is), and, as a fallback, from the
 * last selection made in it. The section comes from where the selection is.
 */

interface Picked {
  value: string;
  start: number;
  end: number;
}

let last: Picked | null = null;

const BODY_TEXTAREA = '[data-body-editor] textarea';

function sectionOf(el: Element | null): { textarea: HTMLTextAreaElement } | null {
  if (!(el instanceof HTMLTextAreaElement) || !el.matches(BODY_TEXTAREA)) return null;
  return { textarea: el };
}

function remember(e: Event): void {
  const hit = sectionOf(e.target as Element | null);
  if (hit && hit.textarea.selectionStart !== hit.textarea.selectionEnd) {
    last = { value: hit.textarea.value, start: hit.textarea.selectionStart, end: hit.textarea.selectionEnd };
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
      ? { value: hit.textarea.value, start: hit.textarea.selectionStart, end: hit.textarea.selectionEnd }
      : last;
  if (!picked) return null;
  const anchor = anchorAt(picked.value, picked.start, picked.end);
  return anchor.quote ? anchor : null;
}

/** Scrolls the editor to a comment's section and selects its passage there, when it is still there. */
export function revealAnchor(anchor: Anchor, section: string): void {
  const textarea = document.querySelector<HTMLTextAreaElement>(BODY_TEXTAREA);
  if (!textarea) return;
  const value = textarea.value;
  const entries = outlineOf(value);
  const at = entries.findIndex((e) => e.heading === section);
  const from = at < 0 ? 0 : entries[at]!.textStart;
  const to = at < 0 ? (entries[0]?.start ?? value.length) : (entries[at + 1]?.start ?? value.length);
  if (at < 0 && section !== '') return;
  textarea.closest('[data-body-editor]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const hit = anchor.quote ? findQuote(value.slice(from, to), anchor) : null;
  const start = hit ? from + hit.start : from;
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, hit ? from + hit.end : start);
  textarea.scrollTop = Math.max(0, caretPosition(textarea, start).top - textarea.clientHeight / 3);
}
