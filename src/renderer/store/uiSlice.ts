import type { StateCreator } from 'zustand';
import type { Person } from '../../shared/document';
import { call, errorMessage } from '../api/client';
import type { AppState } from './index';

export type View = { name: 'library' } | { name: 'doc'; id: string } | { name: 'actions' } | { name: 'trash' } | { name: 'dashboard' } | { name: 'sync' } | { name: 'conflicts' } | { name: 'settings' } | { name: 'postmortems' } | { name: 'health' };

const PAGES = ['library', 'actions', 'trash', 'dashboard', 'sync', 'conflicts', 'settings', 'postmortems', 'health'] as const;

/** A button on a toast, e.g. "Undo" after a delete. */
export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: ToastAction;
}

export interface UiSlice {
  view: View;
  identity: Person | null;
  /** Bumped after a review act so the history panel reloads (review events do not change the status). */
  historySeq: number;
  workspace: string;
  bridge: 'electron' | 'web';
  toasts: Toast[];
  navigate: (view: View) => void;
  loadInfo: () => Promise<void>;
  /** Acts as another person from now on (shared laptop; the e2e test plays two roles); pending edits are saved first. */
  switchIdentity: (person: Person) => Promise<void>;
  bumpHistory: () => void;
  toast: (kind: Toast['kind'], text: string, action?: ToastAction) => void;
  dismissToast: (id: number) => void;
}

let nextToast = 1;

/** The view lives in the URL fragment, so a reload comes back to the same document. */
export function viewFromHash(hash: string): View {
  const m = /^#doc\/([0-9A-HJKMNP-TV-Z]{26})$/.exec(hash);
  if (m) return { name: 'doc', id: m[1]! };
  const page = PAGES.find((p) => hash === `#${p}`);
  return { name: page ?? 'library' } as View;
}

function hashOf(view: View): string {
  return view.name === 'doc' ? `#doc/${view.id}` : `#${view.name}`;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  view: viewFromHash(window.location.hash),
  identity: null,
  historySeq: 0,
  workspace: '',
  bridge: 'web',
  toasts: [],
  navigate: (view) => {
    if (window.location.hash !== hashOf(view)) history.pushState(null, '', hashOf(view));
    set({ view });
  },
  loadInfo: async () => {
    try {
      const info = await call('app:info', {});
      set({ identity: info.identity, workspace: info.workspace, bridge: info.bridge });
    } catch (e) {
      get().toast('error', errorMessage(e));
    }
  },
  switchIdentity: async (person) => {
    await get().saveNow();
    const identity = await call('identity:set', person);
    set({ identity });
    get().toast('info', `Signed in as ${identity.name}`);
  },
  bumpHistory: () => set((s) => ({ historySeq: s.historySeq + 1 })),
  toast: (kind, text, action) => {
    const id = nextToast++;
    set((s) => ({ toasts: [...s.toasts, { id, kind, text, ...(action ? { action } : {}) }] }));
    // A toast with an action (Undo) stays longer: it is the undo window.
    setTimeout(() => get().dismissToast(id), action ? 10_000 : kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
