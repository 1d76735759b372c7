import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { SYNC_POLL_IDLE_MS, SYNC_POLL_RUNNING_MS, syncSummary } from '../../store/syncSlice';
import { DeletionConfirm } from './DeletionConfirm';
import { timeAgo } from '../../../shared/format/relativeTime';
import { PHASE_LABELS } from './phaseLabels';
import '../../styles/sync.css';
import '../../styles/health.css';

/** Re-renders every 30 s so "5 minutes ago" stays true. */
function useTick(ms: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(t);
  }, [ms]);
}

/**
 * The bar at the bottom of every screen: local changes not pushed yet, when
 * the last sync succeeded, the sync in progress (phase and counts), the last
 * result or why it failed, conflicts to resolve, and Sync now.
 */
export function SyncStatusBar() {
  const { status, syncNow, cancelSync, refresh, navigate, healthNew, checkHealth } = useAppStore(
    useShallow((s) => ({ status: s.syncStatus, syncNow: s.syncNow, cancelSync: s.cancelSync, refresh: s.refreshSyncStatus, navigate: s.navigate, healthNew: s.healthNew, checkHealth: s.checkHealthAfterSync })),
  );
  useTick(30_000);
  const running = status?.running ?? false;

  useEffect(() => {
    void refresh();
    const t = setInterval(() => void refresh(), running ? SYNC_POLL_RUNNING_MS : SYNC_POLL_IDLE_MS);
    return () => clearInterval(t);
  }, [refresh, running]);

  // After every sync that ended (from here, another window, the CLI or auto-sync): is anything new wrong with the repository?
  const lastSyncAt = status?.lastSyncAt ?? null;
  useEffect(() => {
    if (lastSyncAt && !running) void checkHealth(lastSyncAt);
  }, [checkHealth, lastSyncAt, running]);

  if (!status) return <footer className="sync-bar" aria-label="Sync status" />;

  if (!status.configured) {
    return (
      <footer className="sync-bar" aria-label="Sync status">
        <span className="sync-bar-item">
          {status.localChanges} local {status.localChanges === 1 ? 'change' : 'changes'} · not connected to a team repository
        </span>
        <button type="button" className="button button-quiet sync-bar-action" onClick={() => navigate({ name: 'sync' })}>
          Set up sync…
        </button>
      </footer>
    );
  }

  const c = status.counts;
  // The main side's record is the truth: it also knows about auto-syncs and other windows.
  const failed = !running && status.lastError ? { error: status.lastError.message, cancelled: status.lastError.code === 'CANCELLED' } : null;
  const cancelling = running && status.phase === 'cancelling';
  const result = status.lastResult;
  return (
    <footer className={`sync-bar ${running ? 'sync-bar-running' : ''}`} aria-label="Sync status">
      <span className="sync-bar-item" data-testid="local-changes">
        {status.localChanges === 0 ? 'Everything pushed' : `${status.localChanges} local ${status.localChanges === 1 ? 'change' : 'changes'} not pushed`}
      </span>
      <span className="sync-bar-sep" aria-hidden="true">
        ·
      </span>
      <span className="sync-bar-item" title={status.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString() : undefined}>
        {status.lastSyncAt ? `Last synced ${timeAgo(status.lastSyncAt)}` : 'Never synced'}
      </span>
      {status.conflicts > 0 && (
        <>
          <span className="sync-bar-sep" aria-hidden="true">
            ·
          </span>
          <button type="button" className="sync-bar-link sync-bar-conflicts" onClick={() => navigate({ name: 'conflicts' })}>
            {status.conflicts} {status.conflicts === 1 ? 'conflict' : 'conflicts'} to resolve
          </button>
        </>
      )}
      {healthNew > 0 && (
        <>
          <span className="sync-bar-sep" aria-hidden="true">
            ·
          </span>
          <button type="button" className="sync-bar-link sync-bar-health" data-testid="health-count" onClick={() => navigate({ name: 'health' })}>
            {healthNew} new health {healthNew === 1 ? 'finding' : 'findings'}
          </button>
        </>
      )}
      <span className="sync-bar-live" role="status" aria-live="polite">
        {running ? (
          <span className="sync-progress">
            <span className="sync-spinner" aria-hidden="true" />
            {PHASE_LABELS[status.phase] ?? status.phase}…
            {c.total > 0 && ` ${c.done}/${c.total} documents`}
            {(c.in > 0 || c.out > 0 || c.conflicts > 0) && ` · ${c.in} in · ${c.out} out${c.conflicts ? ` · ${c.conflicts} conflicts` : ''}`}
            {status.serverMessage && <span className="sync-server-message"> · remote: {status.serverMessage}</span>}
          </span>
        ) : failed?.cancelled ? (
          <span className="sync-bar-item" title={failed.error}>
            Sync cancelled: nothing was changed
          </span>
        ) : failed ? (
          <span className="sync-failed" title={failed.error}>
            Sync failed: {failed.error}
          </span>
        ) : result ? (
          <span className={result.conflicts || result.errors.length ? 'sync-result sync-result-warn' : 'sync-result'}>Synced: {syncSummary(result)}</span>
        ) : null}
      </span>
      {running ? (
        <button type="button" className="button sync-bar-action" onClick={() => void cancelSync()} disabled={cancelling} title="Stop this sync; nothing is half-applied">
          {cancelling ? 'Cancelling…' : 'Cancel sync'}
        </button>
      ) : (
        <button type="button" className="button sync-bar-action" onClick={() => void syncNow()} title="Sync now (Ctrl+Shift+S)">
          Sync now
        </button>
      )}
      <DeletionConfirm />
    </footer>
  );
}
