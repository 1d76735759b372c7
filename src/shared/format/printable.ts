/**
 * Text from someone else (a teammate's title, a tree entry's name, an
 * imported file) as it may reach a terminal. Printed raw, an ESC or a CSI
 * (U+009B) can move the cursor and rewrite the screen, a CR can hide a
 * line's start, and bidirectional overrides can make a line read
 * differently from what it holds. One set of characters, escaped as `\xNN`
 * or `\uNNNN` by every printer of the command line.
 */
const BIDI = '\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
/** C0 but tab, DEL, C1, bidi controls and line separators; `keep` adds characters kept as they are. */
const unsafe = (extra: string): RegExp => new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}${extra}]`, 'g');
const TEXT_UNSAFE = unsafe('');
const LINE_UNSAFE = unsafe('\\u000a');
const PATH_UNSAFE = unsafe('\\u0009\\u000a\\\\');
// JSON.stringify already escapes U+0000-U+001F; these are the ones it leaves raw.
const JSON_UNSAFE = new RegExp(`[\\u007f-\\u009f${BIDI}]`, 'g');

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A path or name: every control character escaped and a backslash doubled, so the escape stays unambiguous. */
export function printablePath(path: string): string {
  return path.replace(PATH_UNSAFE, (c) => (c === '\\' ? '\\\\' : escape(c)));
}

/** Free text (a message, a reason): control and bidi characters escaped; tab and newline kept. */
export function printableText(text: string): string {
  return text.replace(TEXT_UNSAFE, escape);
}

/** One line (a title, a diff line): as printableText, and a newline escaped too. */
export function terminalLine(text: string): string {
  return text.replace(LINE_UNSAFE, escape);
}

/** JSON for a terminal: the same value, with the characters JSON.stringify leaves raw written as `\uNNNN`. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
