import { LIFECYCLES } from '../kinds/lifecycle';
import type { DocKind } from '../kinds/kinds';
import { textVersion } from './contentHash';
import { personLabel } from './people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy, type ReviewRecord } from './schemas';
import { deriveReviewers } from './state';
import type { PolicyResult } from './view';

export interface PolicyInput {
  kind: DocKind;
  records: readonly ReviewRecord[];
  /** The current text: an approval given on another text is stale (contentHash.ts). */
  body: string;
  fields?: Readonly<Record<string, unknown>>;
  policy?: ReviewPolicy;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Whether a document may move to its approved status (RFC Approved, ADR
 * accepted, matrix Decided, postmortem Published). By default: every
 * required reviewer's standing verdict is approve and nobody's is request
 * changes; a policy may also ask for a minimum number of approvals per kind.
 * An approval given before the text last changed substantively is stale:
 * with `dismissStaleApprovals` (the default) it is dismissed, so it no longer
 * counts and its reviewer must approve the text as it is now; with the policy
 * off it still counts. Either way it is reported in `staleApprovals`.
 * With no reviewers and no minimum nothing blocks the move.
 */
export function evaluatePolicy({ kind, records, body, fields = {}, policy = DEFAULT_REVIEW_POLICY }: PolicyInput): PolicyResult {
  const dismiss = policy.dismissStaleApprovals !== false;
  const reviewers = deriveReviewers(records, textVersion({ kind, body, fields }));
  const counts = (r: (typeof reviewers)[number]): boolean => r.verdict === 'approve' && !(dismiss && r.stale);
  const approvers = reviewers.filter(counts);
  const changesRequestedBy = reviewers.filter((r) => r.verdict === 'request-changes').map(personLabel);
  const requiredMissing = reviewers.filter((r) => r.required && !counts(r)).map(personLabel);
  const minApprovals = policy.minApprovals[kind] ?? 0;
  const shortfall = Math.max(0, minApprovals - approvers.length);
  const optionalMissing = shortfall > 0 ? reviewers.filter((r) => !r.required && r.listed && !counts(r)).map(personLabel) : [];
  const missing = [...requiredMissing, ...optionalMissing];
  const ok = requiredMissing.length === 0 && changesRequestedBy.length === 0 && shortfall === 0;
  const staleApprovals = reviewers.filter((r) => r.verdict === 'approve' && r.stale).map(personLabel);
  const target = LIFECYCLES[kind].labels[LIFECYCLES[kind].approvedStatus]!;

  const parts: string[] = [];
  if (ok) {
    if (reviewers.length === 0 && minApprovals === 0) parts.push(`No reviewers are required; it can move to ${target}.`);
    else parts.push(`Ready for ${target}: ${approvers.length} ${approvers.length === 1 ? 'approval' : 'approvals'}, no changes requested.`);
  } else {
    if (requiredMissing.length) parts.push(`Waiting for approval from ${listNames(requiredMissing)}.`);
    if (changesRequestedBy.length) parts.push(`Changes requested by ${listNames(changesRequestedBy)}.`);
    if (shortfall > 0) {
      parts.push(
        `Needs at least ${minApprovals} ${minApprovals === 1 ? 'approval' : 'approvals'} (has ${approvers.length})` +
          (optionalMissing.length ? `; not yet approved by ${listNames(optionalMissing)}.` : '; add more reviewers.'),
      );
    }
  }
  if (staleApprovals.length) {
    const one = staleApprovals.length === 1;
    parts.push(
      dismiss
        ? `${one ? 'The approval' : 'The approvals'} by ${listNames(staleApprovals)} ${one ? 'was' : 'were'} given on an earlier text and ${one ? 'is' : 'are'} dismissed.`
        : `${listNames(staleApprovals)} approved an earlier version.`,
    );
  }
  return { ok, missing, changesRequestedBy, approvals: approvers.length, minApprovals, staleApprovals, staleDismissed: dismiss, message: parts.join(' ') };
}
