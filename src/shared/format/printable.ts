/** C0 and C1 control characters and DEL: an ESC or a CSI (U+009B) can move the cursor and rewrite a terminal. */
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function hex(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * A path or name from someone else (a tree entry, an imported file) as it
 * may be shown: every control character as `\xNN`, a backslash doubled, so
 * nothing reaches a terminal raw and the escape stays unambiguous.
 */
export function printablePath(path: string): string {
  return path.replace(CONTROL_OR_BACKSLASH, (c) => (c === '\\' ? '\\\\' : hex(c)));
}

/** Free text (a title, a reason) for a terminal: control characters other than tab and newline as `\xNN`. */
export function printableText(text: string): string {
  return text.replace(CONTROL, hex);
}
