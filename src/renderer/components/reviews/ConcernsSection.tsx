import { useMemo, useState } from 'react';
import { splitSections } from '../../../shared/markdown/sections';
import { mayResolve } from '../../../shared/reviews/concerns';
import type { ConcernView, ReviewView } from '../../../shared/reviews/view';
import { call } from '../../api/client';
import { useAppStore } from '../../store';
import { exactTime, timeAgo } from '../../../shared/format/relativeTime';
import type { ReviewHandle } from './useReview';

/** Named blocking concerns: raise one on the document or a section; only the raiser (or their delegate) resolves it. */
export function ConcernsSection({ review, body, h }: { review: ReviewView; body: string; h: ReviewHandle }) {
  const [raising, setRaising] = useState(false);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [section, setSection] = useState('');
  const headings = useMemo(() => splitSections(body).filter((s) => s.depth > 0).map((s) => s.heading), [body]);
  const concerns = review.concerns ?? [];
  const open = concerns.filter((c) => c.open);
  return (
    <section className="review-block" aria-labelledby="concerns-heading">
      <h3 id="concerns-heading">
        Blocking concerns {open.length > 0 && <span className="review-count">{open.length} open</span>}
      </h3>
      {concerns.length === 0 && !raising && <p className="review-muted">No concerns. A concern blocks approval until whoever raised it resolves it.</p>}
      <ul className="concern-list">
        {concerns.map((c) => (
          <Concern key={c.id} concern={c} review={review} h={h} />
        ))}
      </ul>
      {raising ? (
        <form
          className="concern-form"
          aria-label="Raise a concern"
          onSubmit={(e) => {
            e.preventDefault();
            void h
              .run(() => call('reviews:raiseConcern', { docId: review.docId, title: title.trim(), text: text.trim(), anchor: { section, quote: '', prefix: '', suffix: '' } }))
              .then((ok) => ok && (setRaising(false), setTitle(''), setText('')));
          }}
        >
          <input aria-label="Concern (a short name)" placeholder="Concern, e.g. “No backup story”" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          <select aria-label="Concern is about" value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">The whole document</option>
            {headings.map((heading, i) => (
              <option key={`${i}-${heading}`} value={heading}>
                {heading}
              </option>
            ))}
          </select>
          <textarea aria-label="What would resolve it (optional)" placeholder="What would resolve it (optional)" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="verdict-buttons">
            <button type="submit" className="button verdict-changes" disabled={h.busy || !title.trim()}>
              Raise concern
            </button>
            <button type="button" className="button" onClick={() => setRaising(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-quiet add-reviewer-toggle" onClick={() => setRaising(true)}>
          + Raise a blocking concern
        </button>
      )}
    </section>
  );
}

function Concern({ concern: c, review, h }: { concern: ConcernView; review: ReviewView; h: ReviewHandle }) {
  const identity = useAppStore((s) => s.identity);
  const mine = !!identity && mayResolve(c, identity);
  return (
    <li className={`concern ${c.open ? 'is-open' : 'is-resolved'}`} aria-label={`Concern “${c.title}” by ${c.by.name}`} data-testid="concern">
      <div className="reviewer-line">
        <strong>{c.title}</strong>
        <span className={`badge ${c.open ? 'badge-rejected' : 'badge-approved'}`}>{c.open ? 'Open' : 'Resolved'}</span>
      </div>
      <p className="review-muted">
        {c.by.name} on {c.anchor.section || 'the whole document'},{' '}
        <time dateTime={c.at} title={exactTime(c.at)}>
          {timeAgo(c.at)}
        </time>
        {c.delegate && <> · handed to {c.delegate.name}</>}
        {!c.open && c.resolvedBy && <> · resolved by {c.resolvedBy.name}</>}
      </p>
      {c.text && <p className="reviewer-note">{c.text}</p>}
      {c.note && <p className="reviewer-note">{c.note}</p>}
      {mine ? (
        <button type="button" className="button" disabled={h.busy} onClick={() => void h.run(() => call('reviews:resolveConcern', { docId: review.docId, concernId: c.id, resolved: c.open }))}>
          {c.open ? 'Resolve concern' : 'Reopen concern'}
        </button>
      ) : (
        c.open && <p className="review-muted">Only {c.by.name}{c.delegate ? ` or ${c.delegate.name}` : ''} can resolve it.</p>
      )}
    </li>
  );
}

/** A hold: a soft block with a reason, shown to everyone; anyone may lift it. */
export function HoldControl({ review, h }: { review: ReviewView; h: ReviewHandle }) {
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  if (review.hold) {
    return (
      <div className="policy-summary is-waiting hold-banner" role="status" data-testid="hold">
        <strong>On hold</strong> by {review.hold.by.name}: {review.hold.reason}{' '}
        <button type="button" className="link-button" disabled={h.busy} onClick={() => void h.run(() => call('reviews:hold', { docId: review.docId, on: false }))}>
          Lift hold
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button-quiet add-reviewer-toggle" onClick={() => setOpen(true)}>
        Put on hold…
      </button>
    );
  }
  return (
    <form
      className="concern-form"
      aria-label="Put on hold"
      onSubmit={(e) => {
        e.preventDefault();
        void h.run(() => call('reviews:hold', { docId: review.docId, on: true, reason: reason.trim() })).then((ok) => ok && (setOpen(false), setReason('')));
      }}
    >
      <input aria-label="Reason for the hold" placeholder="Why, e.g. “wait for the benchmark”" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <div className="verdict-buttons">
        <button type="submit" className="button" disabled={h.busy || !reason.trim()}>
          Put on hold
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
