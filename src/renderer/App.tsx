import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocKind } from '../shared/kinds/kinds';
import { call, errorMessage } from './api/client';
import { CommandPalette } from './components/CommandPalette';
import { HelpDialog } from './components/HelpDialog';
import { IdentityMenu } from './components/IdentityMenu';
import { LibraryView } from './components/LibraryView';
import { NewDocumentMenu } from './components/NewDocumentMenu';
import { FirstRun } from './components/onboarding/FirstRun';
import { SampleBanner } from './components/onboarding/SampleBanner';
import { QuickOpen } from './components/QuickOpen';
import { RemoveSamplesDialog } from './components/settings/RemoveSamplesDialog';
import { PublishDialog } from './components/PublishDialog';
import { SyncStatusBar } from './components/sync/SyncStatusBar';
import { Toasts } from './components/Toasts';
import { ViewBoundary } from './components/ViewBoundary';
import { useAppStore } from './store';
import { SHORTCUTS, type Shortcut } from './shortcuts';
import { viewFromHash, type View } from './store/uiSlice';
import { useAppCommands } from './useAppCommands';
import { useMenuCommands } from './useMenuCommands';

// Views other than the library load when first opened (their own chunks), so the library paints without
// waiting for the editor (and @uiw/react-md-editor), the dashboards or the settings.
/** Each view by name, for the message that takes its place if it fails (ViewBoundary). */
const VIEW_NAMES: Record<View['name'], string> = {
  library: 'The library',
  doc: 'This document',
  actions: 'Action items',
  trash: 'The trash',
  dashboard: 'The dashboard',
  sync: 'Sync settings',
  conflicts: 'The sync conflicts',
  settings: 'Settings',
  postmortems: 'The postmortems overview',
  health: 'The library health check',
};

const DocumentView = lazy(() => import('./components/DocumentView').then((m) => ({ default: m.DocumentView })));
const DashboardView = lazy(() => import('./components/dashboard/DashboardView').then((m) => ({ default: m.DashboardView })));
const HealthView = lazy(() => import('./components/health/HealthView').then((m) => ({ default: m.HealthView })));
const PostmortemsOverview = lazy(() => import('./components/postmortem/PostmortemsOverview').then((m) => ({ default: m.PostmortemsOverview })));
const SettingsView = lazy(() => import('./components/settings/SettingsView').then((m) => ({ default: m.SettingsView })));
const ConflictsView = lazy(() => import('./components/sync/ConflictsView').then((m) => ({ default: m.ConflictsView })));
const SyncSettings = lazy(() => import('./components/sync/SyncSettings').then((m) => ({ default: m.SyncSettings })));
const ActionItemsView = lazy(() => import('./components/ActionItemsView').then((m) => ({ default: m.ActionItemsView })));
const TrashView = lazy(() => import('./components/TrashView').then((m) => ({ default: m.TrashView })));


const NAV: { view: View; label: string }[] = [
  { view: { name: 'dashboard' }, label: 'Dashboard' },
  { view: { name: 'library' }, label: 'Library' },
  { view: { name: 'actions' }, label: 'Action items' },
  { view: { name: 'postmortems' }, label: 'Postmortems' },
  { view: { name: 'trash' }, label: 'Trash' },
  { view: { name: 'sync' }, label: 'Sync' },
  { view: { name: 'health' }, label: 'Health' },
  { view: { name: 'settings' }, label: 'Settings' },
];

export function App() {
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  const loadLibrary = useAppStore((s) => s.loadLibrary);
  const loadInfo = useAppStore((s) => s.loadInfo);
  const toast = useAppStore((s) => s.toast);
  const [dialog, setDialog] = useState<'quickOpen' | 'help' | 'palette' | null>(null);
  const firstRun = useAppStore((s) => s.firstRun);

  useEffect(() => {
    void loadInfo();
    void loadLibrary();
    void useAppStore.getState().loadOnboarding();
  }, [loadInfo, loadLibrary]);

  const go = useCallback((v: View) => void useAppStore.getState().closeDoc().then(() => navigate(v)), [navigate]);

  const create = useCallback(
    async (kind: DocKind, template?: string) => {
      try {
        const doc = await call('docs:create', template === undefined ? { kind } : { kind, template });
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
    sync: () => void useAppStore.getState().syncNow(),
    palette: () => setDialog('palette'),
  };

  // Every action by name: the command palette lists them, the desktop menu runs them (MENU_TO_COMMAND).
  const commandActions = useMemo(
    () => ({
      create: (k: DocKind) => void create(k),
      go,
      quickOpen: () => setDialog('quickOpen'),
      search: () => actions.current.search(),
      save: () => actions.current.save(),
      syncNow: () => actions.current.sync(),
      showShortcuts: () => setDialog('help'),
    }),
    [create, go],
  );
  const commands = useAppCommands(commandActions);
  useMenuCommands(commands, actions.current.palette);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const hit = SHORTCUTS.find((s) => s.matches(e));
      if (!hit || useAppStore.getState().firstRun) return;
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

  if (firstRun) {
    return (
      <>
        <FirstRun />
        <Toasts />
      </>
    );
  }

  return (
    <div className="app">
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <a
          href="#library"
          className="brand"
          title="DesignDesk: the library"
          aria-label="DesignDesk: the library"
          onClick={(e) => {
            e.preventDefault();
            go({ name: 'library' });
          }}
        >
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          <span className="brand-name">DesignDesk</span>
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
          <NewDocumentMenu onCreate={(k, t) => void create(k, t)} />
          <button type="button" className="button button-quiet icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (F1)" onClick={() => setDialog('help')}>
            ?
          </button>
          <IdentityMenu />
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <ViewBoundary resetKey={view.name === 'doc' ? `doc:${view.id}` : view.name} what={VIEW_NAMES[view.name]}>
        {view.name === 'library' && <SampleBanner />}
        {view.name === 'library' && <LibraryView onCreate={(k) => void create(k)} />}
        <Suspense fallback={<p className="loading">Loading…</p>}>
        {view.name === 'doc' && <DocumentView id={view.id} />}
        {view.name === 'actions' && <ActionItemsView />}
        {view.name === 'postmortems' && <PostmortemsOverview />}
        {view.name === 'trash' && <TrashView />}
        {view.name === 'dashboard' && <DashboardView />}
        {view.name === 'sync' && <SyncSettings />}
        {view.name === 'conflicts' && <ConflictsView />}
        {view.name === 'settings' && <SettingsView />}
        {view.name === 'health' && <HealthView />}
        </Suspense>
        </ViewBoundary>
      </main>
      <SyncStatusBar />
      <Toasts />
      {dialog === 'quickOpen' && <QuickOpen onClose={() => setDialog(null)} />}
      {dialog === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
      {dialog === 'palette' && <CommandPalette commands={commands} onClose={() => setDialog(null)} />}
      <RemoveSamplesDialog />
      <PublishDialog />
    </div>
  );
}
