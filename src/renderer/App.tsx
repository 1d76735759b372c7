import { useCallback, useEffect } from 'react';
import { call, errorMessage } from './api/client';
import { DocumentList } from './components/DocumentList';
import { DocumentView } from './components/DocumentView';
import { Toasts } from './components/Toasts';
import { useAppStore } from './store';
import { viewFromHash } from './store/uiSlice';

export function App() {
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  const loadLibrary = useAppStore((s) => s.loadLibrary);
  const loadInfo = useAppStore((s) => s.loadInfo);
  const identity = useAppStore((s) => s.identity);
  const toast = useAppStore((s) => s.toast);

  useEffect(() => {
    void loadInfo();
    void loadLibrary();
  }, [loadInfo, loadLibrary]);

  const createRfc = useCallback(async () => {
    try {
      const doc = await call('docs:create', { kind: 'rfc' });
      await loadLibrary();
      navigate({ name: 'doc', id: doc.id });
    } catch (e) {
      toast('error', errorMessage(e));
    }
  }, [loadLibrary, navigate, toast]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'n' && !e.shiftKey) {
        e.preventDefault();
        void createRfc();
      } else if (mod && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void useAppStore.getState().saveNow();
      }
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
  }, [createRfc]);

  return (
    <div className="app">
      <header className="topbar">
        <a
          href="#library"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            void useAppStore.getState().closeDoc().then(() => navigate({ name: 'library' }));
          }}
        >
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          DesignDesk
        </a>
        <nav aria-label="Main" className="topnav">
          <button type="button" className={`nav-item ${view.name === 'library' ? 'active' : ''}`} onClick={() => void useAppStore.getState().closeDoc().then(() => navigate({ name: 'library' }))}>
            Library
          </button>
        </nav>
        <div className="topbar-actions">
          <button type="button" className="button button-primary" onClick={() => void createRfc()} title="New RFC (Ctrl+N)">
            New RFC
          </button>
          {identity && (
            <span className="identity" title={identity.email}>
              {identity.name}
            </span>
          )}
        </div>
      </header>
      <main className="content">
        {view.name === 'library' ? (
          <>
            <h1 className="page-title">RFCs</h1>
            <DocumentList onCreate={() => void createRfc()} />
          </>
        ) : (
          <DocumentView id={view.id} />
        )}
      </main>
      <Toasts />
    </div>
  );
}
