import { useState } from 'react';
import type { RemoteView } from '../../../shared/contract/sync';
import { call, errorMessage } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';
import { LastSyncReport } from './LastSyncReport';
import { RemoteForm } from './RemoteForm';
import '../../styles/sync.css';

const AUTO_SYNC_CHOICES = [0, 5, 15, 30, 60];

/** How often to sync by itself; off by default. */
function AutoSyncSetting({ minutes, onChange }: { minutes: number; onChange: (m: number) => void }) {
  const [error, setError] = useState<string | null>(null);
  const change = async (m: number): Promise<void> => {
    try {
      const r = await call('sync:setAutoSync', { minutes: m });
      setError(null);
      onChange(r.autoSyncMinutes);
      void useAppStore.getState().refreshSyncStatus();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="sync-section" aria-labelledby="auto-sync-title">
      <h2 id="auto-sync-title">Automatic sync</h2>
      <label className="sync-inline-field">
        <span>Sync by itself</span>
        <select value={minutes} onChange={(e) => void change(Number(e.target.value))}>
          {AUTO_SYNC_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? 'Off (only when I press Sync now)' : `Every ${m} minutes`}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The Sync settings page: connect the team repository, test it, auto-sync, and what the last sync did. */
export function SyncSettings() {
  // undefined until it answers; null when no team repository is connected.
  const { data: remote, error, setData: setRemote } = useQuery<RemoteView | null>('sync:getRemote', () => call('sync:getRemote', {}));
  const identity = useAppStore((s) => s.identity);
  const lastResult = useAppStore((s) => s.syncStatus?.lastResult ?? null);
  const refresh = useAppStore((s) => s.refreshSyncStatus);

  return (
    <div className="sync-page">
      <div className="page-header">
        <h1 className="page-title">Sync</h1>
      </div>
      <p className="sync-intro">
        Share documents through your team’s git repository (GitHub, GitLab, Gitea or any git server over HTTPS). Every document is a Markdown file your
        teammates can read and edit there; a sync pulls their changes in, merges them with yours, and pushes one commit.
      </p>
      {error && (
        <p className="inline-error" role="alert">
          Could not load the sync settings: {error}
        </p>
      )}
      {remote !== undefined && (
        <section className="sync-section" aria-labelledby="remote-title">
          <h2 id="remote-title">Team repository</h2>
          <RemoteForm
            remote={remote}
            identity={identity}
            onSaved={(r) => {
              setRemote(r);
              void refresh();
            }}
            onDisconnected={() => {
              setRemote(null);
              void refresh();
            }}
          />
        </section>
      )}
      {remote && <AutoSyncSetting minutes={remote.autoSyncMinutes} onChange={(m) => setRemote({ ...remote, autoSyncMinutes: m })} />}
      {lastResult && <LastSyncReport result={lastResult} />}
    </div>
  );
}
