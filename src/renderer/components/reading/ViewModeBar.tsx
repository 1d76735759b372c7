import type { ViewMode } from './viewMode';

/**
 * Which way the document is shown, and the deliberate switch between them.
 * A reviewer gets review mode (the reading view, no author controls) and
 * has to choose "Edit anyway" to type into someone else's text; everyone
 * else edits, and can switch to the reading view to see the comments where
 * they are.
 */
export function ViewModeBar({ mode, onChange }: { mode: ViewMode; onChange: (reading: boolean) => void }) {
  if (mode.reviewer) {
    return mode.reading ? (
      <div className="banner review-mode-bar" role="status" data-testid="review-mode-bar">
        <span>
          <strong>Review mode.</strong> Select a passage to comment on it or suggest a change; give your verdict in the Review panel.
        </span>
        <button type="button" className="button button-quiet" onClick={() => onChange(false)}>
          Edit anyway
        </button>
      </div>
    ) : (
      <div className="banner review-mode-bar" role="status" data-testid="review-mode-bar">
        <span>You are editing a document you review. Your edits are saved under your name.</span>
        <button type="button" className="button" onClick={() => onChange(true)}>
          Back to review mode
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="button button-quiet" aria-pressed={mode.reading} onClick={() => onChange(!mode.reading)}>
      {mode.reading ? 'Back to editing' : 'Reading view'}
    </button>
  );
}
