import { useAppStore } from '../store';

/** Shown when unsaved text from an earlier session exists but the document changed since. */
export function StaleDraftBanner() {
  const staleDraft = useAppStore((s) => s.staleDraft);
  const restore = useAppStore((s) => s.restoreStaleDraft);
  const discard = useAppStore((s) => s.discardStaleDraft);
  if (!staleDraft) return null;
  return (
    <div className="banner" role="alert">
      <span>
        Unsaved edits from {new Date(staleDraft.at).toLocaleString()} were kept, but this document changed since then.
      </span>
      <button type="button" className="button" onClick={restore}>
        Restore my edits
      </button>
      <button type="button" className="button button-quiet" onClick={discard}>
        Discard them
      </button>
    </div>
  );
}
