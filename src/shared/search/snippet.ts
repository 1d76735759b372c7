/** A piece of a snippet; `hit` marks text that matched the query. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** Markers the search index puts around matched text (control characters never appear in a term). */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** Markdown noise that reads badly in a one-line snippet: heading marks, emphasis, code ticks, list bullets. */
function tidy(text: string): string {
  return text
    .replace(/(^|\s)#{1,6}(?=\s)/g, '$1')
    .replace(/[*_`>|]+/g, '')
    .replace(/(^|\s)[-+](?=\s)/g, '$1')
    .replace(/\s+/g, ' ');
}

/**
 * Splits text marked with HIT_START/HIT_END (FTS5 snippet or highlight) into
 * segments, so the renderer can show hits as <mark> without ever rendering
 * HTML. Markdown noise is tidied and whitespace collapsed to one line.
 */
export function toSegments(marked: string): Segment[] {
  const out: Segment[] = [];
  const push = (text: string, hit: boolean): void => {
    const t = hit ? text.replace(/\s+/g, ' ') : tidy(text);
    if (t === '') return;
    const prev = out[out.length - 1];
    if (prev && prev.hit === hit) prev.text += t;
    else out.push({ text: t, hit });
  };
  let rest = marked;
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
  const flat = tidy(lines.join(' ')).trim();
  if (flat === '') return [];
  return [{ text: flat.length > maxChars ? `${flat.slice(0, maxChars).trimEnd()}…` : flat, hit: false }];
}
