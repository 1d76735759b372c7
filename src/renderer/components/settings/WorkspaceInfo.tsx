import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { useAppStore } from '../../store';

/**
 * Where the workspace is. On the desktop a folder picker changes it (the app
 * restarts on the new folder); in a browser the host fixed it at start.
 */
export function WorkspaceInfo() {
  const workspace = useAppStore((s) => s.workspace);
  const bridge = useAppStore((s) => s.bridge);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const choose = async (): Promise<void> => {
    try {
      const { path } = await call('desktop:chooseWorkspace', {});
      if (path && path !== workspace) setStatus({ kind: 'info', text: `Restarting DesignDesk on ${path}…` });
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e) });
    }
  };
  return (
    <div className="workspace-info">
      <p className="workspace-path">
        <span className="field-label">Folder</span> <code>{workspace || '…'}</code>
      </p>
      {bridge === 'electron' ? (
        <button type="button" className="button" onClick={() => void choose()}>
          Choose another folder…
        </button>
      ) : (
        <p className="field-hint">
          This browser session uses the workspace DesignDesk was started with. To use another folder, start it with <code>npm run web -- --workspace DIR</code>.
        </p>
      )}
      {status && (
        <p className={status.kind === 'error' ? 'inline-error' : 'field-hint'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
