import type { Document } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { displayRef } from '../../shared/kinds/kinds';
import { LIFECYCLES, statusLabel } from '../../shared/kinds/lifecycle';
import { bodyHash } from '../../shared/reviews/bodyHash';
import { contentHash } from '../../shared/reviews/contentHash';
import { evaluatePolicy } from '../../shared/reviews/policy';
import { deriveReviewers, lastRequest } from '../../shared/reviews/state';
import type { SettingsStore } from '../store/settingsStore';
import type { DocumentHooks } from './documentService';
import { readReviewPolicy, type ReviewLog } from './reviewLog';

/**
 * The review side of the lifecycle, run as a DocumentService hook inside
 * every move: a move to the approved status (Approved, accepted, Decided,
 * Published) is refused with POLICY unless the review policy holds, and a
 * move into the review status counts as a request for review.
 */
export class ReviewPolicyGate implements DocumentHooks {
  constructor(
    private readonly log: ReviewLog,
    private readonly settings: SettingsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  beforeMove(doc: Document, to: string): void {
    if (to !== LIFECYCLES[doc.kind].approvedStatus) return;
    const result = evaluatePolicy({ kind: doc.kind, records: this.log.records(doc.id), body: doc.body, fields: doc.fields, policy: readReviewPolicy(this.settings), now: this.now().toISOString() });
    if (result.ok) return;
    throw new AppError('POLICY', `${displayRef(doc.kind, doc.number)} cannot move to ${statusLabel(doc.kind, to)} yet. ${result.message}`, {
      missing: result.missing,
      changesRequestedBy: result.changesRequestedBy,
      approvals: result.approvals,
      minApprovals: result.minApprovals,
      openConcerns: result.openConcerns ?? [],
      onHold: !!result.hold,
      ...(result.fcp ? { finalCommentPeriodEndsAt: result.fcp.endsAt } : {}),
    });
  }

  onMoved(before: Document, after: Document): void {
    const review = LIFECYCLES[after.kind].reviewStatus;
    if (review === null || after.status !== review || before.status === review) return;
    const records = this.log.records(after.id);
    // reviews:request writes its own request (with its note) just before moving.
    if (lastRequest(records)?.revision === before.revision) return;
    const reviewers = deriveReviewers(records, '').filter((r) => r.listed);
    this.log.append(
      after,
      { type: 'request', revision: before.revision, bodyHash: bodyHash(before.body), contentHash: contentHash(before), note: '' },
      { event: 'review-requested', data: { reviewers: reviewers.map((r) => r.name) } },
    );
  }
}
