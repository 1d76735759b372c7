import { useState } from 'react';
import type { Document } from '../../../shared/document';
import { displayRef } from '../../../shared/kinds/kinds';
import { statusLabel } from '../../../shared/kinds/lifecycle';
import { call, errorMessage } from '../../api/client';
import { useAppStore } from '../../store';

/** Statuses from which an ADR may supersede another (mirrors the service's rule). */
const CAN_SUPERSEDE = ['proposed', 'accepted'];

/**
 * "Supersede another ADR…": pick an accepted ADR, confirm, and both sides are
 * linked in one call; then the document and the library are reloaded.
 */
export function SupersedeAction({ doc }: { doc: Document }) {
  const summaries = useAppStore((s) => s.summaries);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = displayRef('adr', doc.number);
  const candidates = summaries.filter((s) => s.kind === 'adr' && s.status === 'accepted' && s.id !== doc.id).sort((a, b) => a.number - b.number);
  const chosen = candidates.find((c) => c.id === target);
  const oldRef = chosen ? displayRef('adr', chosen.number) : '';

  if (!CAN_SUPERSEDE.includes(doc.status)) {
    return <p className="adr-links-note">A {statusLabel('adr', doc.status)} ADR cannot supersede another.</p>;
  }

  const start = (): void => {
    setOpen(true);
    setError(null);
    setTarget('');
    void useAppStore.getState().loadLibrary();
  };

  const confirm = async (): Promise<void> => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    const store = useAppStore.getState();
    await store.saveNow();
    if (useAppStore.getState().saveState !== 'saved') {
      setBusy(false);
      setError('Your latest edits are not saved yet; resolve that first, then supersede.');
      return;
    }
    try {
      await call('adrs:supersede', { id: chosen.id, byId: doc.id });
      store.toast('info', `${oldRef} is now superseded by ${ref}.`);
      await store.loadLibrary();
      await useAppStore.getState().reloadDoc();
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  };

  if (!open) {
    return (
      <button type="button" className="button" onClick={start}>
        Supersede another ADR…
      </button>
    );
  }
  return (
    <form
      className="supersede-form"
      aria-label="Supersede another ADR"
      onSubmit={(e) => {
        e.preventDefault();
        void confirm();
      }}
    >
      {candidates.length === 0 ? (
        <p className="adr-links-note">No accepted ADR to supersede. An ADR has to be accepted before a newer one can replace it.</p>
      ) : (
        <div className="supersede-pick">
          <label htmlFor="supersede-target">ADR to supersede</label>
          <select id="supersede-target" value={target} onChange={(e) => setTarget(e.target.value)} disabled={busy}>
            <option value="">Choose an accepted ADR…</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {displayRef('adr', c.number)} · {c.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && (
        <p className="supersede-confirm">
          <span className="adr-ref-inline">{oldRef}</span> will be marked <strong className="adr-ref-inline">superseded by {ref}</strong>, and {ref} will
          record that it supersedes <span className="adr-ref-inline">{oldRef}</span>. This cannot be undone.
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="supersede-buttons">
        {candidates.length > 0 && (
          <button type="submit" className="button button-primary" disabled={!chosen || busy}>
            {chosen ? `Supersede ${oldRef}` : 'Supersede'}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
