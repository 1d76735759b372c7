import { sectionText, splitSections } from '../markdown/sections';
import type { Anchor } from './schemas';

/** How much text on each side of a quoted passage is kept to tell repeated words apart. */
export const ANCHOR_CONTEXT_CHARS = 32;

const normalize = (s: string): string => s.replace(/\r\n?/g, '\n');

/**
 * The anchor of a passage selected in a section's text (`start`..`end` as in
 * textarea.selectionStart/End). Surrounding spaces are not part of the
 * quote; an empty selection anchors to the whole section.
 */
export function anchorFromSelection(section: string, sectionText: string, start: number, end: number): Anchor {
  const text = normalize(sectionText);
  let s = Math.max(0, Math.min(start, end, text.length));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s === e) return { section, quote: '', prefix: '', suffix: '' };
  return {
    section,
    quote: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - ANCHOR_CONTEXT_CHARS), s),
    suffix: text.slice(e, e + ANCHOR_CONTEXT_CHARS),
  };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where the quoted passage is in `text`: of all its occurrences, the one
 * whose surroundings best match the anchor's prefix and suffix (the first on
 * a tie), or null when the passage is not there any more.
 */
export function findQuote(text: string, anchor: Pick<Anchor, 'quote' | 'prefix' | 'suffix'>): { start: number; end: number; score: number } | null {
  const hay = normalize(text);
  const quote = normalize(anchor.quote);
  if (!quote) return null;
  let best: { start: number; end: number; score: number } | null = null;
  for (let at = hay.indexOf(quote); at !== -1; at = hay.indexOf(quote, at + 1)) {
    const before = hay.slice(Math.max(0, at - anchor.prefix.length), at);
    const after = hay.slice(at + quote.length, at + quote.length + anchor.suffix.length);
    const score = commonSuffix(before, normalize(anchor.prefix)) + commonPrefix(after, normalize(anchor.suffix));
    if (!best || score > best.score) best = { start: at, end: at + quote.length, score };
  }
  return best;
}

export type AnchorLocation =
  | {
      state: 'found';
      /** The heading of the section the passage is in now. */
      section: string;
      /** Offsets in the body (line endings normalised to \n). */
      start: number;
      end: number;
      /** True when the passage was found outside its original section (the heading was renamed or the text moved). */
      moved: boolean;
      /** True when the passage itself changed a little (a word fixed, lines re-wrapped) and was found by its context. */
      edited?: boolean;
    }
  | { state: 'outdated' };

interface SectionRange {
  heading: string;
  /** Where the heading line starts. */
  from: number;
  /** Where the section's content starts (after the heading line) and ends. */
  start: number;
  end: number;
}

/** Each section's place in `text` (line endings already normalised). */
export function sectionRanges(text: string): SectionRange[] {
  const ranges: SectionRange[] = [];
  let pos = 0;
  for (const s of splitSections(text)) {
    const from = pos;
    pos += s.headingLine.length + s.content.length;
    ranges.push({ heading: s.heading.trim(), from, start: from + s.headingLine.length, end: pos });
  }
  return ranges;
}

/**
 * The anchor of the passage at `start`..`end` of the body (as selected in
 * the reading view): the same anchor a selection of that passage in its
 * section's editor gives, so the two ways of commenting agree.
 */
export function anchorAt(body: string, start: number, end: number): Anchor {
  const text = normalize(body);
  const sections = splitSections(text);
  const ranges = sectionRanges(text);
  let i = ranges.findIndex((r) => start < r.end || r === ranges[ranges.length - 1]);
  if (i < 0) i = 0;
  const r = ranges[i]!;
  const section = sections[i]!;
  const edited = sectionText(section);
  // The editor's text is the content without the blank lines after the heading (sectionText).
  const lead = section.depth === 0 ? 0 : section.content.length - section.content.replace(/^(?:[ \t]*\r?\n)+/, '').length;
  const base = r.start + lead;
  const s = Math.max(0, Math.min(edited.length, start - base));
  const e = Math.max(s, Math.min(edited.length, end - base));
  return anchorFromSelection(r.heading, edited, s, e);
}

/** Bigram similarity of two strings, 0..1 (Dice's coefficient); 1 for two equal ones. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** How alike a re-found passage must be to the quote to count as the same passage, edited. */
export const EDITED_MIN_SIMILARITY = 0.6;
/** The context that pins down an edited passage: at least this much on each side, and twice as much in all. */
const MIN_CONTEXT = 4;
/** Bounds on the search for an edited passage, so a hostile body or anchor cannot make it slow. */
const MAX_CANDIDATES = 200;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The quote found with any run of whitespace standing for any other (lines re-wrapped, spaces doubled). */
function findLoose(hay: string, anchor: Pick<Anchor, 'quote' | 'prefix' | 'suffix'>): { start: number; end: number; score: number } | null {
  const words = normalize(anchor.quote).split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  const re = new RegExp(words.map(escapeRe).join('\\s+'), 'g');
  let best: { start: number; end: number; score: number } | null = null;
  let n = 0;
  for (let m = re.exec(hay); m && n < MAX_CANDIDATES; m = re.exec(hay), n++) {
    const score = commonSuffix(hay.slice(Math.max(0, m.index - anchor.prefix.length), m.index), anchor.prefix) + commonPrefix(hay.slice(m.index + m[0].length), anchor.suffix);
    if (!best || score > best.score) best = { start: m.index, end: m.index + m[0].length, score };
  }
  return best;
}

/**
 * The quote found by its context: the text that now stands between the
 * anchor's prefix and suffix, when it is still much like the quote (a typo
 * fixed, a word changed). Both sides of context must be there.
 */
function findByContext(hay: string, anchor: Pick<Anchor, 'quote' | 'prefix' | 'suffix'>): { start: number; end: number } | null {
  const quote = normalize(anchor.quote).trim();
  const prefix = normalize(anchor.prefix).slice(-ANCHOR_CONTEXT_CHARS).trimStart();
  const suffix = normalize(anchor.suffix).slice(0, ANCHOR_CONTEXT_CHARS).trimEnd();
  const p = prefix.trim().length;
  const q = suffix.trim().length;
  if (p < MIN_CONTEXT || q < MIN_CONTEXT || p + q < 4 * MIN_CONTEXT || quote.length < 4) return null;
  const longest = quote.length * 2 + 16;
  let best: { start: number; end: number; sim: number } | null = null;
  let n = 0;
  for (let at = hay.indexOf(prefix); at !== -1 && n < MAX_CANDIDATES; at = hay.indexOf(prefix, at + 1), n++) {
    const from = at + prefix.length;
    const to = hay.indexOf(suffix, from);
    if (to === -1 || to - from > longest) continue;
    let s = from;
    let e = to;
    while (s < e && /\s/.test(hay[s]!)) s++;
    while (e > s && /\s/.test(hay[e - 1]!)) e--;
    if (s === e) continue;
    const sim = similarity(quote, hay.slice(s, e));
    if (sim >= EDITED_MIN_SIMILARITY && (!best || sim > best.sim)) best = { start: s, end: e, sim };
  }
  return best;
}

/**
 * Finds a comment's passage in the current body. Edits elsewhere never
 * lose it: it is looked for in its own section first, then anywhere in the
 * body; a passage whose lines were re-wrapped is found with its whitespace
 * changed, and one that was itself edited a little (a three-way merge took
 * someone's typo fix into it) is found between its old prefix and suffix,
 * as long as it still reads much like the quote. When the passage was
 * edited away the comment is "outdated": still shown with its quote, never
 * dropped. A comment on a whole section is outdated once that section is gone.
 */
export function locateAnchor(body: string, anchor: Anchor): AnchorLocation {
  const text = normalize(body);
  const ranges = sectionRanges(text);
  const heading = anchor.section.trim();
  const own = ranges.filter((r) => r.heading === heading);
  if (!anchor.quote) {
    const r = own[0];
    return r ? { state: 'found', section: r.heading, start: r.start, end: r.end, moved: false } : { state: 'outdated' };
  }
  const homeOf = (start: number): string => (ranges.filter((r) => r.from <= start).pop() ?? ranges[0]!).heading;
  const found = (start: number, end: number, edited: boolean): AnchorLocation => {
    const section = homeOf(start);
    return { state: 'found', section, start, end, moved: section !== heading, ...(edited ? { edited } : {}) };
  };
  let best: { start: number; end: number; score: number } | null = null;
  for (const r of own) {
    const hit = findQuote(text.slice(r.start, r.end), anchor);
    if (hit && (!best || hit.score > best.score)) best = { start: r.start + hit.start, end: r.start + hit.end, score: hit.score };
  }
  if (best) return { state: 'found', section: heading, start: best.start, end: best.end, moved: false };
  const anywhere = findQuote(text, anchor);
  if (anywhere) return found(anywhere.start, anywhere.end, false);
  const loose = findLoose(text, anchor);
  if (loose) return found(loose.start, loose.end, true);
  const near = findByContext(text, anchor);
  if (near) return found(near.start, near.end, true);
  return { state: 'outdated' };
}
