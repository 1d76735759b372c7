import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocKind } from '../shared/kinds/kinds';
import { call, errorMessage } from './api/client';
import { ActionItemsView } from './components/ActionItemsView';
import { DocumentView } from './components/DocumentView';
import { DashboardView } from './components/dashboard/DashboardView';
import { HelpDialog } from './components/HelpDialog';
import { IdentityMenu } from './components/IdentityMenu';
import { LibraryView } from './components/LibraryView';
import { NewDocumentMenu } from './components/NewDocumentMenu';
import { QuickOpen } from './components/QuickOpen';
import { Toasts } from './components/Toasts';
import { TrashView } from './components/TrashView';
import { useAppStore } from './store';
import { SHORTCUTS, type Shortcut } from './shortcuts';
import { viewFromHash, type View } from './store/uiSlice';

const NAV: { view: View; label: string }[] = [
  { view: { name: 'dashboard' }, label: 'Dashboard' },
  { view: { name: 'library' }, label: 'Library' },
  { view: { name: 'actions' }, label: 'Action items' },
  { view: { name: 'trash' }, label: 'Trash' },
];

export function App() {
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  const loadLibrary = useAppStore((s) => s.loadLibrary);
  const loadInfo = useAppStore((s) => s.loadInfo);
  const toast = useAppStore((s) => s.toast);
  const [dialog, setDialog] = useState<'quickOpen' | 'help' | null>(null);

  useEffect(() => {
    void loadInfo();
    void loadLibrary();
  }, [loadInfo, loadLibrary]);

  const go = useCallback((v: View) => void useAppStore.getState().closeDoc().then(() => navigate(v)), [navigate]);

  const create = useCallback(
    async (kind: DocKind) => {
      try {
        const doc = await call('docs:create', { kind });
        await loadLibrary();
        navigate({ name: 'doc', id: doc.id });
      } catch (e) {
        toast('error', errorMessage(e));
      }
    },
    [loadLibrary, navigate, toast],
  );

  const actions = useRef<Record<Shortcut['id'], () => void>>(null!);
  actions.current = {
    new: () => void create('rfc'),
    quickOpen: () => setDialog('quickOpen'),
    search: () => {
      go({ name: 'library' });
      requestAnimationFrame(() => document.getElementById('library-search')?.focus());
    },
    save: () => void useAppStore.getState().saveNow(),
    help: () => setDialog('help'),
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const hit = SHORTCUTS.find((s) => s.matches(e));
      if (!hit) return;
      e.preventDefault();
      actions.current[hit.id]();
    };
    // Flush a pending autosave when the page goes away (close, reload, tab switch).
    const onHide = (): void => {
      if (useAppStore.getState().saveState !== 'saved') void useAppStore.getState().saveNow({ keepalive: true });
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') onHide();
    };
    const onPop = (): void => {
      void useAppStore.getState().closeDoc().then(() => useAppStore.setState({ view: viewFromHash(window.location.hash) }));
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('keydown', onKey);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <a
          href="#library"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            go({ name: 'library' });
          }}
        >
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          DesignDesk
        </a>
        <nav aria-label="Main" className="topnav">
          {NAV.map((n) => (
            <button
              key={n.view.name}
              type="button"
              className={`nav-item ${view.name === n.view.name ? 'active' : ''}`}
              aria-current={view.name === n.view.name ? 'page' : undefined}
              onClick={() => go(n.view)}
            >
              {n.label}
            </button>
          ))}
        </nav>
        <div className="topbar-actions">
          <button type="button" className="button button-quiet" onClick={() => setDialog('quickOpen')} title="Quick open (Ctrl+K)">
            Open…
          </button>
          <NewDocumentMenu onCreate={(k) => void create(k)} />
          <button type="button" className="button button-quiet icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (F1)" onClick={() => setDialog('help')}>
            ?
          </button>
          <IdentityMenu />
        </div>
      </header>
      <main className="content">
        {view.name === 'library' && <LibraryView onCreate={(k) => void create(k)} />}
        {view.name === 'doc' && <DocumentView id={view.id} />}
        {view.name === 'actions' && <ActionItemsView />}
        {view.name === 'trash' && <TrashView />}
        {view.name === 'dashboard' && <DashboardView />}
      </main>
      <Toasts />
      {dialog === 'quickOpen' && <QuickOpen onClose={() => setDialog(null)} />}
      {dialog === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
