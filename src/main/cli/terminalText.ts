/**
 * Text from documents (titles, paths, bodies) comes from teammates' pushes.
 * Printed raw, an ESC or a CSI (U+009B) can move the cursor and rewrite the
 * screen, a CR can hide a line's start, and bidirectional overrides can make
 * a line read differently from what it holds. These are shown as escapes.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of someone else's text for a terminal: control characters (newline included) and bidi controls as `\xNN` / `\uNNNN`; tab kept. */
export function terminalLine(text: string): string {
  return text.replace(UNSAFE, escape);
}

// JSON.stringify already escapes U+0000-U+001F; these are the ones it leaves raw.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON for a terminal: the same value, with the characters JSON.stringify leaves raw written as `\uNNNN` escapes. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
