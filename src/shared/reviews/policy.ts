import { LIFECYCLES } from '../kinds/lifecycle';
import type { DocKind } from '../kinds/kinds';
import { bodyHash } from './bodyHash';
import { personLabel } from './people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy, type ReviewRecord } from './schemas';
import { deriveReviewers } from './state';
import type { PolicyResult } from './view';

export interface PolicyInput {
  kind: DocKind;
  records: readonly ReviewRecord[];
  /** The current body; approvals given on another body are marked stale (they still count). */
  body: string;
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
 * An approval given before the body last changed still counts; it is
 * reported in `staleApprovals` so it can be shown as "given on an earlier
 * version". With no reviewers and no minimum nothing blocks the move.
 */
export function evaluatePolicy({ kind, records, body, policy = DEFAULT_REVIEW_POLICY }: PolicyInput): PolicyResult {
  const reviewers = deriveReviewers(records, bodyHash(body));
  const approvers = reviewers.filter((r) => r.verdict === 'approve');
  const changesRequestedBy = reviewers.filter((r) => r.verdict === 'request-changes').map(personLabel);
  const requiredMissing = reviewers.filter((r) => r.required && r.verdict !== 'approve').map(personLabel);
  const minApprovals = policy.minApprovals[kind] ?? 0;
  const shortfall = Math.max(0, minApprovals - approvers.length);
  const optionalMissing = shortfall > 0 ? reviewers.filter((r) => !r.required && r.listed && r.verdict !== 'approve').map(personLabel) : [];
  const missing = [...requiredMissing, ...optionalMissing];
  const ok = requiredMissing.length === 0 && changesRequestedBy.length === 0 && shortfall === 0;
  const staleApprovals = approvers.filter((r) => r.stale).map(personLabel);
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
  if (staleApprovals.length) parts.push(`${listNames(staleApprovals)} approved an earlier version.`);
  return { ok, missing, changesRequestedBy, approvals: approvers.length, minApprovals, staleApprovals, message: parts.join(' ') };
}
