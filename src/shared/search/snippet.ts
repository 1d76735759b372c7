/** A piece of a snippet; `hit` marks text that matched the query. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** Markers the search index puts around matched text (control characters never appear in a term). */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** Inline Markdown that reads badly in a snippet: emphasis and code ticks; whitespace collapsed. */
function tidyInline(text: string): string {
  return text.replace(/\*\*|__|`+|\*/g, '').replace(/\s+/g, ' ');
}

/**
 * Line-level cleanup on the whole marked text: lines before the one with the
 * first hit go (they are earlier paragraphs or a heading cut in half), so do
 * headings without a hit (template scaffolding), and so do heading, quote
 * and list marks at the start of a line.
 */
function tidyLines(marked: string): string {
  const first = marked.indexOf(HIT_START);
  const from = first < 0 ? 0 : marked.lastIndexOf('\n', first) + 1;
  return marked
    .slice(from)
    .replace(/(^|\n)[ \t]*#{1,6}[ \t][^\n\u0002]*(?=\n|$)/g, '$1')
    .replace(/(^|\n)[ \t]*(?:#{1,6}|>+|[-+*]|\d+\.)[ \t]+/g, '$1');
}

/**
 * Splits text marked with HIT_START/HIT_END (FTS5 snippet or highlight) into
 * segments, so the renderer can show hits as <mark> without ever rendering
 * HTML. Markdown noise is tidied and whitespace collapsed to one line.
 */
export function toSegments(marked: string): Segment[] {
  const out: Segment[] = [];
  const push = (text: string, hit: boolean): void => {
    const t = hit ? text.replace(/\s+/g, ' ') : tidyInline(text);
    if (t === '') return;
    const prev = out[out.length - 1];
    if (prev && prev.hit === hit) prev.text += t;
    else out.push({ text: t, hit });
  };
  let rest = tidyLines(marked);
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, start), false);
    const end = rest.indexOf(HIT_END, start + 1);
    push(rest.slice(start + 1, end < 0 ? undefined : end).replaceAll(HIT_START, ''), true);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  if (out.length > 0) {
    out[0]!.text = out[0]!.text.trimStart();
    out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  }
  return out.filter((s) => s.text !== '');
}

/** Whether any segment is a hit. */
export function hasHit(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.hit);
}

/** The first words of a text as one plain segment (for a result found by its reference, not its text). */
export function leadSegments(text: string, maxChars = 160): Segment[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s*#{1,6}\s/.test(l));
  const flat = tidyInline(tidyLines(lines.join('\n'))).trim();
  if (flat === '') return [];
  return [{ text: flat.length > maxChars ? `${flat.slice(0, maxChars).trimEnd()}…` : flat, hit: false }];
}
