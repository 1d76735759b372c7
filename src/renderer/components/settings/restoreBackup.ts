import type { RestoreResult } from '../../../shared/contract/backups';
import { call } from '../../api/client';
import { useAppStore } from '../../store';

/**
 * Restores a backup and reloads what the window holds from the library:
 * pending edits are saved first (they go into the backup taken before the
 * restore), then identity, the document list, the sample ids and the sync
 * status are read again, and the health count is taken afresh.
 */
export async function restoreBackupAndReload(id: string): Promise<RestoreResult> {
  const s = useAppStore.getState();
  await s.saveNow();
  const result = await call('backups:restore', { id });
  useAppStore.setState({ healthCheckedAfter: null, healthNew: 0 });
  await Promise.all([s.loadInfo(), s.loadLibrary(), s.loadOnboarding(), s.refreshSyncStatus()]);
  return result;
}
