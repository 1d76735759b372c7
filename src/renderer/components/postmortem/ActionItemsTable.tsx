import { useState } from 'react';
import type { Document } from '../../../shared/document';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  isClosed,
  isOverdue,
  MAX_ACTION_ITEMS,
  nextRowId,
  type ActionItem,
  type ActionStatus,
} from '../../../shared/kinds/postmortem';
import { withLink, withStatus } from './actionItemEdits';
import { AddressedBy } from './AddressedBy';
import { patchRow, removeRow } from './rowEdits';
import { AddRowButton, DeleteRowButton, RowActionsHeader } from './RowButtons';
import { localToday, usePostmortemFields } from './usePostmortemFields';

/**
 * The follow-up work: what, who, by when, where it stands, and the RFC or
 * ADR that addresses it. Past-due items that are not closed say "Overdue";
 * a "won't do" item asks for its reason.
 */
export function ActionItemsTable({ doc }: { doc: Document }) {
  const [f, update] = usePostmortemFields(doc);
  const [added, setAdded] = useState<string | null>(null);
  const today = localToday();
  const items = f.actionItems;
  const people = [...new Set([f.author, ...f.attendees].map((p) => p.trim()).filter(Boolean))];
  const setItems = (fn: (items: ActionItem[]) => ActionItem[]): void => update((cur) => ({ actionItems: fn(cur.actionItems) }));
  const setItem = (id: string, patch: Partial<ActionItem>): void => setItems((its) => patchRow(its, id, patch));
  const open = items.filter((it) => !isClosed(it.status)).length;
  const overdue = items.filter((it) => isOverdue(it, today)).length;

  return (
    <section className="pm-card pm-actions" aria-labelledby="pm-actions-heading">
      <div className="pm-card-header">
        <h2 id="pm-actions-heading" className="pm-card-title">
          Action items
        </h2>
        <p className="pm-hint">Each action gets one owner and a due date; they all show up under Action items in the top bar.</p>
        {items.length > 0 && (
          <div className="pm-card-actions pm-counts">
            <span>{open} open</span>
            {overdue > 0 && <span className="pm-overdue-tag">{overdue} overdue</span>}
          </div>
        )}
      </div>
      {items.length === 0 ? (
        <p className="pm-empty">No action items yet. Add what will stop this from happening again, or make it smaller next time.</p>
      ) : (
        <table className="pm-table" aria-label="Action items">
          <thead>
            <tr>
              <th scope="col" className="pm-col-num">
                #
              </th>
              <th scope="col">Action</th>
              <th scope="col" className="pm-col-owner">
                Owner
              </th>
              <th scope="col" className="pm-col-due">
                Due
              </th>
              <th scope="col" className="pm-col-status">
                Status
              </th>
              <RowActionsHeader />
            </tr>
          </thead>
          <tbody>
            {items.map((it, i) => {
              const n = i + 1;
              const late = isOverdue(it, today);
              return (
                <tr key={it.id} className={late ? 'pm-row-overdue' : undefined}>
                  <td className="pm-col-num">{n}</td>
                  <td>
                    <input
                      className="pm-cell-input"
                      value={it.action}
                      maxLength={500}
                      aria-label={`Action of action item ${n}`}
                      placeholder="What will be done"
                      autoFocus={it.id === added}
                      onChange={(e) => setItem(it.id, { action: e.target.value })}
                    />
                    <AddressedBy value={it.link ?? ''} n={n} onCommit={(link) => setItems((its) => its.map((x) => (x.id === it.id ? withLink(x, link) : x)))} />
                  </td>
                  <td className="pm-col-owner">
                    <input
                      className="pm-cell-input"
                      value={it.owner}
                      maxLength={200}
                      list="pm-people"
                      aria-label={`Owner of action item ${n}`}
                      placeholder="Who"
                      onChange={(e) => setItem(it.id, { owner: e.target.value })}
                    />
                  </td>
                  <td className="pm-col-due">
                    <input
                      type="date"
                      className="pm-cell-input"
                      value={it.due}
                      aria-label={`Due date of action item ${n}`}
                      aria-describedby={late ? `pm-overdue-${it.id}` : undefined}
                      onChange={(e) => setItem(it.id, { due: e.target.value })}
                    />
                    {late && (
                      <span id={`pm-overdue-${it.id}`} className="pm-overdue-tag">
                        Overdue
                      </span>
                    )}
                  </td>
                  <td className="pm-col-status">
                    <select
                      className={`pm-cell-input pm-status-${it.status}`}
                      value={it.status}
                      aria-label={`Status of action item ${n}`}
                      onChange={(e) => setItems((its) => its.map((x) => (x.id === it.id ? withStatus(x, e.target.value as ActionStatus, today) : x)))}
                    >
                      {ACTION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {ACTION_STATUS_LABELS[s]}
                        </option>
                      ))}
                    </select>
                    {it.status === 'wont-do' && (
                      <span className="pm-reason">
                        <input
                          className={`pm-cell-input ${it.reason?.trim() ? '' : 'pm-needs-reason'}`}
                          value={it.reason ?? ''}
                          maxLength={500}
                          aria-label={`Reason action item ${n} will not be done`}
                          aria-describedby={it.reason?.trim() ? undefined : `pm-reason-${it.id}`}
                          placeholder="Why not"
                          onChange={(e) => setItem(it.id, { reason: e.target.value })}
                        />
                        {!it.reason?.trim() && (
                          <span id={`pm-reason-${it.id}`} className="pm-hint pm-warning">
                            Say why it will not be done
                          </span>
                        )}
                      </span>
                    )}
                  </td>

                  <td className="pm-col-actions">
                    <DeleteRowButton label={`Delete action item ${n}`} onDelete={() => setItems((its) => removeRow(its, it.id))} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <datalist id="pm-people">
        {people.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <AddRowButton
        disabled={items.length >= MAX_ACTION_ITEMS}
        onAdd={() =>
          setItems((its) => {
            const id = nextRowId(its, 'a');
            setAdded(id);
            return [...its, { id, action: '', owner: '', due: '', status: 'open' }];
          })
        }
      >
        + Add action item
      </AddRowButton>
    </section>
  );
}
