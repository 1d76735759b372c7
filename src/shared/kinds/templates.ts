import { ADR_SECTIONS } from './adr';
import type { DocKind } from './kinds';
import { MATRIX_SECTIONS } from './matrix';
import { POSTMORTEM_SECTIONS } from './postmortem';
import { RFC_SECTIONS, type TemplateSection } from './rfc';

/** The template sections of each kind, in order, with a one-line hint each. */
export const TEMPLATE_SECTIONS: Record<DocKind, readonly TemplateSection[]> = {
  rfc: RFC_SECTIONS,
  adr: ADR_SECTIONS,
  matrix: MATRIX_SECTIONS,
  postmortem: POSTMORTEM_SECTIONS,
};

/** Body of a new document: every template heading, each followed by an empty paragraph. */
export function templateBody(kind: DocKind): string {
  return TEMPLATE_SECTIONS[kind].map((s) => `${'#'.repeat(s.depth)} ${s.heading}\n\n`).join('');
}

/** The hint of a template section by its heading, for editors to show. */
export function sectionHint(kind: DocKind, heading: string): string | undefined {
  return TEMPLATE_SECTIONS[kind].find((s) => s.heading.toLowerCase() === heading.toLowerCase())?.hint;
}
