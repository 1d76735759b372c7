import { HIT_END, HIT_START } from './snippet';

/**
 * Hit marks computed here rather than by FTS5, for the broad queries that
 * match most of the library (docs/performance.md, "search"): FTS5's own
 * highlight() and snippet() would have to walk every expansion of a short
 * prefix for each result. The terms come from the FTS5 expression the query
 * became (toFtsQuery), so what is marked is what matched; tokens are read as
 * the index's tokenizer reads them (unicode61, case and diacritics folded).
 */

/** A word to mark: whole, or as a prefix when the query ended in `*`. */
export interface MarkTerm {
  text: string;
  prefix: boolean;
}

const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/** A token as unicode61 with remove_diacritics compares it. */
export function foldToken(token: string): string {
  // Most tokens are ASCII: no decomposition needed (the slow part when a snippet walks a long body).
  if (/^[\x00-\x7f]*$/.test(token)) return token.toLowerCase();
  return token.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The words an FTS5 expression made by toFtsQuery looks for: every quoted
 * string before its top-level NOT, split into tokens; in a string quoted with
 * a trailing `*`, the last token is a prefix. Exclusions mark nothing.
 */
export function markTerms(expression: string): MarkTerm[] {
  const terms: MarkTerm[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (c === '"') {
      let text = '';
      let j = i + 1;
      while (j < expression.length) {
        if (expression[j] === '"' && expression[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (expression[j] === '"') break;
        else text += expression[j++];
      }
      const star = expression[j + 1] === '*';
      const words = text.match(TOKEN) ?? [];
      words.forEach((w, k) => terms.push({ text: foldToken(w), prefix: star && k === words.length - 1 }));
      i = j + (star ? 2 : 1);
      continue;
    }
    if (expression.startsWith('NOT', i) && !/[\p{L}\p{N}]/u.test(expression[i + 3] ?? ' ')) break;
    i++;
  }
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.prefix ? '*' : ''}${t.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isHit(token: string, terms: readonly MarkTerm[]): boolean {
  const folded = foldToken(token);
  return terms.some((t) => (t.prefix ? folded.startsWith(t.text) : folded === t.text));
}

/** The whole text with every token that matches a term between HIT_START and HIT_END (FTS5 highlight()). */
export function markAll(text: string, terms: readonly MarkTerm[]): string {
  if (terms.length === 0) return text;
  return text.replace(TOKEN, (token) => (isHit(token, terms) ? `${HIT_START}${token}${HIT_END}` : token));
}

/** A letter or digit outside ASCII: the only tokens whose folding a case-insensitive ASCII search can miss. */
const NON_ASCII = /[^\x00-\x7f]/g;
const TOKEN_AT = /[\p{L}\p{N}\p{Co}]+/uy;
const TOKEN_CHAR = /^[\p{L}\p{N}\p{Co}]/u;
const ASCII_TOKEN_CHAR = /[A-Za-z0-9]/;
const ANY_TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

const hitPatterns = new WeakMap<readonly MarkTerm[], RegExp | null>();

/** One case-insensitive search for a token that may be a hit: the ASCII terms, at a token start (whole terms also at its end). */
function hitPattern(terms: readonly MarkTerm[]): RegExp | null {
  if (hitPatterns.has(terms)) return hitPatterns.get(terms)!;
  const ascii = terms.filter((t) => /^[A-Za-z0-9]+$/.test(t.text));
  const pattern = ascii.length === 0 ? null : new RegExp(`(?<![A-Za-z0-9])(?:${ascii.map((t) => (t.prefix ? t.text : `${t.text}(?![A-Za-z0-9])`)).join('|')})`, 'gi');
  hitPatterns.set(terms, pattern);
  return pattern;
}

/**
 * Where the first token that matches a term starts, or -1. A regular
 * expression finds the candidates (each checked as the index folds it); a
 * token with a letter outside ASCII, which it can miss, is read token by
 * token from the first one on, as before.
 */
function firstHit(text: string, terms: readonly MarkTerm[]): number {
  if (terms.length === 0) return -1;
  let found = -1;
  const pattern = hitPattern(terms);
  if (pattern) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      TOKEN_AT.lastIndex = m.index;
      if (isHit(TOKEN_AT.exec(text)![0], terms)) {
        found = m.index;
        break;
      }
      pattern.lastIndex = m.index + 1;
    }
  }
  // A hit the search missed is a token with a letter outside ASCII before the one found.
  const wide = firstWideTokenChar(text, found < 0 ? text.length : found);
  if (wide < 0) return found;
  // Back to the start of the token holding that letter (the characters before it are ASCII).
  let from = wide;
  while (from > 0 && ASCII_TOKEN_CHAR.test(text[from - 1]!)) from--;
  const tokens = new RegExp(TOKEN.source, 'gu');
  tokens.lastIndex = from;
  for (let m = tokens.exec(text); m && (found < 0 || m.index < found); m = tokens.exec(text)) if (isHit(m[0], terms)) return m.index;
  return found;
}

/** Where the first letter or digit outside ASCII is before `end`, or -1 (punctuation such as — or “ is skipped quickly). */
function firstWideTokenChar(text: string, end: number): number {
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m && m.index < end; m = NON_ASCII.exec(text)) {
    if (TOKEN_CHAR.test(text.slice(m.index, m.index + 2))) return m.index;
  }
  return -1;
}

/** The last `count` tokens that end at or before `at` (fewer at the start of the text). */
function tokensBefore(text: string, at: number, count: number): { start: number; end: number }[] {
  for (let reach = 256; ; reach *= 4) {
    const from = Math.max(0, at - reach);
    const spans: { start: number; end: number }[] = [];
    for (const m of text.slice(from, at).matchAll(TOKEN)) spans.push({ start: from + m.index, end: from + m.index + m[0].length });
    // The first token found may be the tail of a longer one cut at `from`: keep it only from the start of the text.
    const whole = from === 0 ? spans : spans.slice(1);
    if (whole.length >= count || from === 0) return whole.slice(-count);
  }
}

/**
 * About `maxTokens` tokens of the text around its first hit, marked, with
 * '…' where it was cut (FTS5 snippet()). Without a hit: the start of the
 * text, unmarked, as FTS5 gives for a column that did not match.
 */
export function markSnippet(text: string, terms: readonly MarkTerm[], maxTokens = 24, lead = 3): string {
  // Finds the first hit without reading the tokens before it (a broad query's 50 rows often hit late in a 20 KB body).
  type Span = { start: number; end: number; hit: boolean };
  const spans: Span[] = [];
  let more = false;
  const hit = firstHit(text, terms);
  if (hit >= 0) {
    // Up to `lead` tokens before the hit, never more than the snippet holds.
    spans.push(...tokensBefore(text, hit, Math.min(lead > 0 ? lead : maxTokens, maxTokens)).map((s) => ({ ...s, hit: false })));
    TOKEN_AT.lastIndex = hit;
    const after = new RegExp(TOKEN.source, 'gu');
    after.lastIndex = hit + TOKEN_AT.exec(text)![0].length;
    spans.push({ start: hit, end: after.lastIndex, hit: true });
    for (let m = after.exec(text); m; m = after.exec(text)) {
      if (spans.length >= maxTokens) {
        more = true;
        break;
      }
      spans.push({ start: m.index, end: m.index + m[0].length, hit: isHit(m[0], terms) });
    }
  } else {
    for (const m of text.matchAll(TOKEN)) {
      if (spans.length >= maxTokens) {
        more = true;
        break;
      }
      spans.push({ start: m.index, end: m.index + m[0].length, hit: false });
    }
    if (spans.length === 0) return '';
  }
  const first = spans[0]!;
  const firstTokenChar = text.search(ANY_TOKEN_CHAR);
  let out = first.start > 0 && firstTokenChar >= 0 && firstTokenChar < first.start ? '…' : '';
  let at = first.start;
  for (const span of spans) {
    out += text.slice(at, span.start);
    const token = text.slice(span.start, span.end);
    out += span.hit ? `${HIT_START}${token}${HIT_END}` : token;
    at = span.end;
  }
  return more ? `${out}…` : out + text.slice(at);
}
