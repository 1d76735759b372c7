import type { DocKind } from '../../../shared/kinds/kinds';
import { OPTIONAL_PARTS, TEMPLATE_SECTIONS, hasTemplatePart } from '../../../shared/kinds/templates';
import { splitSections } from '../../../shared/markdown/sections';

/** Something the slash menu can insert: an optional template part, or a template section the body lacks. */
export interface SlashPart {
  id: string;
  label: string;
  /** The Markdown put in place of the "/" (headings, no trailing blank line). */
  text: string;
}

const headingText = (sections: readonly { heading: string; depth: number }[]): string =>
  sections.map((s) => `${'#'.repeat(s.depth)} ${s.heading}`).join('\n\n');

/** What "/" at the start of an empty line offers for a body of `kind`: parts and sections not in it yet. */
export function slashParts(kind: DocKind, body: string): SlashPart[] {
  const present = new Set(splitSections(body).map((s) => s.heading.toLowerCase()));
  const parts: SlashPart[] = OPTIONAL_PARTS[kind]
    .filter((p) => !hasTemplatePart(body, p))
    .map((p) => ({ id: `part-${p.id}`, label: p.label, text: headingText(p.sections) }));
  for (const s of TEMPLATE_SECTIONS[kind]) {
    if (!present.has(s.heading.toLowerCase())) parts.push({ id: `section-${s.heading}`, label: s.heading, text: headingText([s]) });
  }
  return parts;
}

/** True when the caret at `caret` sits right after a "/" that is alone on its line. */
export function isSlashTrigger(value: string, caret: number): boolean {
  if (value[caret - 1] !== '/') return false;
  const before = caret - 2 < 0 || value[caret - 2] === '\n';
  const after = caret >= value.length || value[caret] === '\n' || value[caret] === '\r';
  return before && after;
}
