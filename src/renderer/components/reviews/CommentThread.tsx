import { useState } from 'react';
import type { Thread } from '../../../shared/reviews/view';
import { call } from '../../api/client';
import { focusMark } from '../reading/focusThread';
import { revealAnchor } from './selection';
import { exactTime, timeAgo } from '../../../shared/format/relativeTime';
import type { ReviewHandle } from './useReview';

const sectionName = (s: string): string => s || 'Introduction';

/** One comment with its quoted passage (or "outdated" when it was edited away), replies, reply box and resolve/reopen. */
export function CommentThread({ docId, thread, h }: { docId: string; thread: Thread; h: ReviewHandle }) {
  const [reply, setReply] = useState('');
  const outdated = thread.location === 'outdated';
  return (
    <article className={`thread ${thread.resolved ? 'is-resolved' : ''}`} aria-label={`Comment by ${thread.by.name} on ${sectionName(thread.section)}`} data-testid="thread" data-thread-id={thread.id} tabIndex={-1}>
      <div className="thread-where">
        {outdated ? (
          <span>{sectionName(thread.anchor.section)}</span>
        ) : (
          <button type="button" className="link-button" title="Show in the document" onClick={() => focusMark(thread.id) || revealAnchor(thread.anchor, thread.section)}>
            {sectionName(thread.section)}
          </button>
        )}
        {outdated && (
          <span className="outdated-marker" title="The passage this comment is about was edited away.">
            Outdated
          </span>
        )}
        {thread.resolved && <span className="resolved-marker">Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}</span>}
      </div>
      {thread.anchor.quote && <blockquote className={`thread-quote ${outdated ? 'is-outdated' : ''}`}>{thread.anchor.quote}</blockquote>}
      <Message name={thread.by.name} at={thread.at} text={thread.text} />
      {thread.replies.map((r) => (
        <Message key={r.id} name={r.by.name} at={r.at} text={r.text} reply />
      ))}
      <form
        className="thread-reply"
        onSubmit={(e) => {
          e.preventDefault();
          const text = reply.trim();
          if (!text) return;
          // The box empties as the reply is sent (it could otherwise show beside the posted reply until the
          // answer arrives) and gets the text back if the reply fails: nothing typed is lost.
          setReply('');
          void h.run(() => call('reviews:reply', { docId, commentId: thread.id, text })).then((ok) => {
            // Whatever was typed meanwhile stays too, after the reply that did not go.
            if (!ok) setReply((now) => (now.trim() ? `${text}\n\n${now}` : text));
          });
        }}
      >
        <textarea aria-label={`Reply to ${thread.by.name}`} placeholder="Reply…" rows={1} value={reply} onChange={(e) => setReply(e.target.value)} />
        <div className="thread-actions">
          {reply.trim() && (
            <button type="submit" className="button" disabled={h.busy}>
              Reply
            </button>
          )}
          <button
            type="button"
            className="button button-quiet"
            disabled={h.busy}
            onClick={() => void h.run(() => call(thread.resolved ? 'reviews:reopen' : 'reviews:resolve', { docId, commentId: thread.id }))}
          >
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      </form>
    </article>
  );
}

function Message({ name, at, text, reply }: { name: string; at: string; text: string; reply?: boolean }) {
  return (
    <div className={`thread-message ${reply ? 'is-reply' : ''}`}>
      <p className="thread-meta">
        <strong>{name}</strong>{' '}
        <time dateTime={at} title={exactTime(at)}>
          {timeAgo(at)}
        </time>
      </p>
      <p className="thread-text">{text}</p>
    </div>
  );
}
