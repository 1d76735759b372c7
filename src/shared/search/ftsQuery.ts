import { DOC_KINDS, KINDS, type DocKind } from '../kinds/kinds';

export interface FtsQueryOptions {
  /** Match the last word as a prefix while the user is still typing it. */
  prefix?: boolean;
  /** Ignore quotes and operators: every word is a plain term (the fallback). */
  plain?: boolean;
}

/** Most terms a query keeps; more only slows the search without narrowing it. */
export const MAX_TERMS = 32;

/** A term needs at least this many characters before it matches as a prefix (FTS5 prefix index '2 3'). */
export const MIN_PREFIX_CHARS = 2;

/** unicode61 keeps letters, numbers and private-use characters as token characters. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const TRAILING_TOKEN = /[\p{L}\p{N}\p{Co}]+$/u;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

interface Term {
  type: 'term';
  text: string;
  phrase: boolean;
  neg: boolean;
  star: boolean;
}
type Token = Term | { type: 'op'; op: string };

function scan(input: string, plain: boolean): Token[] {
  const balanced = !plain && (input.match(/"/g)?.length ?? 0) % 2 === 0;
  const tokens: Token[] = [];
  let negNext = false;
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      if (!balanced) {
        i++;
        continue;
      }
      const end = input.indexOf('"', i + 1);
      const text = input.slice(i + 1, end);
      i = end + 1;
      const star = input[i] === '*';
      if (star) i++;
      tokens.push({ type: 'term', text, phrase: true, neg: negNext, star });
      negNext = false;
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j]!) && input[j] !== '"') j++;
    const raw = input.slice(i, j);
    i = j;
    if (!plain && raw === '-' && balanced && input[i] === '"') {
      negNext = true;
      continue;
    }
    negNext = false;
    if (!plain && OPERATORS.has(raw)) {
      tokens.push({ type: 'op', op: raw });
      continue;
    }
    const neg = !plain && raw.startsWith('-');
    const star = !plain && raw.endsWith('*');
    tokens.push({ type: 'term', text: raw.replace(/^-+/, '').replace(/\*+$/, ''), phrase: false, neg, star });
  }
  return tokens;
}

const asTerm = (op: string): Term => ({ type: 'term', text: op, phrase: false, neg: false, star: false });
const searchable = (t: Token): boolean => t.type === 'op' || TOKEN_CHAR.test(t.text);
const quote = (t: Term): string => `"${t.text.replace(/"/g, '""')}"${t.star ? '*' : ''}`;

/**
 * Turns what a user typed into an FTS5 MATCH expression that cannot be a
 * syntax error: every term is a quoted string, balanced "phrases" stay
 * phrases, `OR` between terms, `NOT`/`-word` exclusions apply only where
 * they make sense, and anything else (a lone operator, an unbalanced quote,
 * stray punctuation) degrades to plain terms. With `prefix`, the last word
 * matches as a prefix unless the text ends with a space. Returns '' when
 * nothing searchable is left.
 */
export function toFtsQuery(userText: string, options: FtsQueryOptions = {}): string {
  const text = userText.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const tokens = scan(text, options.plain ?? false).filter(searchable);
  const positive: Term[][] = [];
  const negative: Term[] = [];
  let joinOr = false;
  let notNext = false;
  let endsNegative = false;
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (token.type === 'op') {
      const betweenTerms = prev?.type === 'term' && next?.type === 'term';
      if (betweenTerms && token.op === 'AND') return;
      if (betweenTerms && token.op === 'OR' && !prev.neg && !next.neg && !notNext) {
        joinOr = true;
        return;
      }
      if (token.op === 'NOT' && next?.type === 'term' && positive.length > 0) {
        notNext = true;
        return;
      }
    }
    // An operator that has nothing to apply to is just a word.
    const t = token.type === 'op' ? asTerm(token.op) : token;
    endsNegative = t.neg || notNext;
    if (endsNegative) negative.push({ ...t, neg: true, star: t.star && !notNext });
    else if (joinOr && positive.length > 0) positive[positive.length - 1]!.push(t);
    else positive.push([t]);
    joinOr = false;
    notNext = false;
  });
  if (positive.length === 0) {
    // Only exclusions ("-foo", "NOT"): search for the words themselves.
    positive.push(...negative.splice(0).map((t) => [{ ...t, neg: false }]));
    endsNegative = false;
  }
  const groups = positive.slice(0, MAX_TERMS);
  if (groups.length === 0) return '';

  const last = groups[groups.length - 1]!;
  const lastTerm = last[last.length - 1]!;
  const stillTyping = options.prefix && !/\s$/.test(userText) && !endsNegative && !lastTerm.phrase && groups.length === positive.length;
  if (stillTyping && (TRAILING_TOKEN.exec(lastTerm.text)?.[0].length ?? 0) >= MIN_PREFIX_CHARS) {
    last[last.length - 1] = { ...lastTerm, star: true };
  }

  const group = (g: Term[]): string => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`);
  // FTS5 only reads juxtaposition as AND between plain phrases, never next to a parenthesis: spell it out.
  const must = groups.map(group).join(' AND ');
  const mustNot = negative.slice(0, MAX_TERMS).map(quote);
  if (mustNot.length === 0) return must;
  const wrap = (parts: string[], sep: string): string => (parts.length === 1 ? parts[0]! : `(${parts.join(sep)})`);
  return `${groups.length === 1 ? must : `(${must})`} NOT ${wrap(mustNot, ' OR ')}`;
}

/** A query that names a document by its display reference: kind is null when only a number was typed. */
export interface RefQuery {
  kind: DocKind | null;
  number: number;
}

/** Words that name a kind in a ref query: each kind's prefix and its own name, and "decision" for the matrix. */
const KIND_WORDS: Record<string, DocKind> = {
  ...Object.fromEntries(DOC_KINDS.flatMap((k) => [[KINDS[k].prefix.toLowerCase(), k] as const, [k, k] as const])),
  decision: 'matrix',
};
const REF_QUERY = /^(?:([a-z]+)\s*[-#:]?\s*)?#?\s*(\d{1,6})$/i;

/**
 * Recognizes a query that names a document: "RFC-12", "rfc 12", "rfc12",
 * "DM #3", "#12" or a bare "12". Returns null for anything else.
 */
export function parseRefQuery(userText: string): RefQuery | null {
  const m = REF_QUERY.exec(userText.trim());
  if (!m) return null;
  const number = Number(m[2]);
  if (number <= 0) return null;
  if (m[1] === undefined) return { kind: null, number };
  const kind = KIND_WORDS[m[1].toLowerCase()];
  return kind ? { kind, number } : null;
}
