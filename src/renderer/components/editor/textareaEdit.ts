/**
 * Edits of the one editor's textarea that keep the browser's own undo stack:
 * the text goes in through execCommand('insertText'), so Ctrl+Z takes it back
 * like typed text, and the textarea's input event reaches the editor's onChange.
 */
export function replaceRange(textarea: HTMLTextAreaElement, from: number, to: number, text: string): void {
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(from, to);
  // execCommand is deprecated but is still the only way to edit a textarea that keeps undo.
  if (document.execCommand('insertText', false, text)) return;
  textarea.setRangeText(text, from, to, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Replaces the textarea's whole value with `next`, touching only the span that differs. */
export function replaceValue(textarea: HTMLTextAreaElement, next: string): void {
  const prev = textarea.value;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let end = 0;
  while (end < prev.length - start && end < next.length - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  replaceRange(textarea, start, prev.length - end, next.slice(start, next.length - end));
}

const MIRRORED = [
  'boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth',
  'borderBottomWidth', 'borderLeftWidth', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight',
  'tabSize', 'textIndent', 'textTransform', 'wordSpacing', 'whiteSpace', 'wordBreak', 'overflowWrap',
] as const;

/**
 * The caret's position at `offset` inside the textarea's content (top of its
 * line, in pixels from the content's top; left from its left), measured with
 * an off-screen copy laid out like the textarea.
 */
export function caretPosition(textarea: HTMLTextAreaElement, offset: number): { top: number; left: number; lineHeight: number } {
  const style = getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const p of MIRRORED) mirror.style[p] = style[p];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflow = 'hidden';
  mirror.style.width = `${textarea.clientWidth}px`;
  mirror.style.boxSizing = 'border-box';
  mirror.textContent = textarea.value.slice(0, offset);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.appendChild(marker);
  document.body.appendChild(mirror);
  const top = marker.offsetTop;
  const left = marker.offsetLeft;
  const lineHeight = marker.offsetHeight;
  mirror.remove();
  return { top, left, lineHeight };
}
