import type { Document } from '../../../shared/document';
import { LIFECYCLES, statusLabel } from '../../../shared/kinds/lifecycle';
import type { ReviewView } from '../../../shared/reviews/view';
import '../../styles/reviews.css';
import { samePerson, type PersonLike } from '../../../shared/reviews/people';
import { useAppStore } from '../../store';
import { ChangesSinceReview } from './ChangesSinceReview';
import { CommentsSection } from './CommentsSection';
import { ConcernsSection, HoldControl } from './ConcernsSection';
import { ReviewChecklist } from './ReviewChecklist';
import { ReviewersList } from './ReviewersList';
import type { ReviewHandle } from './useReview';
import { VerdictForm } from './VerdictForm';

/** Whether the document may move to its approved status now, and if not, who it waits on. */
function PolicySummary({ review }: { review: ReviewView }) {
  const lc = LIFECYCLES[review.kind];
  const decided = review.status === lc.approvedStatus;
  if (decided) {
    const back = statusLabel(review.kind, lc.reviewStatus ?? lc.statuses[0]!);
    return (
      <p className="policy-summary is-ok" data-testid="policy-summary">
        {statusLabel(review.kind, review.status)}.{' '}
        {review.policy.staleDismissed && (
          <span className="review-muted" data-testid="approved-edit-notice">
            Approval is of the text as written: editing the text (not whitespace or metadata) sends it back to {back} and its reviewers approve again.
          </span>
        )}
      </p>
    );
  }
  if (review.reviewers.length === 0 && !review.request && review.policy.ok) return null;
  return (
    <p className={`policy-summary ${review.policy.ok ? 'is-ok' : 'is-waiting'}`} data-testid="policy-summary">
      {review.policy.message}
    </p>
  );
}

/** The viewer gave a verdict on an earlier text than the one shown. */
function mineStale(review: ReviewView, identity: PersonLike | null): boolean {
  return !!identity && review.reviewers.some((r) => r.stale && r.verdict !== null && samePerson(r, identity));
}

/**
 * The review of a document, beside its text: who reviews it and their
 * verdicts, the request, my verdict, the RFC checklist and the comment
 * threads. The document frame owns the review (useReview), so the reading
 * view highlights the same threads; in review mode (authorControls false)
 * the reviewer list is shown without its author's controls.
 */
export function ReviewPanel({ doc, h, authorControls = true }: { doc: Document; h: ReviewHandle; authorControls?: boolean }) {
  const identity = useAppStore((s) => s.identity);
  const { review } = h;
  const suggested = doc.kind === 'rfc' && Array.isArray(doc.fields.reviewers) ? (doc.fields.reviewers as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  return (
    <aside className="review-panel" aria-labelledby="review-heading">
      <div className="review-panel-header">
        <h2 id="review-heading">Review</h2>
        {review?.underReview && <span className="badge badge-in-review">Waiting for reviews</span>}
      </div>
      {h.error && (
        <p className="inline-error" role="alert">
          {h.error}
        </p>
      )}
      {!review ? (
        !h.error && <p className="loading">Loading review…</p>
      ) : (
        <>
          <PolicySummary review={review} />
          <HoldControl review={review} h={h} />
          <ReviewersList review={review} h={h} suggested={suggested} authorControls={authorControls} />
          {mineStale(review, identity) && <ChangesSinceReview docId={doc.id} body={doc.body} revision={doc.revision} />}
          <VerdictForm review={review} h={h} />
          <ConcernsSection review={review} body={doc.body} h={h} />
          <CommentsSection review={review} body={doc.body} h={h} />
          <ReviewChecklist review={review} h={h} />
        </>
      )}
    </aside>
  );
}
