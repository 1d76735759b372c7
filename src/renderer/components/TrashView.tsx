import { useState } from 'react';
import type { TrashEntry } from '../../shared/contract/trash';
import { displayRef, KINDS } from '../../shared/kinds/kinds';
import { call, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useAppStore } from '../store';
import { ConfirmDialog } from './ConfirmDialog';
import { StatusBadge } from './StatusBadge';
import { formatWhen } from './VersionCompare';
import '../styles/versions.css';

/** Deleted documents, restorable one by one until the trash is emptied for good. */
export function TrashView() {
  const { data: entries, error, reload: load, setData: setEntries } = useQuery<TrashEntry[]>('trash:list', () => call('trash:list', {}));
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const restore = async (e: TrashEntry): Promise<void> => {
    const { toast, loadLibrary, navigate } = useAppStore.getState();
    const ref = displayRef(e.kind, e.number);
    try {
      await call('docs:restore', { id: e.id });
      setEntries((list) => (list ?? []).filter((x) => x.id !== e.id));
      void loadLibrary();
      toast('info', `Restored ${ref} “${e.title}”.`, { label: 'Open', run: () => navigate({ name: 'doc', id: e.id }) });
    } catch (err) {
      toast('error', `Could not restore ${ref}: ${errorMessage(err)}`);
      load();
    }
  };

  const empty = async (): Promise<void> => {
    const { toast } = useAppStore.getState();
    setBusy(true);
    try {
      const { deleted } = await call('trash:empty', {});
      toast('info', `Deleted ${deleted} ${deleted === 1 ? 'document' : 'documents'} for good.`);
    } catch (e) {
      toast('error', `Could not empty the trash: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
      setAsking(false);
      load();
    }
  };

  const count = entries?.length ?? 0;
  return (
    <>
      <div className="page-header">
        <h1 className="page-title">Trash</h1>
        <button type="button" className="button button-danger-quiet" disabled={count === 0} onClick={() => setAsking(true)}>
          Empty trash
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          Could not load the trash: {error}
        </p>
      )}
      {entries && count === 0 && (
        <div className="empty-state trash-empty">
          <div className="empty-mark" aria-hidden="true">
            ♲
          </div>
          <h2>The trash is empty</h2>
          <p>Deleted documents wait here, with their history and versions, until you empty the trash.</p>
        </div>
      )}
      {entries && count > 0 && (
        <>
          <p className="page-note">
            {count} deleted {count === 1 ? 'document' : 'documents'}. Restoring one brings it back with its number, history and versions.
          </p>
          <table className="doc-table trash-table" aria-label="Deleted documents">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Deleted</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="doc-row">
                  <td className="doc-ref">{displayRef(e.kind, e.number)}</td>
                  <td>
                    <span className="trash-title">{e.title}</span>
                    <span className="trash-kind">{KINDS[e.kind].label}</span>
                  </td>
                  <td>
                    <StatusBadge kind={e.kind} status={e.status} />
                  </td>
                  <td className="trash-when">
                    <time dateTime={e.deletedAt}>{formatWhen(e.deletedAt)}</time>
                    {e.deletedBy && <span className="trash-by"> by {e.deletedBy.name}</span>}
                  </td>
                  <td className="trash-actions">
                    <button type="button" className="button" aria-label={`Restore ${displayRef(e.kind, e.number)}`} onClick={() => void restore(e)}>
                      Restore
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {asking && (
        <ConfirmDialog title="Empty the trash?" confirmLabel="Delete forever" danger busy={busy} onConfirm={() => void empty()} onCancel={() => setAsking(false)}>
          <p>
            {count} {count === 1 ? 'document' : 'documents'} will be deleted for good, with {count === 1 ? 'its' : 'their'} history and versions. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
