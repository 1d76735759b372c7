import { ADR_SECTIONS } from './adr';
import type { DocKind } from './kinds';
import { MATRIX_SECTIONS } from './matrix';
import { POSTMORTEM_SECTIONS } from './postmortem';
import { RFC_OPTIONAL_PARTS, RFC_SECTIONS, type TemplatePart, type TemplateSection } from './rfc';
import { splitSections } from '../markdown/sections';
import type { TeamTemplate } from './teamTemplates';

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

/** Optional parts of each kind's template, added from the editor's template menu. */
export const OPTIONAL_PARTS: Record<DocKind, readonly TemplatePart[]> = {
  rfc: RFC_OPTIONAL_PARTS,
  adr: [],
  matrix: [],
  postmortem: [],
};

/**
 * The hint of a template section by its heading, for editors to show. With a
 * team template (templateOf in teamTemplates.ts) its sections replace the
 * playbook's; a heading the template no longer has gets no hint.
 */
export function sectionHint(kind: DocKind, heading: string, template?: TeamTemplate | null): string | undefined {
  const h = heading.toLowerCase();
  const all = [...(template ? template.sections : TEMPLATE_SECTIONS[kind]), ...OPTIONAL_PARTS[kind].flatMap((p) => p.sections)];
  return all.find((s) => s.heading.toLowerCase() === h)?.hint || undefined;
}

/** True when the body already holds the part (its first heading is there). */
export function hasTemplatePart(body: string, part: TemplatePart): boolean {
  const first = part.sections[0]!.heading.toLowerCase();
  return splitSections(body).some((s) => s.heading.toLowerCase() === first);
}

/**
 * Adds an optional template part to a body: its headings, inserted before the
 * part's anchor section (or at the end). Every other byte stays as it was;
 * adding a part twice changes nothing.
 */
export function addTemplatePart(body: string, part: TemplatePart): string {
  if (hasTemplatePart(body, part)) return body;
  const text = part.sections.map((s) => `${'#'.repeat(s.depth)} ${s.heading}\n\n`).join('');
  const sections = splitSections(body);
  const anchor = sections.findIndex((s) => s.depth === 2 && s.heading.toLowerCase() === part.before.toLowerCase());
  if (anchor < 0) return `${body.replace(/\n*$/, '')}${body.trim() ? '\n\n' : ''}${text}`;
  const at = sections.slice(0, anchor).reduce((n, s) => n + s.headingLine.length + s.content.length, 0);
  return body.slice(0, at) + text + body.slice(at);
}
