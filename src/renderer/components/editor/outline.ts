import { sectionText, splitSections } from '../../../shared/markdown/sections';

/** One heading of the body as the outline shows it. */
export interface OutlineEntry {
  /** Index in splitSections(body): the preamble is 0, so entries start at 1. */
  index: number;
  heading: string;
  depth: number;
  /** Where the heading line starts in the body. */
  start: number;
  /** Where the section's text starts: the line after the heading. */
  textStart: number;
  /** Nothing written under the heading yet (blank lines only). */
  empty: boolean;
}

/**
 * The outline of a body: its `##` and `###` headings (outside fenced code, as
 * splitSections reads them), where each starts and whether it is still empty.
 * A section with only subsections under it is not empty when a subsection has text.
 */
export function outlineOf(body: string): OutlineEntry[] {
  const sections = splitSections(body);
  const entries: OutlineEntry[] = [];
  let at = 0;
  sections.forEach((s, index) => {
    if (index > 0) {
      const nl = s.content.startsWith('\r\n') ? 2 : s.content.startsWith('\n') ? 1 : 0;
      const textStart = at + s.headingLine.length + nl;
      entries.push({ index, heading: s.heading, depth: s.depth, start: at, textStart, empty: sectionText(s) === '' });
    }
    at += s.headingLine.length + s.content.length;
  });
  // A level-2 heading whose own text is empty but whose subsections are written is not "empty".
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.depth !== 2 || !e.empty) continue;
    for (let j = i + 1; j < entries.length && entries[j]!.depth > 2; j++) {
      if (!entries[j]!.empty) {
        e.empty = false;
        break;
      }
    }
  }
  return entries;
}

/** The outline entry the caret at `offset` is in, or undefined in the preamble. */
export function entryAt(entries: readonly OutlineEntry[], offset: number): OutlineEntry | undefined {
  let hit: OutlineEntry | undefined;
  for (const e of entries) {
    if (e.start > offset) break;
    hit = e;
  }
  return hit;
}
