/**
 * A Markdown body seen as a list of sections, split at level-2 and level-3
 * headings outside fenced code. Concatenating the parts gives the body back
 * byte for byte, so an editor can change one section without touching others.
 */
export interface Section {
  /** Heading text without the hashes; '' for the part before the first heading. */
  heading: string;
  /** 0 for the preamble, otherwise 2 or 3. */
  depth: number;
  /** The heading line as written ('' for the preamble). */
  headingLine: string;
  /** Everything after the heading line (starting with its newline) up to the next heading line. */
  content: string;
}

const HEADING_RE = /^(#{2,3})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE_RE = /^[ \t]{0,3}(`{3,}|~{3,})/;

export function splitSections(body: string): Section[] {
  const sections: Section[] = [{ heading: '', depth: 0, headingLine: '', content: '' }];
  let fence: string | null = null;
  let pos = 0;
  let contentStart = 0;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const end = nl === -1 ? body.length : nl;
    const line = body.slice(pos, end).replace(/\r$/, '');
    const f = FENCE_RE.exec(line);
    let heading: RegExpExecArray | null = null;
    if (f) {
      const marker = f[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    } else if (fence === null) {
      heading = HEADING_RE.exec(line);
    }
    if (heading) {
      sections[sections.length - 1]!.content = body.slice(contentStart, pos);
      sections.push({ heading: heading[2]!, depth: heading[1]!.length, headingLine: body.slice(pos, end), content: '' });
      contentStart = end;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  sections[sections.length - 1]!.content = body.slice(contentStart);
  return sections;
}

export function joinSections(sections: readonly Section[]): string {
  return sections.map((s) => s.headingLine + s.content).join('');
}

/** The text a person edits for a section: without the heading's line break and trailing blank lines. */
export function sectionText(section: Section): string {
  if (section.depth === 0) return section.content.replace(/\s+$/, '');
  // The content starts with the heading's own line break, then usually a blank line: neither is the user's text.
  return section.content.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\s+$/, '');
}

/**
 * A copy of `sections` with the text of section `index` replaced. Joining the
 * result changes only that section's bytes. An editor keeps its own list, so
 * that typing an unclosed fence or a heading inside one section does not
 * re-split the others while the person is still typing.
 */
export function withSectionText(sections: readonly Section[], index: number, text: string): Section[] {
  const target = sections[index];
  if (!target) throw new RangeError(`no section ${index}`);
  const trimmed = text.replace(/\s+$/, '');
  const isLast = index === sections.length - 1;
  const content = target.depth === 0 ? (trimmed ? `${trimmed}\n\n` : '') : trimmed ? `\n\n${trimmed}\n${isLast ? '' : '\n'}` : `\n\n`;
  return sections.map((s, i) => (i === index ? { ...s, content } : s));
}

/** Replaces the text of section `index`, leaving every other byte of the body as it was. */
export function replaceSectionText(body: string, index: number, text: string): string {
  return joinSections(withSectionText(splitSections(body), index, text));
}
