import { useEffect, useState } from 'react';
import type { HealthCheck, HealthFinding, HealthReport } from '../../../shared/contract/health';
import { call, errorMessage } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';
import '../../styles/versions.css';
import '../../styles/health.css';

const CHECK_LABELS: Record<HealthCheck, string> = {
  'duplicate-number': 'Duplicate number',
  'duplicate-id': 'Duplicate id',
  'broken-reference': 'Broken reference',
  'one-sided-supersede': 'One-sided supersede link',
  'missing-supersede-target': 'Supersede link to nothing',
  'unreadable-file': 'File that could not be read',
  'orphan-review': 'Review records without a document',
};

/**
 * Repository health: what `designdesk lint` finds, on this workspace and the
 * last sync, with a Fix button where the fix is obvious. Opening the view
 * marks every finding as seen, so the status bar only counts new ones.
 */
export function HealthView() {
  const [busy, setBusy] = useState<string | null>(null);
  // health:seen reads the report and marks its findings seen; the status bar's count follows the report shown.
  const { data: report, error, reload: load } = useQuery<HealthReport>('health:seen', () => call('health:seen', {}));
  useEffect(() => {
    if (report) useAppStore.getState().healthShown(report);
  }, [report]);

  const fix = async (f: HealthFinding): Promise<void> => {
    const { toast, loadLibrary } = useAppStore.getState();
    setBusy(f.key);
    try {
      await call('health:fix', { key: f.key });
      toast('info', `Fixed: ${f.fix ?? f.reason}. The change goes to the team repository with the next sync.`);
      void loadLibrary();
    } catch (e) {
      toast('error', `Could not fix it: ${errorMessage(e)}`);
    } finally {
      setBusy(null);
      load();
    }
  };

  const findings = report?.findings ?? [];
  return (
    <>
      <div className="page-header">
        <h1 className="page-title">Repository health</h1>
        <button type="button" className="button" onClick={load}>
          Check again
        </button>
      </div>
      <p className="page-note">
        The checks of <code>designdesk lint</code> on this workspace: duplicate numbers, broken references, supersede links that do not point back, files the last sync
        could not read, and review records of documents that do not exist.
      </p>
      {error && (
        <p className="inline-error" role="alert">
          Could not check the repository: {error}
        </p>
      )}
      {report && findings.length === 0 && (
        <div className="empty-state health-empty">
          <div className="empty-mark" aria-hidden="true">
            ✓
          </div>
          <h2>No problems found</h2>
          <p>Every reference and supersede link points at a document, and the last sync read every file.</p>
        </div>
      )}
      {findings.length > 0 && (
        <ul className="health-list" aria-label="Health findings">
          {findings.map((f) => (
            <li key={f.key} className="health-item" data-testid="health-finding">
              <div className="health-head">
                <span className={`health-check health-check-${f.check}`}>{CHECK_LABELS[f.check]}</span>
                {f.label && f.docId ? (
                  <a className="health-doc" href={`#doc/${f.docId}`}>
                    {f.label}
                  </a>
                ) : (
                  <code className="health-path">{f.path}</code>
                )}
              </div>
              <p className="health-reason">{f.reason}</p>
              {f.fix && (
                <button type="button" className="button health-fix" disabled={busy !== null} onClick={() => void fix(f)}>
                  {busy === f.key ? 'Fixing…' : `Fix: ${f.fix}`}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
