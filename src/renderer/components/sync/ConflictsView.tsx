import { useState } from 'react';
import type { SyncConflict } from '../../../shared/contract/sync';
import { call, errorMessage } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';
import { ConflictCard, type Resolution } from './ConflictCard';
import '../../styles/sync.css';

/**
 * Documents whose two versions collided in a sync. Both versions are kept
 * and the team repository is left alone until each one is resolved here.
 */
export function ConflictsView() {
  const { data: conflicts, error: loadError, setData: setConflicts } = useQuery<SyncConflict[]>('sync:conflicts', () => call('sync:conflicts', {}));
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const resolve = async (c: SyncConflict, r: Resolution): Promise<void> => {
    const { toast, loadLibrary, refreshSyncStatus, syncNow, navigate } = useAppStore.getState();
    setBusy(c.id);
    try {
      const out = await call('sync:resolve', { id: c.id, ...r });
      setErrors(({ [c.id]: _gone, ...rest }) => rest);
      setConflicts((list) => (list ?? []).filter((x) => x.id !== c.id));
      void loadLibrary();
      void refreshSyncStatus();
      const what = out.trashed ? 'moved to the trash' : r.take === 'theirs' ? 'now matches the team repository' : 'will be pushed by the next sync';
      toast('info', `${c.ref} ${what}.`, out.trashed ? { label: 'Open trash', run: () => navigate({ name: 'trash' }) } : { label: 'Sync now', run: () => syncNow() });
    } catch (e) {
      setErrors((x) => ({ ...x, [c.id]: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="conflicts-page">
      <div className="page-header">
        <h1 className="page-title">Sync conflicts</h1>
      </div>
      {loadError && (
        <p className="inline-error" role="alert">
          Could not load the conflicts: {loadError}
        </p>
      )}
      {conflicts && conflicts.length === 0 && (
        <div className="empty-state">
          <h2>No conflicts</h2>
          <p>When you and a teammate change the same lines or the same field, both versions are kept and shown here side by side.</p>
        </div>
      )}
      {conflicts?.map((c) => (
        <ConflictCard key={c.id} conflict={c} busy={busy === c.id} error={errors[c.id] ?? null} onResolve={(r) => void resolve(c, r)} />
      ))}
    </div>
  );
}
