import { useState } from 'react';
import type { Person } from '../../../shared/document';
import { initialStatus, LIFECYCLES } from '../../../shared/kinds/lifecycle';
import { samePerson } from '../../../shared/reviews/people';
import type { Reviewer } from '../../../shared/reviews/schemas';
import type { ReviewerStatus, ReviewView } from '../../../shared/reviews/view';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { exactTime, timeAgo } from '../../../shared/format/relativeTime';
import type { ReviewHandle } from './useReview';
import { VerdictBadge } from './VerdictBadge';

const asInput = (r: Pick<ReviewerStatus, 'name' | 'email' | 'required'>): Reviewer => ({ name: r.name, ...(r.email ? { email: r.email } : {}), required: r.required });

/** Reviewers with required/optional and each one's verdict; add, remove, toggle; then request review. */
export function ReviewersList({ review, h, suggested, authorControls = true }: { review: ReviewView; h: ReviewHandle; suggested: readonly string[]; authorControls?: boolean }) {
  const listed = review.reviewers.filter((r) => r.listed);
  const set = (next: Reviewer[]): Promise<boolean> => h.setReviewers(next);
  const missing = suggested.filter((name) => !review.reviewers.some((r) => samePerson(r, { name })));
  return (
    <section className="review-block" aria-labelledby="reviewers-heading">
      <h3 id="reviewers-heading">Reviewers</h3>
      {review.reviewers.length === 0 ? (
        <p className="review-muted">No reviewers yet. Add the people whose approval this needs.</p>
      ) : (
        <ul className="reviewer-list" aria-label="Reviewers">
          {review.reviewers.map((r) => (
            <li key={`${r.name}/${r.email ?? ''}`} className="reviewer" data-testid="reviewer">
              <div className="reviewer-line">
                <span className="reviewer-name" title={r.email || undefined}>
                  {r.name}
                </span>
                {r.listed && !authorControls ? (
                  <span className={`reviewer-role ${r.required ? 'is-required' : ''}`}>{r.required ? 'Required' : 'Optional'}</span>
                ) : r.listed ? (
                  <button
                    type="button"
                    className={`reviewer-role ${r.required ? 'is-required' : ''}`}
                    disabled={h.busy}
                    title={r.required ? 'Required: approval is needed. Click to make optional.' : 'Optional. Click to make required.'}
                    aria-label={`${r.name} is ${r.required ? 'required' : 'optional'}; make ${r.required ? 'optional' : 'required'}`}
                    onClick={() => void set(listed.map((o) => (o === r ? { ...asInput(o), required: !o.required } : asInput(o))))}
                  >
                    {r.required ? 'Required' : 'Optional'}
                  </button>
                ) : (
                  <span className="reviewer-role" title="Gave a verdict without being asked">
                    Not asked
                  </span>
                )}
                {r.listed && authorControls && (
                  <button
                    type="button"
                    className="icon-button reviewer-remove"
                    aria-label={`Remove ${r.name}`}
                    title={`Remove ${r.name}`}
                    disabled={h.busy}
                    onClick={() => void set(listed.filter((o) => o !== r).map(asInput))}
                  >
                    ×
                  </button>
                )}
              </div>
              <div className="reviewer-verdict">
                <VerdictBadge verdict={r.verdict} />
                {r.verdictAt && (
                  <time dateTime={r.verdictAt} title={exactTime(r.verdictAt)}>
                    {timeAgo(r.verdictAt)}
                  </time>
                )}
                {r.stale && (
                  <span className="stale-marker" title="The text changed after this verdict was given.">
                    {review.policy.staleDismissed && r.verdict === 'approve' ? 'dismissed: given on an earlier text' : 'given on an earlier version'}
                  </span>
                )}
              </div>
              {r.note && <p className="reviewer-note">{r.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {authorControls && missing.length > 0 && (
        <p className="review-suggest">
          The metadata names {missing.join(', ')}.{' '}
          <button type="button" className="link-button" disabled={h.busy} onClick={() => void set([...listed.map(asInput), ...missing.map((name) => ({ name, required: true }))])}>
            Add as required reviewers
          </button>
        </p>
      )}
      {authorControls && <AddReviewer busy={h.busy} startOpen={review.reviewers.length === 0} onAdd={(r) => set([...listed.map(asInput), r])} />}
      {authorControls && canRequest(review) && <RequestReview review={review} h={h} />}
    </section>
  );
}

/** Review is asked for while a document is undecided: in its first status or its review status. */
function canRequest(review: ReviewView): boolean {
  return review.status === initialStatus(review.kind) || review.status === LIFECYCLES[review.kind].reviewStatus;
}

function AddReviewer({ busy, startOpen, onAdd }: { busy: boolean; startOpen: boolean; onAdd: (r: Reviewer) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [required, setRequired] = useState(true);
  // The people to offer as reviewers; a failure offers none.
  const recent = useQuery('identity:recent', () => call('identity:recent', {}));
  const people: Person[] = (recent.error ? null : recent.data) ?? [];
  if (!open && !startOpen) {
    return (
      <button type="button" className="button button-quiet add-reviewer-toggle" onClick={() => setOpen(true)}>
        + Add a reviewer
      </button>
    );
  }
  return (
    <form
      className="add-reviewer"
      aria-label="Add a reviewer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        void onAdd({ name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}), required }).then((ok) => {
          if (ok) {
            setName('');
            setEmail('');
            setOpen(false);
          }
        });
      }}
    >
      <input
        aria-label="Reviewer name"
        placeholder="Name"
        list="reviewer-people"
        value={name}
        maxLength={200}
        onChange={(e) => {
          setName(e.target.value);
          const known = people.find((p) => p.name === e.target.value);
          if (known && !email) setEmail(known.email);
        }}
      />
      <datalist id="reviewer-people">
        {people.map((p) => (
          <option key={`${p.name}/${p.email}`} value={p.name}>
            {p.email}
          </option>
        ))}
      </datalist>
      <input aria-label="Reviewer email (optional)" placeholder="Email (optional)" type="email" value={email} maxLength={320} onChange={(e) => setEmail(e.target.value)} />
      <label className="add-reviewer-required">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> Required
      </label>
      <button type="submit" className="button" disabled={busy || !name.trim()}>
        Add reviewer
      </button>
    </form>
  );
}

function RequestReview({ review, h }: { review: ReviewView; h: ReviewHandle }) {
  const [note, setNote] = useState('');
  const [due, setDue] = useState('');
  const listed = review.reviewers.some((r) => r.listed);
  return (
    <div className="request-review">
      {review.request && (
        <p className="review-muted">
          Review requested by {review.request.by.name}{' '}
          <time dateTime={review.request.at} title={exactTime(review.request.at)}>
            {timeAgo(review.request.at)}
          </time>
          {review.request.note && <>: “{review.request.note}”</>}
          {review.request.due && <> · due {review.request.due}</>}
        </p>
      )}
      <input aria-label="Note to reviewers (optional)" placeholder="Note to reviewers (optional)" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <label className="review-muted">
        Reviews due by (optional) <input type="date" aria-label="Reviews due by (optional)" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <button
        type="button"
        className="button button-primary"
        disabled={h.busy || !listed}
        title={listed ? undefined : 'Add a reviewer first'}
        onClick={() => void h.request(note, due || undefined).then((ok) => ok && (setNote(''), setDue('')))}
      >
        {review.request ? 'Request review again' : 'Request review'}
      </button>
    </div>
  );
}
