import { useAppStore } from '../store';

const LABELS = { saved: 'Saved', dirty: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' } as const;

/** Tells the user, at all times, whether what they typed is safely stored. */
export function SaveIndicator() {
  const saveState = useAppStore((s) => s.saveState);
  const saveError = useAppStore((s) => s.saveError);
  const reloadDoc = useAppStore((s) => s.reloadDoc);
  const saveNow = useAppStore((s) => s.saveNow);
  return (
    <div className={`save-indicator save-${saveState}`} role="status" aria-live="polite" data-testid="save-state">
      <span className="save-dot" aria-hidden="true" />
      <span>{LABELS[saveState]}</span>
      {saveState === 'error' && (
        <span className="save-error">
          {saveError}{' '}
          <button type="button" className="link-button" onClick={() => void saveNow()}>
            Retry
          </button>{' '}
          <button type="button" className="link-button" onClick={() => void reloadDoc()}>
            Reload
          </button>
        </span>
      )}
    </div>
  );
}
