import { useEffect, useState } from 'react';
import type { Version, VersionSummary } from '../../shared/contract/versions';
import type { Document } from '../../shared/document';
import type { DocKind } from '../../shared/kinds/kinds';
import { statusLabel } from '../../shared/kinds/lifecycle';
import { call, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useAppStore } from '../store';
import { formatWhen, VersionCompare } from './VersionCompare';
import '../styles/versions.css';

/** What a version is, in words: why it was kept. */
function reasonLabel(kind: DocKind, v: VersionSummary): string {
  switch (v.reason) {
    case 'session':
      return 'Editing session started';
    case 'status':
      return `Moved to ${statusLabel(kind, v.status)}`;
    case 'before-restore':
      return 'Before a restore';
    case 'restore':
      return 'Restored an earlier version';
  }
}

/** The panel reopens after a restore reloads the document. */
let reopenFor: string | null = null;

/**
 * The document's versions (kept per editing session, status change and
 * restore): pick one to see what changed since, inline or side by side, and
 * restore it.
 */
export function VersionsPanel({ doc }: { doc: Document }) {
  const [open, setOpen] = useState(() => reopenFor === doc.id);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    reopenFor = null;
  }, []);

  // A save or a status move may have kept a new version: the revision asks again, the list stays meanwhile.
  const list = useQuery(open ? `versions:list:${doc.id}` : null, () => call('versions:list', { docId: doc.id }), { stamp: doc.revision });
  const picked = useQuery(selectedId === null ? null : `versions:get:${doc.id}:${selectedId}`, () => call('versions:get', { docId: doc.id, versionId: selectedId! }));
  const versions = list.data;
  const selected = picked.data;
  const error = restoreError ?? list.error ?? picked.error;

  const restore = async (v: Version): Promise<void> => {
    const store = useAppStore.getState();
    setRestoring(true);
    setRestoreError(null);
    try {
      await store.saveNow();
      await call('versions:restore', { docId: doc.id, versionId: v.id, baseRevision: useAppStore.getState().doc?.revision });
      reopenFor = doc.id;
      await store.reloadDoc();
      void store.loadLibrary();
      store.toast('info', `Restored the version of ${formatWhen(v.at)}.`);
    } catch (e) {
      setRestoreError(errorMessage(e));
      setRestoring(false);
    }
  };

  return (
    <section className="versions-panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading" className="panel-heading">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls="versions-body" onClick={() => setOpen(!open)}>
          <span className="disclosure-mark" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Versions
          {versions && <span className="panel-count">{versions.length}</span>}
        </button>
      </h2>
      {open && (
        <div id="versions-body" className="versions-body">
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          {versions && versions.length === 0 && (
            <p className="links-empty">No versions yet. One is kept when an editing session starts and at every status change.</p>
          )}
          {versions && versions.length > 0 && (
            <div className="versions-layout">
              <ul className="version-list" aria-label="Versions">
                {versions.map((v) => (
                  <li key={v.id}>
                    <button type="button" className="version-item" aria-pressed={v.id === selectedId} onClick={() => setSelectedId(v.id)}>
                      <span className={`version-reason version-reason-${v.reason}`}>{reasonLabel(doc.kind, v)}</span>
                      <span className="version-meta">
                        <time dateTime={v.at}>{formatWhen(v.at)}</time>
                        <span>{v.actor.name}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <div className="version-detail">
                {selected && selected.id === selectedId ? (
                  <VersionCompare
                    version={selected}
                    current={doc}
                    label={`${reasonLabel(doc.kind, selected)} · ${formatWhen(selected.at)} · ${selected.actor.name}`}
                    restoring={restoring}
                    onRestore={() => void restore(selected)}
                  />
                ) : (
                  <p className="version-placeholder">{selectedId === null ? 'Pick a version to compare it with the current text.' : 'Loading…'}</p>
                )}
              </div>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
