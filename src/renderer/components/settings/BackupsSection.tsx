import { useState } from 'react';
import type { BackupView } from '../../../shared/contract/backups';
import { exactTime, timeAgo } from '../../../shared/format/relativeTime';
import { call, errorMessage } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatSize } from './formatSize';
import { restoreBackupAndReload } from './restoreBackup';

const documentsIn = (b: BackupView): string => (b.documents === null ? 'unreadable' : `${b.documents} ${b.documents === 1 ? 'document' : 'documents'}`);

/** The restore question: what goes, and that the library as it is now is backed up first. */
function RestoreDialog({ backup, busy, onConfirm, onCancel }: { backup: BackupView; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog title={`Restore the backup from ${timeAgo(backup.at)}?`} confirmLabel={busy ? 'Restoring…' : 'Restore'} danger busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        The library goes back to how it was on {exactTime(backup.at)} ({documentsIn(backup)}). Documents, reviews and settings changed since then are replaced.
      </p>
      <p>DesignDesk first backs up the library as it is now, so you can undo this by restoring that backup.</p>
    </ConfirmDialog>
  );
}

/** Settings > Backups: the automatic backups of the library, "Back up now", and "Restore…" per backup. */
export function BackupsSection() {
  const toast = useAppStore((s) => s.toast);
  const backups = useQuery('backups:list', () => call('backups:list', {}));
  const [working, setWorking] = useState<'backup' | 'restore' | null>(null);
  const [asking, setAsking] = useState<BackupView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const backUp = async (): Promise<void> => {
    setWorking('backup');
    setError(null);
    try {
      const made = await call('backups:create', {});
      toast('info', `Backed up: ${documentsIn(made)}, ${formatSize(made.bytes)}.`);
    } catch (e) {
      setError(`The backup failed: ${errorMessage(e)}`);
    } finally {
      setWorking(null);
      backups.reload();
    }
  };

  const restore = async (b: BackupView): Promise<void> => {
    setWorking('restore');
    setError(null);
    try {
      const { undo } = await restoreBackupAndReload(b.id);
      toast('info', `Restored the backup from ${exactTime(b.at)}. The library as it was is kept as the backup from ${exactTime(undo.at)}.`, {
        label: 'Undo',
        run: async () => {
          try {
            await restoreBackupAndReload(undo.id);
            toast('info', 'Undone: the library is back as it was before the restore.');
          } catch (e) {
            toast('error', `The undo failed: ${errorMessage(e)}`);
          } finally {
            backups.reload();
          }
        },
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setAsking(null);
      setWorking(null);
      backups.reload();
    }
  };

  const list = backups.data?.backups ?? [];
  return (
    <div className="backups">
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void backUp()} disabled={working !== null}>
          {working === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {backups.error && (
        <p className="inline-error" role="alert">
          The backups could not be listed: {backups.error}
        </p>
      )}
      {backups.loading ? (
        <p className="loading">Loading…</p>
      ) : list.length === 0 ? (
        <p className="field-hint">No backups yet. The first is taken when DesignDesk starts.</p>
      ) : (
        <ul className="backup-list" aria-label="Backups">
          {list.map((b) => (
            <li key={b.id} className="backup-row" data-testid="backup-row">
              <span className="backup-when">
                <time dateTime={b.at} title={exactTime(b.at)}>
                  {timeAgo(b.at)}
                </time>
                <span className="field-hint">{exactTime(b.at)}</span>
              </span>
              <span className="backup-size field-hint">
                {documentsIn(b)} · {formatSize(b.bytes)}
              </span>
              <button type="button" className="button button-quiet" aria-label={`Restore the backup from ${exactTime(b.at)}…`} onClick={() => setAsking(b)} disabled={working !== null}>
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      {backups.data && (
        <p className="field-hint">
          Kept in <code>{backups.data.dir}</code>. From a terminal: <code>designdesk backup --list</code>, <code>designdesk restore NAME</code>.
        </p>
      )}
      {asking && <RestoreDialog backup={asking} busy={working === 'restore'} onConfirm={() => void restore(asking)} onCancel={() => working !== 'restore' && setAsking(null)} />}
    </div>
  );
}
