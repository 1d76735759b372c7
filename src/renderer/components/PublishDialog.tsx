import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PublishProgressView, PublishResult } from '../../shared/contract/site';
import { call, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useAppStore } from '../store';
import { closePublishDialog, usePublishDialog } from '../store/publishDialog';
import '../styles/publish.css';
import { Modal } from './Modal';

const defaultDir = (workspace: string): string => (workspace ? `${workspace.replace(/[\\/]+$/, '')}${workspace.includes('\\') ? '\\' : '/'}site` : '');

/**
 * "Publish site...": the workspace as a static site in a folder the user
 * names (the same site as `designdesk publish DIR`). The main side builds it
 * in a worker; this polls site:status for the progress bar.
 */
export function PublishDialog() {
  const open = usePublishDialog((s) => s.open);
  return open ? <PublishForm /> : null;
}

function PublishForm() {
  const workspace = useAppStore((s) => s.workspace);
  const [dir, setDir] = useState(() => defaultDir(workspace));
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);

  // While it publishes, site:status is asked every 300 ms (each tick a new stamp): a late answer never moves the bar
  // back, and a second publish starts from an empty bar.
  const [tick, setTick] = useState(0);
  const [run, setRun] = useState(0);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setTick((n) => n + 1), 300);
    return () => clearInterval(timer);
  }, [busy]);
  const progress: PublishProgressView | undefined = useQuery(busy ? `site:status:${run}` : null, () => call('site:status', {}), { stamp: tick }).data;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setRun((n) => n + 1);
    setBusy(true);
    setError(null);
    setResult(null);
    call('site:publish', { dir, ...(title.trim() ? { title: title.trim() } : {}) })
      .then(setResult, (err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };
  const close = (): void => {
    if (!busy) closePublishDialog();
  };

  return (
    <Modal className="publish-dialog" labelledBy={titleId} onClose={close} initialFocus={first}>
        <h2 id={titleId}>Publish site</h2>
        <p>A static site of every document (search, filters, a timeline, an Atom feed) that opens from the folder or from any web host. Publishing into the same folder again rewrites only what changed.</p>
        <form onSubmit={submit} className="publish-form">
          <div className="field">
            <label htmlFor="publish-dir">Folder</label>
            <input id="publish-dir" ref={first} type="text" value={dir} onChange={(e) => setDir(e.target.value)} disabled={busy} required spellCheck={false} />
            <span className="field-hint">The full path of a folder on this computer; it is created if needed.</span>
          </div>
          <div className="field">
            <label htmlFor="publish-title">Site title</label>
            <input id="publish-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} disabled={busy} placeholder="Design documents" maxLength={200} />
          </div>
          {busy && (
            <div role="status">
              <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label="Publishing" />
              <p>{progress && progress.total ? `${progress.done} of ${progress.total} pages` : 'Reading the documents…'}</p>
            </div>
          )}
          {result && (
            <p className="publish-result" role="status">
              Published {result.documents} document{result.documents === 1 ? '' : 's'}: {result.written} file{result.written === 1 ? '' : 's'} written, {result.unchanged} unchanged. Open <code>{result.index}</code> in a browser.
            </p>
          )}
          {error && (
            <p className="publish-error" role="alert">
              {error}
            </p>
          )}
          <div className="publish-actions">
            <button type="button" className="button" onClick={close} disabled={busy}>
              {result ? 'Close' : 'Cancel'}
            </button>
            <button type="submit" className="button button-primary" disabled={busy || !dir.trim()}>
              {busy ? 'Publishing…' : 'Publish'}
            </button>
          </div>
        </form>
    </Modal>
  );
}
