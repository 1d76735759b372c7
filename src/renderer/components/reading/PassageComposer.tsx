import { useState } from 'react';
import type { Anchor } from '../../../shared/reviews/schemas';

export interface Composing {
  mode: 'comment' | 'suggest';
  anchor: Anchor;
}

const sectionName = (s: string): string => s || 'Introduction';

/** The form for a comment on (or, later, a suggested change to) the passage selected in the reading view. */
export function PassageComposer({ composing, busy, onCancel, onSave }: { composing: Composing; busy: boolean; onCancel: () => void; onSave: (text: string) => Promise<void> }) {
  const { anchor } = composing;
  const [text, setText] = useState('');
  return (
    <form
      className="passage-composer"
      aria-label="New comment on the selected passage"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void onSave(text.trim());
      }}
    >
      <p className="thread-where">On {sectionName(anchor.section)}</p>
      <blockquote className="thread-quote">{anchor.quote}</blockquote>
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
