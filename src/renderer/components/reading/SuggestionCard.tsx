import type { SuggestionView } from '../../../shared/reviews/suggestions';
import type { SuggestionsHandle } from './useSuggestions';

/**
 * A suggested change where it applies: the passage as it is, struck
 * through, and the text suggested for it; the author accepts or declines.
 * Built of inline elements, since it sits inside the paragraph it changes.
 */
export function SuggestionCard({ s, canDecide, handle }: { s: SuggestionView; canDecide: boolean; handle: SuggestionsHandle }) {
  const open = s.state === 'open';
  return (
    <span className={`suggestion-card is-${s.state}`} role="group" aria-label={`Suggestion by ${s.by.name}`} data-testid="suggestion" data-suggestion-id={s.id}>
      <span className="suggestion-meta">
        <strong>{s.by.name}</strong> suggests{s.location === 'outdated' && open ? ' (the passage has changed since)' : ''}:
      </span>
      <span className="suggestion-change">
        <del aria-label="Current text">{s.anchor.quote}</del>
        <ins aria-label="Suggested text">{s.replacement || '(remove it)'}</ins>
      </span>
      {s.note && <span className="suggestion-note">{s.note}</span>}
      {open && canDecide ? (
        <span className="thread-actions">
          {s.location === 'found' && (
            <button type="button" className="button button-primary" disabled={handle.busy} onClick={() => void handle.decide(s.id, true)}>
              Accept
            </button>
          )}
          <button type="button" className="button" disabled={handle.busy} onClick={() => void handle.decide(s.id, false)}>
            Decline
          </button>
        </span>
      ) : (
        <span className="review-muted">{open ? 'Waiting for the author to accept or decline it.' : `${s.state === 'accepted' ? 'Accepted' : 'Declined'}${s.decidedBy ? ` by ${s.decidedBy.name}` : ''}.`}</span>
      )}
    </span>
  );
}
