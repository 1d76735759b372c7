import { splitSections } from '../markdown/sections';
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
    }
  | { state: 'outdated' };

/**
 * Finds a comment's passage in the current body. Edits elsewhere never
 * lose it: it is looked for in its own section first, then anywhere in the
 * body. When the passage itself was edited away the comment is "outdated" —
 * still shown with its quote, never dropped. A comment on a whole section is
 * outdated once that section is gone.
 */
export function locateAnchor(body: string, anchor: Anchor): AnchorLocation {
  const text = normalize(body);
  const sections = splitSections(text);
  const ranges: { heading: string; from: number; start: number; end: number }[] = [];
  let pos = 0;
  for (const s of sections) {
    const from = pos;
    pos += s.headingLine.length + s.content.length;
    ranges.push({ heading: s.heading.trim(), from, start: from + s.headingLine.length, end: pos });
  }
  const heading = anchor.section.trim();
  const own = ranges.filter((r) => r.heading === heading);
  if (!anchor.quote) {
    const r = own[0];
    return r ? { state: 'found', section: r.heading, start: r.start, end: r.end, moved: false } : { state: 'outdated' };
  }
  let best: { start: number; end: number; score: number } | null = null;
  for (const r of own) {
    const hit = findQuote(text.slice(r.start, r.end), anchor);
    if (hit && (!best || hit.score > best.score)) best = { start: r.start + hit.start, end: r.start + hit.end, score: hit.score };
  }
  if (best) return { state: 'found', section: heading, start: best.start, end: best.end, moved: false };
  const anywhere = findQuote(text, anchor);
  if (!anywhere) return { state: 'outdated' };
  const home = ranges.filter((r) => r.from <= anywhere.start).pop() ?? ranges[0]!;
  return { state: 'found', section: home.heading, start: anywhere.start, end: anywhere.end, moved: true };
}
