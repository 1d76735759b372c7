import { useEffect, useMemo, useState } from 'react';
import { splitSections } from '../../../shared/markdown/sections';
import type { Anchor } from '../../../shared/reviews/schemas';
import type { ReviewView } from '../../../shared/reviews/view';
import { call } from '../../api/client';
import { CommentThread } from './CommentThread';
import { selectedAnchor, trackSectionSelections } from './selection';
import type { ReviewHandle } from './useReview';

const sectionName = (s: string): string => s || 'Introduction';

/** Comment threads, and the two ways to start one: on the passage selected in a section, or on a whole section. */
export function CommentsSection({ review, body, h }: { review: ReviewView; body: string; h: ReviewHandle }) {
  const [draft, setDraft] = useState<Anchor | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const headings = useMemo(() => splitSections(body).filter((s) => s.depth > 0).map((s) => s.heading), [body]);
  useEffect(() => trackSectionSelections(), []);
  const open = review.threads.filter((t) => !t.resolved);
  const resolved = review.threads.filter((t) => t.resolved);

  return (
    <section className="review-block" aria-labelledby="comments-heading">
      <h3 id="comments-heading">
        Comments {open.length > 0 && <span className="review-count">{open.length} open</span>}
      </h3>
      <div className="comment-start">
        <button
          type="button"
          className="button"
          // Keep the focus (and the selection) in the section editor while clicking.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const anchor = selectedAnchor();
            setHint(anchor ? null : 'Select a passage in one of the sections first, then click “Comment on selection”.');
            if (anchor) setDraft(anchor);
          }}
        >
          Comment on selection
        </button>
        <select
          aria-label="Comment on a section"
          value=""
          onChange={(e) => {
            setHint(null);
            setDraft({ section: e.target.value, quote: '', prefix: '', suffix: '' });
          }}
        >
          <option value="">On a section…</option>
          {headings.map((heading, i) => (
            <option key={`${i}-${heading}`} value={heading}>
              {heading}
            </option>
          ))}
        </select>
      </div>
      {hint && <p className="review-muted">{hint}</p>}
      {draft && <NewComment anchor={draft} busy={h.busy} onCancel={() => setDraft(null)} onSave={(text) => h.run(() => call('reviews:comment', { docId: review.docId, text, anchor: draft })).then((ok) => ok && setDraft(null))} />}
      {review.threads.length === 0 && !draft && <p className="review-muted">No comments yet.</p>}
      {open.map((t) => (
        <CommentThread key={t.id} docId={review.docId} thread={t} h={h} />
      ))}
      {resolved.length > 0 && (
        <details className="resolved-threads">
          <summary>
            {resolved.length} resolved {resolved.length === 1 ? 'comment' : 'comments'}
          </summary>
          {resolved.map((t) => (
            <CommentThread key={t.id} docId={review.docId} thread={t} h={h} />
          ))}
        </details>
      )}
    </section>
  );
}

function NewComment({ anchor, busy, onCancel, onSave }: { anchor: Anchor; busy: boolean; onCancel: () => void; onSave: (text: string) => Promise<unknown> }) {
  const [text, setText] = useState('');
  return (
    <form
      className="new-comment"
      aria-label="New comment"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void onSave(text.trim());
      }}
    >
      <p className="thread-where">On {sectionName(anchor.section)}</p>
      {anchor.quote && <blockquote className="thread-quote">{anchor.quote}</blockquote>}
      <textarea aria-label="Comment" placeholder="Your comment" rows={3} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      <div className="thread-actions">
        <button type="submit" className="button button-primary" disabled={busy || !text.trim()}>
          Add comment
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
