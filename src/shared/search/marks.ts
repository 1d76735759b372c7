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

/**
 * About `maxTokens` tokens of the text around its first hit, marked, with
 * '…' where it was cut (FTS5 snippet()). Without a hit: the start of the
 * text, unmarked, as FTS5 gives for a column that did not match.
 */
export function markSnippet(text: string, terms: readonly MarkTerm[], maxTokens = 24, lead = 3): string {
  // Reads tokens only until the window after the first hit is full: a long body is not walked to its end.
  type Span = { start: number; end: number; hit: boolean };
  const before: Span[] = [];
  const window: Span[] = [];
  let more = false;
  for (const m of text.matchAll(TOKEN)) {
    const span = { start: m.index, end: m.index + m[0].length, hit: false };
    if (window.length === 0) {
      span.hit = terms.length > 0 && isHit(m[0], terms);
      if (!span.hit) {
        before.push(span);
        if (before.length > maxTokens) before.shift();
        continue;
      }
      window.push(...before.slice(-lead), span);
      continue;
    }
    if (window.length >= maxTokens) {
      more = true;
      break;
    }
    span.hit = isHit(m[0], terms);
    window.push(span);
  }
  // No hit: the start of the text, unmarked (FTS5 gives the same for a column that did not match).
  const spans = window.length > 0 ? window : [];
  if (spans.length === 0) {
    const head: Span[] = [];
    for (const m of text.matchAll(TOKEN)) {
      if (head.length >= maxTokens) {
        more = true;
        break;
      }
      head.push({ start: m.index, end: m.index + m[0].length, hit: false });
    }
    if (head.length === 0) return '';
    spans.push(...head);
  }
  const first = spans[0]!;
  let out = first.start > 0 && text.slice(0, first.start).match(TOKEN) ? '…' : '';
  let at = first.start;
  for (const span of spans) {
    out += text.slice(at, span.start);
    const token = text.slice(span.start, span.end);
    out += span.hit ? `${HIT_START}${token}${HIT_END}` : token;
    at = span.end;
  }
  return more ? `${out}…` : out + text.slice(at);
}
