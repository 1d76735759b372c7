import type { StateCreator } from 'zustand';
import type { Theme } from '../../shared/contract/desktop';
import type { OnboardingState } from '../../shared/contract/onboarding';
import { displayRef } from '../../shared/kinds/kinds';
import { sampleBody, sampleDocuments } from '../../shared/samples/sampleDocuments';
import { call, errorMessage } from '../api/client';
import { applyTheme, storedTheme, storeTheme } from '../theme';
import type { AppState } from './index';

/** Theme and first-run state: how the app looks on this device, and the guided start. */
export interface PrefsSlice {
  theme: Theme;
  /** null until onboarding:state answered. */
  firstRun: boolean | null;
  sampleIds: string[];
  /** The "Remove sample documents?" confirmation is open (asked from the palette, Settings or the library banner). */
  confirmRemoveSamples: boolean;
  setTheme: (theme: Theme) => void;
  loadOnboarding: () => Promise<void>;
  /** Creates one sample document of each kind through the normal calls and remembers their ids. */
  createSamples: () => Promise<number>;
  /** Moves the sample documents to the trash, with an Undo toast. */
  removeSamples: () => Promise<void>;
  finishOnboarding: () => Promise<void>;
}

const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set, get) => {
  const initial = storedTheme();
  applyTheme(initial);
  // The desktop window's chrome starts as System: tell it about a stored choice.
  if (initial !== 'system' && window.designdesk) call('desktop:setTheme', { theme: initial }).catch(() => undefined);
  const setOnboarding = (s: OnboardingState): void => set({ firstRun: s.firstRun, sampleIds: s.sampleIds });
  return {
    theme: initial,
    firstRun: null,
    sampleIds: [],
    confirmRemoveSamples: false,
    setTheme: (theme) => {
      applyTheme(theme);
      storeTheme(theme);
      set({ theme });
      // The desktop window's own chrome follows; the web host has none (applied: false).
      call('desktop:setTheme', { theme }).catch(() => undefined);
    },
    loadOnboarding: async () => {
      try {
        setOnboarding(await call('onboarding:state', {}));
      } catch {
        set({ firstRun: false });
      }
    },
    createSamples: async () => {
      const me = get().identity?.name ?? '';
      const ids: string[] = [];
      for (const sample of sampleDocuments(me, today())) {
        const doc = await call('docs:create', { kind: sample.kind, title: sample.title });
        ids.push(doc.id);
        await call('docs:update', { id: doc.id, baseRevision: doc.revision, body: sampleBody(sample), fields: { ...doc.fields, ...sample.fields } });
        if (sample.status) {
          // A move the review policy refuses (e.g. accepted without approvals) leaves the sample in its first status.
          await call('docs:move', { id: doc.id, to: sample.status }).catch(() => undefined);
        }
      }
      // Only the ids: the guide stays open until finished, though the workspace is no longer empty.
      set({ sampleIds: (await call('onboarding:rememberSamples', { ids })).sampleIds });
      await get().loadLibrary();
      return ids.length;
    },
    removeSamples: async () => {
      const { toast, loadLibrary } = get();
      try {
        const { removed } = await call('onboarding:removeSamples', {});
        set({ sampleIds: [] });
        await loadLibrary();
        const view = get().view;
        if (view.name === 'doc' && removed.some((r) => r.id === view.id)) get().navigate({ name: 'library' });
        toast('info', `Moved ${removed.length} sample ${removed.length === 1 ? 'document' : 'documents'} to the trash.`, {
          label: 'Undo',
          run: async () => {
            for (const r of removed) {
              await call('docs:restore', { id: r.id }).catch((e: unknown) => toast('error', `Could not restore ${displayRef(r.kind, r.number)}: ${errorMessage(e)}`));
            }
            await get().loadOnboarding();
            await loadLibrary();
          },
        });
      } catch (e) {
        toast('error', `Could not remove the sample documents: ${errorMessage(e)}`);
      }
    },
    finishOnboarding: async () => {
      setOnboarding(await call('onboarding:finish', {}));
    },
  };
};
