import type { StateCreator } from 'zustand';
import { SyncDeletionsDataSchema, type SyncDeletionsData, type SyncResult, type SyncStatus } from '../../shared/contract/sync';
import { ApiCallError, call, errorMessage } from '../api/client';
import type { AppState } from './index';

/** How often the status is read while a sync runs (progress), and otherwise (local change count, auto-sync). */
export const SYNC_POLL_RUNNING_MS = 300;
export const SYNC_POLL_IDLE_MS = 5000;

export interface SyncSlice {
  syncStatus: SyncStatus | null;
  /** The outcome of the last sync started from this window. */
  syncOutcome: { result: SyncResult } | { error: string; code: string } | null;
  /** What the last sync started here would have deleted, waiting for the user's Delete or Cancel (the mass-deletion guard). */
  syncDeletions: SyncDeletionsData | null;
  refreshSyncStatus: () => Promise<void>;
  /** Runs a sync, reading its progress every 300 ms until it ends. `allowDeletes`: the user confirmed syncDeletions. */
  syncNow: (options?: { allowDeletes?: boolean }) => Promise<void>;
  /** The user cancelled the deletions: nothing is deleted, the sync stays stopped. */
  dismissSyncDeletions: () => void;
  /** Stops the running sync (from this window, another, or auto-sync); nothing is half-applied. */
  cancelSync: () => Promise<void>;
}

function summary(r: SyncResult): string {
  const parts = [`${r.in} in`, `${r.out} out`];
  if (r.conflicts) parts.push(`${r.conflicts} ${r.conflicts === 1 ? 'conflict' : 'conflicts'}`);
  if (r.errors.length) parts.push(`${r.errors.length} unreadable ${r.errors.length === 1 ? 'file' : 'files'}`);
  if (r.skipped?.length) parts.push(`${r.skipped.length} skipped`);
  return parts.join(' · ');
}

/** A one-line summary of a sync result: "2 in · 1 out · 1 conflict". */
export const syncSummary = summary;

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set, get) => ({
  syncStatus: null,
  syncOutcome: null,
  syncDeletions: null,
  dismissSyncDeletions: () => set({ syncDeletions: null }),
  refreshSyncStatus: async () => {
    try {
      set({ syncStatus: await call('sync:status', {}) });
    } catch {
      // The status bar keeps the last known status; the next poll tries again.
    }
  },
  syncNow: async (options = {}) => {
    if (get().syncStatus?.running) return;
    set({ syncDeletions: null });
    const poll = setInterval(() => void get().refreshSyncStatus(), SYNC_POLL_RUNNING_MS);
    const s = get().syncStatus;
    if (s) set({ syncStatus: { ...s, running: true, phase: 'fetching', counts: { done: 0, total: 0, in: 0, out: 0, conflicts: 0, errors: 0 } } });
    try {
      const result = await call('sync:run', options.allowDeletes ? { allowDeletes: true } : {});
      set({ syncOutcome: { result } });
      if (result.in > 0 || result.conflicts > 0) await get().loadLibrary();
      // The open document may have changed (its text, or its status sent back to review): show it as it is now, unless edits are pending.
      if (result.in > 0 && get().doc && get().saveState === 'saved') await get().reloadDoc();
      if (result.conflicts > 0) {
        get().toast('error', `Synced with ${result.conflicts} ${result.conflicts === 1 ? 'conflict' : 'conflicts'}: both versions are kept until you choose.`, {
          label: 'Resolve',
          run: () => get().navigate({ name: 'conflicts' }),
        });
      }
    } catch (e) {
      set({ syncOutcome: { error: errorMessage(e), code: e instanceof ApiCallError ? e.code : 'INTERNAL' } });
      const deletions = e instanceof ApiCallError && e.code === 'CONFLICT' ? SyncDeletionsDataSchema.safeParse(e.data) : null;
      if (deletions?.success) set({ syncDeletions: deletions.data });
    } finally {
      clearInterval(poll);
      await get().refreshSyncStatus();
    }
  },
  cancelSync: async () => {
    const s = get().syncStatus;
    if (s?.running) set({ syncStatus: { ...s, phase: 'cancelling' } });
    try {
      await call('sync:cancel', {});
    } finally {
      await get().refreshSyncStatus();
    }
  },
});
