import { useState } from 'react';
import { samePerson } from '../../../shared/reviews/people';
import type { Verdict } from '../../../shared/reviews/schemas';
import type { ReviewView } from '../../../shared/reviews/view';
import { call } from '../../api/client';
import { useAppStore } from '../../store';
import { timeAgo } from '../../../shared/format/relativeTime';
import type { ReviewHandle } from './useReview';
import { VerdictBadge } from './VerdictBadge';

const BUTTONS: { verdict: Verdict; label: string; className: string }[] = [
  { verdict: 'approve', label: 'Approve', className: 'button button-primary' },
  { verdict: 'request-changes', label: 'Request changes', className: 'button verdict-changes' },
  { verdict: 'comment', label: 'Comment', className: 'button' },
];

/** The reviewer's verdict: approve, request changes or comment, with an optional note. The author only sees who they wait on. */
export function VerdictForm({ review, h }: { review: ReviewView; h: ReviewHandle }) {
  const identity = useAppStore((s) => s.identity);
  const [note, setNote] = useState('');
  if (review.viewer.isAuthor) {
    return (
      <section className="review-block" aria-labelledby="verdict-heading">
        <h3 id="verdict-heading">Your verdict</h3>
        <p className="review-muted">You wrote this document: its reviewers give the verdicts. To review as someone else, switch identity in the top bar.</p>
      </section>
    );
  }
  const mine = identity ? review.reviewers.find((r) => samePerson(r, identity)) : undefined;
  return (
    <section className="review-block" aria-labelledby="verdict-heading">
      <h3 id="verdict-heading">Your verdict</h3>
      {mine?.verdict ? (
        <p className="review-muted">
          You: <VerdictBadge verdict={mine.verdict} /> {mine.verdictAt && timeAgo(mine.verdictAt)}
          {mine.stale && <span className="stale-marker">{review.policy.staleDismissed && mine.verdict === 'approve' ? 'dismissed: given on an earlier text' : 'given on an earlier version'}</span>}
        </p>
      ) : (
        !review.viewer.isReviewer && <p className="review-muted">You are not on the reviewer list; your verdict still counts and adds you.</p>
      )}
      <textarea aria-label="Note with your verdict (optional)" placeholder="Note with your verdict (optional)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="verdict-buttons">
        {BUTTONS.map((b) => (
          <button
            key={b.verdict}
            type="button"
            className={b.className}
            disabled={h.busy}
            onClick={() =>
              void h
                .run(() => call('reviews:verdict', { docId: review.docId, verdict: b.verdict, ...(note.trim() ? { note: note.trim() } : {}) }))
                .then((ok) => ok && setNote(''))
            }
          >
            {b.label}
          </button>
        ))}
      </div>
    </section>
  );
}
