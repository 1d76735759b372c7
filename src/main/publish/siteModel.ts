import type { DocKind } from '../../shared/kinds/kinds';
import type { ReviewRecord } from '../../shared/reviews/schemas';

/**
 * One document as the published site shows it, from a workspace or from a
 * checkout of the team repository: everything a reader sees, nothing local
 * (no revision counters of this device, no secrets).
 */
export interface SiteDocument {
  id: string;
  kind: DocKind;
  number: number;
  /** RFC-12, ADR-3, DM-1, PM-4. */
  ref: string;
  title: string;
  status: string;
  author: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  body: string;
  fields: Record<string, unknown>;
  /** The review records of the document (reviews/<id>.yml), as a sync reads them. */
  reviews: ReviewRecord[];
}

/** Where a site is built from, and what was left out on the way (files that could not be read). */
export interface SiteSource {
  /** The workspace folder or the repository checkout, for the site's footer and the report. */
  origin: string;
  documents: SiteDocument[];
  skipped: { path: string; reason: string }[];
}

/** The author a list shows: the kind's author field, else an ADR's first decision-maker, else who created it. */
export function authorOf(fields: Record<string, unknown>, fallback: string): string {
  if (typeof fields.author === 'string' && fields.author.trim()) return fields.author.trim();
  const makers = fields.decisionMakers;
  if (Array.isArray(makers) && typeof makers[0] === 'string' && makers[0].trim()) return makers[0].trim();
  return fallback;
}

/** Tags given in the front matter (ADRs have a tags field; other kinds may carry one as an extra key). */
export function tagsOf(fields: Record<string, unknown>): string[] {
  const t = fields.tags;
  if (!Array.isArray(t)) return [];
  return [...new Set(t.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x && x.length <= 60))].slice(0, 50);
}
