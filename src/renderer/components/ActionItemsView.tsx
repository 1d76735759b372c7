import { useMemo, useState } from 'react';
import type { ActionItemRow } from '../../shared/contract/actions';
import { displayRef } from '../../shared/kinds/kinds';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from '../../shared/kinds/postmortem';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useAppStore } from '../store';
import '../styles/postmortem.css';
import { localToday } from './postmortem/usePostmortemFields';

interface Filters {
  owner: string;
  status: ActionStatus | '';
  overdueOnly: boolean;
}

const NO_FILTERS: Filters = { owner: '', status: '', overdueOnly: false };

function formatDue(due: string): string {
  if (!due) return 'No due date';
  const [y, m, d] = due.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** Every action item across all postmortems, filterable by owner, status and overdue; each links to its postmortem. */
export function ActionItemsView() {
  const navigate = useAppStore((s) => s.navigate);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const today = localToday();
  // Every item, for the owner list and the total; then the items the filters keep. Only the latest answer is shown.
  const all = useQuery(`actions:list:${today}`, () => call('actions:list', { today }));
  const owners = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of all.data ?? []) if (r.owner.trim()) names.set(r.owner.trim().toLowerCase(), r.owner.trim());
    return [...names.values()].sort((x, y) => x.localeCompare(y));
  }, [all.data]);
  const total = all.data ? all.data.length : null;
  const shown = useQuery(`actions:list:${today}:${JSON.stringify(filters)}`, () =>
    call('actions:list', {
      today,
      ...(filters.owner ? { owner: filters.owner } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.overdueOnly ? { overdueOnly: true } : {}),
    }),
  );
  const rows: ActionItemRow[] | null = shown.data ?? null;
  const error = shown.error ?? all.error;

  const filtered = filters.owner !== '' || filters.status !== '' || filters.overdueOnly;
  const overdueCount = rows?.filter((r) => r.overdue).length ?? 0;

  return (
    <div className="actions-view">
      <div className="actions-header">
        <h1 className="page-title">Action items</h1>
        {rows && rows.length > 0 && (
          <p className="actions-summary" aria-live="polite">
            {rows.length} {rows.length === 1 ? 'item' : 'items'}
            {overdueCount > 0 && <span className="pm-overdue-tag">{overdueCount} overdue</span>}
          </p>
        )}
      </div>
      {total !== 0 && (
        <form className="actions-filters" aria-label="Filter action items" onSubmit={(e) => e.preventDefault()}>
          <label className="actions-filter">
            <span className="pm-label">Owner</span>
            <select value={filters.owner} onChange={(e) => setFilters((f) => ({ ...f, owner: e.target.value }))}>
              <option value="">Anyone</option>
              {owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
          <label className="actions-filter">
            <span className="pm-label">Status</span>
            <select value={filters.status} onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value as Filters['status'] }))}>
              <option value="">Any status</option>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="actions-filter actions-filter-check">
            <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => setFilters((f) => ({ ...f, overdueOnly: e.target.checked }))} />
            Overdue only
          </label>
          {filtered && (
            <button type="button" className="button button-quiet" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </button>
          )}
        </form>
      )}
      {error && (
        <p className="inline-error" role="alert">
          Could not load action items: {error}
        </p>
      )}
      {!error && rows === null && <p className="loading">Loading action items…</p>}
      {rows && rows.length === 0 && (
        <div className="empty-state">
          {filtered ? (
            <>
              <h2>No action items match these filters</h2>
              <p>Try another owner or status, or clear the filters.</p>
              <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            </>
          ) : (
            <>
              <h2>No action items yet</h2>
              <p>Action items come from postmortems. Create a postmortem from the New menu, add its action items, and follow them up here.</p>
            </>
          )}
        </div>
      )}
      {rows && rows.length > 0 && (
        <table className="doc-table actions-table" aria-label="Action items">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Postmortem</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.docId}/${r.itemId}`} className={`doc-row ${r.overdue ? 'pm-row-overdue' : ''}`} data-testid="action-row">
                <td className="actions-action">{r.action || <span className="pm-muted">(no description)</span>}</td>
                <td>{r.owner || <span className="pm-muted">Unassigned</span>}</td>
                <td className="actions-due">
                  {r.due ? <time dateTime={r.due}>{formatDue(r.due)}</time> : <span className="pm-muted">No due date</span>}
                  {r.overdue && <span className="pm-overdue-tag">Overdue</span>}
                </td>
                <td>
                  <span className={`badge pm-status-badge pm-status-${r.status}`}>{ACTION_STATUS_LABELS[r.status]}</span>
                  {r.reason && <span className="actions-reason">{r.reason}</span>}
                  {r.link && <span className="actions-link">Addressed by {r.link}</span>}
                </td>
                <td>
                  <a
                    href={`#doc/${r.docId}`}
                    className="doc-link actions-doc-link"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ name: 'doc', id: r.docId });
                    }}
                  >
                    <span className="doc-ref">{displayRef('postmortem', r.docNumber)}</span> {r.docTitle}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
