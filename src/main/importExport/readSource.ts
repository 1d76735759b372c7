import fs from 'node:fs';
import { MAX_IMPORT_FILE_BYTES } from './importedDoc';

export type ReadResult = { ok: true; text: string; notes: string[] } | { ok: false; reason: string };

const MARKDOWN_EXT = /\.(md|markdown|mdx)$/i;

/** True for the extensions an import reads (.md, .markdown, .mdx). */
export function isMarkdownName(name: string): boolean {
  return MARKDOWN_EXT.test(name);
}

/**
 * Reads a source file as text an importer can trust: refuses files above
 * MAX_IMPORT_FILE_BYTES without reading them, binary content, and anything
 * not Markdown; decodes UTF-8 (with or without BOM), UTF-16 with a BOM, and
 * falls back to Windows-1252 for bytes that are not UTF-8 (noted); CRLF and
 * CR line endings become LF.
 */
export function readSource(file: string, name: string): ReadResult {
  if (!isMarkdownName(name)) return { ok: false, reason: 'not a Markdown file (.md, .markdown, .mdx)' };
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    return { ok: false, reason: `cannot be read (${errorCode(e)})` };
  }
  if (size > MAX_IMPORT_FILE_BYTES) {
    return { ok: false, reason: `too large: ${size} bytes, the import limit is ${MAX_IMPORT_FILE_BYTES} bytes per file (split or trim it)` };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: `cannot be read (${errorCode(e)})` };
  }
  return decodeText(bytes);
}

/** Bytes of a Markdown file as LF text; binary content is refused. */
export function decodeText(bytes: Uint8Array): ReadResult {
  const notes: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: 'binary content, not a Markdown text' };
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
      notes.push('not valid UTF-8: read as Windows-1252');
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (hasControlChars(text.slice(0, 8000))) return { ok: false, reason: 'binary content, not a Markdown text' };
  return { ok: true, text, notes };
}

/** Windows-1252 at 0x80-0x9F (undefined ones stay as they are); the rest is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Decodes Windows-1252 by hand: Node's TextDecoder treats the label as
 * Latin-1 and turns curly quotes into invisible C1 controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}

/** Control characters other than tab, LF, VT, FF, CR and ESC: a sign of binary data. */
function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1b) return true;
  }
  return false;
}

function errorCode(e: unknown): string {
  return (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
}
