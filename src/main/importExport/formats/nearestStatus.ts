import type { DocKind } from '../../../shared/kinds/kinds';

/**
 * Statuses other tools write that have no place in a kind's lifecycle, and
 * the nearest status of the lifecycle (docs/cli.md, "Statuses outside the
 * lifecycle"). Keys are lower case with blanks, `_` and `-` as one blank.
 * An import maps them and keeps the original as the `importedStatus` field.
 */
const OPEN = ['draft', 'wip', 'work in progress', 'in progress', 'new', 'idea', 'proposal', 'open', 'pending', 'provisional', 'discussion', 'discussing', 'on hold', 'hold', 'postponed', 'deferred', 'blocked'];
const REVIEW = ['in review', 'review', 'under review', 'reviewing', 'fcp', 'final comment period'];
const AGREED = ['approved', 'agreed', 'adopted', 'decided', 'implementable', 'active', 'final', 'done', 'completed', 'complete', 'implemented', 'accepted'];
const DECLINED = ['declined', 'withdrawn', 'abandoned', 'dropped', 'refused', 'not accepted', 'wont do', "won't do", 'cancelled', 'canceled', 'postponed indefinitely', 'rejected'];
const RETIRED = ['obsolete', 'retired', 'archived', 'outdated', 'legacy', 'deprecated'];
const REPLACED = ['replaced', 'superceded', 'superseded', 'amended'];

function table(groups: Array<[readonly string[], string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [words, status] of groups) for (const w of words) out[w] ??= status;
  return out;
}

export const NEAREST_STATUS: Record<DocKind, Record<string, string>> = {
  adr: table([[OPEN, 'proposed'], [REVIEW, 'proposed'], [AGREED, 'accepted'], [DECLINED, 'rejected'], [RETIRED, 'deprecated'], [REPLACED, 'superseded']]),
  rfc: table([[['implemented', 'done', 'completed', 'complete'], 'implemented'], [OPEN, 'draft'], [REVIEW, 'in-review'], [['proposed'], 'in-review'], [AGREED, 'approved'], [DECLINED, 'rejected'], [RETIRED, 'deprecated'], [REPLACED, 'deprecated']]),
  matrix: table([[OPEN, 'draft'], [REVIEW, 'draft'], [['proposed'], 'draft'], [AGREED, 'decided'], [REPLACED, 'superseded'], [RETIRED, 'superseded']]),
  postmortem: table([[OPEN, 'draft'], [REVIEW, 'in-review'], [AGREED, 'published'], [['published', 'closed', 'resolved'], 'published']]),
};

/** The nearest lifecycle status for a status word outside the lifecycle, or null when the table has none. */
export function nearestStatus(kind: DocKind, word: string): string | null {
  return NEAREST_STATUS[kind][word.toLowerCase().replace(/[\s_-]+/g, ' ').trim()] ?? null;
}
