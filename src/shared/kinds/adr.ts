import { z } from 'zod';
import type { TemplateSection } from './rfc';

/** MADR 4 body sections, in the order of the MADR template, each with a one-line hint. */
export const ADR_SECTIONS: readonly TemplateSection[] = [
  { heading: 'Context and Problem Statement', depth: 2, hint: 'The situation and the problem to solve, in two or three sentences; a question works well.' },
  { heading: 'Decision Drivers', depth: 2, hint: 'The forces and concerns that shape the choice, one per bullet.' },
  { heading: 'Considered Options', depth: 2, hint: 'The title of every option you weighed, one per bullet.' },
  { heading: 'Decision Outcome', depth: 2, hint: 'Chosen option: "…", because … (the justification).' },
  { heading: 'Consequences', depth: 3, hint: 'Good, because …; Bad, because … — what changes once this is done.' },
  { heading: 'Confirmation', depth: 3, hint: 'How compliance with this decision is checked: a review, a test, a fitness function.' },
  { heading: 'Pros and Cons of the Options', depth: 2, hint: 'Per option: Good, Neutral and Bad arguments.' },
  { heading: 'More Information', depth: 2, hint: 'Evidence, team agreement, links to related decisions, and when to revisit.' },
];

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const Name = z.string().trim().min(1).max(200);
const Names = z.array(Name).max(100).default([]);
const AdrNumber = z.number().int().positive();

/**
 * The structured fields of an ADR (MADR 4 front matter). The ADR's status is
 * the document status, not a field. `supersedes` / `supersededBy` hold ADR
 * numbers and are kept in both directions by the supersede call. Every field
 * has a default, so `{}` parses; unknown keys survive (`loose`).
 */
export const AdrFieldsSchema = z
  .object({
    author: z.string().max(200).default(''),
    /** When the decision was last updated, YYYY-MM-DD; '' when not set. */
    date: z
      .string()
      .refine((s) => s === '' || isIsoDate(s), 'must be a date as YYYY-MM-DD')
      .default(''),
    decisionMakers: Names,
    consulted: Names,
    informed: Names,
    supersedes: z.array(AdrNumber).max(1000).default([]),
    supersededBy: AdrNumber.nullable().default(null),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  })
  .loose();
export type AdrFields = z.infer<typeof AdrFieldsSchema>;
