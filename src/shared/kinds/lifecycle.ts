import { AppError } from '../errors';
import type { DocKind } from './kinds';
import { KINDS } from './kinds';

export interface Lifecycle {
  /** Status slugs in display order; the first is where a new document starts. */
  statuses: readonly string[];
  /**
   * What people read, for every kind alike: Title Case ("In Review",
   * "Superseded"). The file keeps the slug (MADR's lower-case `proposed`).
   */
  labels: Record<string, string>;
  /** Allowed moves: from -> list of to. */
  moves: Record<string, readonly string[]>;
  /** The status that means "approved" for this kind; gated by review policy. */
  approvedStatus: string;
  /** The status a document enters when review is requested. */
  reviewStatus: string | null;
}

export const LIFECYCLES: Record<DocKind, Lifecycle> = {
  rfc: {
    statuses: ['draft', 'in-review', 'approved', 'implemented', 'deprecated', 'rejected'],
    labels: {
      draft: 'Draft',
      'in-review': 'In Review',
      approved: 'Approved',
      implemented: 'Implemented',
      deprecated: 'Deprecated',
      rejected: 'Rejected',
    },
    moves: {
      draft: ['in-review'],
      'in-review': ['approved', 'draft', 'rejected'],
      approved: ['implemented'],
      implemented: ['deprecated'],
      deprecated: [],
      rejected: [],
    },
    approvedStatus: 'approved',
    reviewStatus: 'in-review',
  },
  adr: {
    statuses: ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'],
    labels: {
      proposed: 'Proposed',
      accepted: 'Accepted',
      rejected: 'Rejected',
      deprecated: 'Deprecated',
      superseded: 'Superseded',
    },
    moves: {
      proposed: ['accepted', 'rejected'],
      accepted: ['deprecated', 'superseded'],
      rejected: [],
      deprecated: [],
      superseded: [],
    },
    approvedStatus: 'accepted',
    reviewStatus: null,
  },
  matrix: {
    statuses: ['draft', 'decided', 'superseded'],
    labels: { draft: 'Draft', decided: 'Decided', superseded: 'Superseded' },
    moves: { draft: ['decided'], decided: ['superseded'], superseded: [] },
    approvedStatus: 'decided',
    reviewStatus: null,
  },
  postmortem: {
    statuses: ['draft', 'in-review', 'published'],
    labels: { draft: 'Draft', 'in-review': 'In Review', published: 'Published' },
    moves: { draft: ['in-review'], 'in-review': ['published'], published: [] },
    approvedStatus: 'published',
    reviewStatus: 'in-review',
  },
};

export function initialStatus(kind: DocKind): string {
  return LIFECYCLES[kind].statuses[0]!;
}

export function statusLabel(kind: DocKind, status: string): string {
  const labels = LIFECYCLES[kind].labels;
  return Object.hasOwn(labels, status) ? labels[status]! : status;
}

export function isKnownStatus(kind: DocKind, status: string): boolean {
  return LIFECYCLES[kind].statuses.includes(status);
}

/** The statuses a document of this kind may move to from `from`. */
export function allowedMoves(kind: DocKind, from: string): readonly string[] {
  const lc = LIFECYCLES[kind];
  // A status from outside the lifecycle (kept verbatim from an import or a hand edit)
  // is not a dead end: it may move to any status of the kind.
  if (!isKnownStatus(kind, from)) return lc.statuses;
  return lc.moves[from] ?? [];
}

/** "an ADR", "an RFC", "a Decision matrix": the article by sound (acronyms are spelled out). */
export function withArticle(label: string): string {
  const acronym = /^[A-Z]{2,}\b/.test(label);
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(label) : /^[aeiou]/i.test(label);
  return `${vowelSound ? 'an' : 'a'} ${label}`;
}

/**
 * Throws ILLEGAL_TRANSITION with a message a person can act on when the move
 * is not in the kind's lifecycle.
 */
export function checkTransition(kind: DocKind, from: string, to: string): void {
  const lc = LIFECYCLES[kind];
  const label = KINDS[kind].label;
  if (!isKnownStatus(kind, to)) {
    throw new AppError('VALIDATION', `"${to}" is not a status of ${withArticle(label)}. Statuses: ${lc.statuses.map((s) => lc.labels[s]).join(', ')}.`, { to });
  }
  if (from === to) {
    throw new AppError('ILLEGAL_TRANSITION', `This ${label} is already ${statusLabel(kind, to)}.`, { from, to, allowed: allowedMoves(kind, from) });
  }
  const allowed = allowedMoves(kind, from);
  if (!allowed.includes(to)) {
    const options = allowed.length
      ? `From ${statusLabel(kind, from)} it can move to: ${allowed.map((s) => statusLabel(kind, s)).join(', ')}.`
      : `${statusLabel(kind, from)} is a final status.`;
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `${capitalize(withArticle(label))} cannot move from ${statusLabel(kind, from)} to ${statusLabel(kind, to)}. ${options}`,
      { from, to, allowed },
    );
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
