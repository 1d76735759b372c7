import type { StateCreator } from 'zustand';
import type { HealthReport } from '../../shared/contract/health';
import { call } from '../api/client';
import type { AppState } from './index';

export interface HealthSlice {
  /** Findings the Health view has not shown yet, as of the last check (the status bar's count). */
  healthNew: number;
  /** The sync (its lastSyncAt) the count was taken after; a newer sync checks again. */
  healthCheckedAfter: string | null;
  /** Checks the repository health after a sync: `lastSyncAt` of the sync status, from any window, the CLI or auto-sync. */
  checkHealthAfterSync: (lastSyncAt: string) => Promise<void>;
  /** The Health view showed this report: nothing in it is new any more. */
  healthShown: (report: HealthReport) => void;
}

export const createHealthSlice: StateCreator<AppState, [], [], HealthSlice> = (set, get) => ({
  healthNew: 0,
  healthCheckedAfter: null,
  checkHealthAfterSync: async (lastSyncAt) => {
    if (get().healthCheckedAfter === lastSyncAt) return;
    set({ healthCheckedAfter: lastSyncAt });
    try {
      const report = await call('health:check', {});
      set({ healthNew: report.newCount });
    } catch {
      // The count is a hint; the next sync checks again and the Health view shows the truth.
    }
  },
  healthShown: (report) => set({ healthNew: report.newCount }),
});
