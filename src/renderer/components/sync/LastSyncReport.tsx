import type { SyncResult } from '../../../shared/contract/sync';
import { printablePath } from '../../../shared/format/printable';
import { syncSummary } from '../../store/syncSlice';

const VERBS: Record<SyncResult['changes'][number]['action'], string> = { added: 'Added', updated: 'Updated', deleted: 'Deleted', renumbered: 'Renumbered' };

/** What the last sync did: documents in and out, files it could not read and entries it skipped (by path, with the reason). */
export function LastSyncReport({ result }: { result: SyncResult }) {
  return (
    <section className="sync-report" aria-labelledby="sync-report-title">
      <h2 id="sync-report-title">Last sync</h2>
      <p className="sync-report-summary">
        {new Date(result.at).toLocaleString()} — {syncSummary(result)}
        {result.commit && <code className="sync-commit"> {result.commit.slice(0, 8)}</code>}
      </p>
      {result.changes.length > 0 && (
        <table className="doc-table sync-changes">
          <thead>
            <tr>
              <th scope="col">Direction</th>
              <th scope="col">Change</th>
              <th scope="col">Document</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {result.changes.map((c, i) => (
              <tr key={i}>
                <td>{c.direction === 'in' ? '↓ in' : '↑ out'}</td>
                <td>{VERBS[c.action]}</td>
                <td>
                  <strong>{c.ref}</strong> {c.title}
                </td>
                <td>
                  <code>{c.path}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(result.warnings?.length ?? 0) > 0 && (
        <div className="sync-warnings" role="status">
          <h3>Worth knowing</h3>
          <ul>
            {result.warnings!.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {result.errors.length > 0 && (
        <div className="sync-errors" role="alert">
          <h3>Files that could not be read</h3>
          <p>The other documents synced. Fix these files in the repository (or ask who edited them); they stay untouched until then.</p>
          <ul>
            {result.errors.map((e) => (
              <li key={e.path}>
                <code>{printablePath(e.path)}</code>: {e.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(result.skipped?.length ?? 0) > 0 && (
        <div className="sync-skipped">
          <h3>Entries DesignDesk does not read</h3>
          <p>Left in the repository untouched: links, submodules, files in Git LFS and names no document may have. Everything else synced.</p>
          <ul>
            {result.skipped!.map((e) => (
              <li key={e.path}>
                <code>{printablePath(e.path)}</code>: {e.reason.replace(/^skipped: /, '')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
