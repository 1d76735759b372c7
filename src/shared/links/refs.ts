import { KIND_BY_PREFIX, PREFIX_SOURCE, type DocKind } from '../kinds/kinds';

/** A reference to a document by its display number: RFC-12 is { kind: 'rfc', number: 12 }. */
export interface DocRef {
  kind: DocKind;
  number: number;
}

/** One reference token found in plain text, with where it sits. */
export interface RefMatch extends DocRef {
  /** The token as written, e.g. "RFC-12". */
  text: string;
  /** Offset of the token in the text searched. */
  index: number;
}

/**
 * Upper-case prefix, a dash, 1-6 digits; not glued to a word, a path ("/RFC-1")
 * or a longer token ("RFC-1-2", "RFC-1.5"). "RFC-12." at a sentence end counts.
 */
const TOKEN_SOURCE = `(?<![\\w/-])${PREFIX_SOURCE}-(\\d{1,6})(?!\\w|[.-]\\d)`;

/** Finds reference tokens in plain text, with no Markdown awareness (the preview plugin feeds it text nodes). */
export function findRefs(text: string): RefMatch[] {
  const out: RefMatch[] = [];
  for (const m of text.matchAll(new RegExp(TOKEN_SOURCE, 'g'))) {
    const number = Number(m[2]);
    if (number === 0) continue;
    out.push({ kind: KIND_BY_PREFIX.get(m[1]!)!, number, text: m[0], index: m.index });
  }
  return out;
}

/**
 * The documents a Markdown body refers to: RFC-12, ADR-3, DM-1, PM-4 tokens,
 * each once, in order of first appearance. Text inside fenced code blocks and
 * inline code spans is not a reference (an example in code is not a link).
 */
export function extractRefs(markdown: string): DocRef[] {
  const seen = new Set<string>();
  const out: DocRef[] = [];
  for (const r of findRefs(maskCode(markdown))) {
    const key = refKey(r);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: r.kind, number: r.number });
  }
  return out;
}

/** A stable key for a reference, e.g. "rfc-12"; for sets and maps. */
export function refKey(ref: DocRef): string {
  return `${ref.kind}-${ref.number}`;
}

const FENCE_RE = /^[ \t>]*(`{3,}|~{3,})/;

/** Replaces code (fenced blocks and inline spans) with spaces, keeping every other offset. */
function maskCode(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length) out.push(maskInlineCode(paragraph.join('\n')));
    paragraph = [];
  };
  for (const line of lines) {
    const m = FENCE_RE.exec(line);
    if (fence !== null) {
      // Inside a fence: it closes on a run of the same character at least as long.
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.slice(m[0].length).trim() === '') fence = null;
      out.push(blank(line));
    } else if (m && !(m[1]![0] === '`' && line.slice(m[0].length).includes('`'))) {
      flush();
      fence = m[1]!;
      out.push(blank(line));
    } else if (line.trim() === '') {
      // A blank line ends a paragraph; a code span never crosses it.
      flush();
      out.push(line);
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** CommonMark code spans: a run of n backticks up to the next run of exactly n. */
function maskInlineCode(text: string): string {
  let result = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    if (open < 0) break;
    let n = 1;
    while (text[open + n] === '`') n++;
    const close = findRun(text, open + n, n);
    if (close < 0) {
      result += text.slice(i, open + n);
      i = open + n;
      continue;
    }
    result += text.slice(i, open) + blank(text.slice(open, close + n));
    i = close + n;
  }
  return result + text.slice(i);
}

function findRun(text: string, from: number, n: number): number {
  let i = text.indexOf('`', from);
  while (i >= 0) {
    let len = 1;
    while (text[i + len] === '`') len++;
    if (len === n) return i;
    i = text.indexOf('`', i + len);
  }
  return -1;
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}
