import type { StateCreator } from 'zustand';
import type { Person } from '../../shared/document';
import { call, errorMessage } from '../api/client';
import type { AppState } from './index';

export type View = { name: 'library' } | { name: 'doc'; id: string } | { name: 'actions' } | { name: 'trash' };

const PAGES = ['library', 'actions', 'trash'] as const;

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface UiSlice {
  view: View;
  identity: Person | null;
  workspace: string;
  toasts: Toast[];
  navigate: (view: View) => void;
  loadInfo: () => Promise<void>;
  toast: (kind: Toast['kind'], text: string) => void;
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
  workspace: '',
  toasts: [],
  navigate: (view) => {
    if (window.location.hash !== hashOf(view)) history.pushState(null, '', hashOf(view));
    set({ view });
  },
  loadInfo: async () => {
    try {
      const info = await call('app:info', {});
      set({ identity: info.identity, workspace: info.workspace });
    } catch (e) {
      get().toast('error', errorMessage(e));
    }
  },
  toast: (kind, text) => {
    const id = nextToast++;
    set((s) => ({ toasts: [...s.toasts, { id, kind, text }] }));
    setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
