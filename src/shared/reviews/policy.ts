import { LIFECYCLES } from '../kinds/lifecycle';
import type { DocKind } from '../kinds/kinds';
import { textVersion } from './contentHash';
import { personLabel } from './people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy, type ReviewRecord } from './schemas';
import { deriveConcerns, deriveHold } from './concerns';
import { deriveReviewers, lastRequest } from './state';
import type { ConcernView, Fcp, PolicyResult, ReviewerStatus } from './view';

export interface PolicyInput {
  kind: DocKind;
  records: readonly ReviewRecord[];
  /** The current text: an approval given on another text is stale (contentHash.ts). */
  body: string;
  fields?: Readonly<Record<string, unknown>>;
  policy?: ReviewPolicy;
  /** The time now, for the final comment period (ISO 8601; default: the clock). */
  now?: string;
}

const DAY_MS = 86_400_000;

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
export function evaluatePolicy({ kind, records, body, fields = {}, policy = DEFAULT_REVIEW_POLICY, now = new Date().toISOString() }: PolicyInput): PolicyResult {
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
  const concerns = deriveConcerns(records);
  const openConcerns = concerns.filter((c) => c.open);
  const hold = deriveHold(records);
  const approved = requiredMissing.length === 0 && changesRequestedBy.length === 0 && shortfall === 0;
  const unblocked = approved && openConcerns.length === 0 && hold === null;
  const fcp = unblocked ? finalCommentPeriod(kind, records, policy, approvers, concerns, now) : null;
  const ok = unblocked && (fcp === null || fcp.state === 'complete');
  const staleApprovals = reviewers.filter((r) => r.verdict === 'approve' && r.stale).map(personLabel);
  const target = LIFECYCLES[kind].labels[LIFECYCLES[kind].approvedStatus]!;

  const parts: string[] = [];
  if (fcp?.state === 'running') {
    parts.push(`In its final comment period until ${fcp.endsAt.slice(0, 10)} (${fcp.daysLeft} ${fcp.daysLeft === 1 ? 'day' : 'days'} left); a concern raised meanwhile stops it.`);
  } else if (ok) {
    if (reviewers.length === 0 && minApprovals === 0) parts.push(`No reviewers are required; it can move to ${target}.`);
    else parts.push(`Ready for ${target}: ${approvers.length} ${approvers.length === 1 ? 'approval' : 'approvals'}, no changes requested.`);
  } else {
    for (const c of openConcerns) parts.push(`Blocking concern “${c.title}” raised by ${personLabel(c.by)}.`);
    if (hold) parts.push(`On hold by ${personLabel(hold.by)}${hold.reason ? `: ${hold.reason.replace(/[.\s]+$/, '')}` : ''}.`);
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
  return {
    ok,
    missing,
    changesRequestedBy,
    approvals: approvers.length,
    minApprovals,
    staleApprovals,
    staleDismissed: dismiss,
    message: parts.join(' '),
    openConcerns: openConcerns.map((c) => c.title),
    hold,
    fcp,
  };
}

/**
 * The final comment period, when the policy asks for one for `kind`. It
 * starts when the last thing that held the document back cleared: the
 * latest approval that counts, concern resolution or lifted hold (or the
 * review request, when no approval is needed), and runs for the policy's
 * days; a concern or hold meanwhile stops it, and it starts over once that
 * clears. Computed from the records, so every laptop agrees.
 */
function finalCommentPeriod(
  kind: DocKind,
  records: readonly ReviewRecord[],
  policy: ReviewPolicy,
  approvers: readonly ReviewerStatus[],
  concerns: readonly ConcernView[],
  now: string,
): Fcp | null {
  const days = policy.finalCommentPeriodDays?.[kind] ?? 0;
  if (days <= 0) return null;
  const times = [
    ...approvers.map((a) => a.verdictAt).filter((t): t is string => t !== null),
    ...concerns.map((c) => c.resolvedAt).filter((t): t is string => t !== null),
    ...records.filter((r) => r.type === 'hold' && !r.on).map((r) => r.at),
  ];
  if (times.length === 0) {
    const request = lastRequest(records);
    if (!request) return null;
    times.push(request.at);
  }
  const startedAt = times.reduce((a, b) => (b > a ? b : a));
  const end = Date.parse(startedAt) + days * DAY_MS;
  const left = end - Date.parse(now);
  return { days, startedAt, endsAt: new Date(end).toISOString(), state: left <= 0 ? 'complete' : 'running', daysLeft: Math.max(0, Math.ceil(left / DAY_MS)) };
}
