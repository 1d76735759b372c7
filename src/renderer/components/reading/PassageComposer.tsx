import { useState } from 'react';
import type { Anchor } from '../../../shared/reviews/schemas';

export interface Composing {
  mode: 'comment' | 'suggest';
  anchor: Anchor;
}

const sectionName = (s: string): string => s || 'Introduction';

/** The form for a comment on, or a suggested change to, the passage selected in the reading view. */
export function PassageComposer({ composing, busy, onCancel, onSave }: { composing: Composing; busy: boolean; onCancel: () => void; onSave: (text: string, note: string) => Promise<void> }) {
  const { anchor, mode } = composing;
  const suggest = mode === 'suggest';
  const [text, setText] = useState(suggest ? anchor.quote : '');
  const [note, setNote] = useState('');
  const ready = suggest ? text !== anchor.quote : text.trim() !== '';
  return (
    <form
      className="passage-composer"
      aria-label={suggest ? 'Suggest a change to the selected passage' : 'New comment on the selected passage'}
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void onSave(suggest ? text : text.trim(), note.trim());
      }}
    >
      <p className="thread-where">
        {suggest ? 'Suggest a change in' : 'On'} {sectionName(anchor.section)}
      </p>
      <blockquote className="thread-quote">{anchor.quote}</blockquote>
      {suggest ? (
        <>
          <textarea aria-label="Suggested text" rows={4} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
          <input aria-label="Why (optional)" placeholder="Why (optional)" value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
        </>
      ) : (
        <textarea aria-label="Comment" placeholder="Your comment" rows={3} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      )}
      <div className="thread-actions">
        <button type="submit" className="button button-primary" disabled={busy || !ready}>
          {suggest ? 'Suggest' : 'Add comment'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
