import type { Document } from '../../../shared/document';
import { LIFECYCLES, statusLabel } from '../../../shared/kinds/lifecycle';
import type { ReviewView } from '../../../shared/reviews/view';
import '../../styles/reviews.css';
import { CommentsSection } from './CommentsSection';
import { ReviewChecklist } from './ReviewChecklist';
import { ReviewersList } from './ReviewersList';
import type { ReviewHandle } from './useReview';
import { VerdictForm } from './VerdictForm';

/** Whether the document may move to its approved status now, and if not, who it waits on. */
function PolicySummary({ review }: { review: ReviewView }) {
  const lc = LIFECYCLES[review.kind];
  const decided = review.status === lc.approvedStatus;
  if (decided) {
    return <p className="policy-summary is-ok">{statusLabel(review.kind, review.status)}.</p>;
  }
  if (review.reviewers.length === 0 && !review.request && review.policy.ok) return null;
  return (
    <p className={`policy-summary ${review.policy.ok ? 'is-ok' : 'is-waiting'}`} data-testid="policy-summary">
      {review.policy.message}
    </p>
  );
}

/**
 * The review of a document, beside its text: who reviews it and their
 * verdicts, the request, my verdict, the RFC checklist and the comment
 * threads. The document frame owns the review (useReview), so the reading
 * view highlights the same threads; in review mode (authorControls false)
 * the reviewer list is shown without its author's controls.
 */
export function ReviewPanel({ doc, h, authorControls = true }: { doc: Document; h: ReviewHandle; authorControls?: boolean }) {
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
          <ReviewersList review={review} h={h} suggested={suggested} authorControls={authorControls} />
          <VerdictForm review={review} h={h} />
          <CommentsSection review={review} body={doc.body} h={h} />
          <ReviewChecklist review={review} h={h} />
        </>
      )}
    </aside>
  );
}
