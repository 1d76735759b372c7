import { useEffect, useRef, useState } from 'react';
import type { Document } from '../../../shared/document';
import {
  MAX_TIMELINE_ROWS,
  MILESTONE_LABELS,
  MILESTONES,
  nextRowId,
  parseTimelineTime,
  sortTimeline,
  type Milestone,
  type TimelineEntry,
} from '../../../shared/kinds/postmortem';
import { CommitInput } from './CommitInput';
import { MilestoneTimes } from './MilestoneTimes';
import { moveRow, patchRow, removeRow } from './rowEdits';
import { AddRowButton, DeleteRowButton, MoveRowButton, RowActionsHeader } from './RowButtons';
import { usePostmortemFields } from './usePostmortemFields';

/** A row without its milestone key, so unmarking leaves the row as an older file wrote it. */
function withMilestone(row: TimelineEntry, milestone: Milestone | ''): TimelineEntry {
  const { milestone: _old, ...rest } = row;
  return milestone ? { ...rest, milestone } : rest;
}

/**
 * The incident timeline: one row per event with its UTC time, some marked
 * as the start, detection, mitigation or resolution, from which the times
 * to detect, mitigate and resolve are shown. Rows stay in the order the
 * person put them until they ask to sort by time.
 */
export function TimelineTable({ doc }: { doc: Document }) {
  const [f, update] = usePostmortemFields(doc);
  const [added, setAdded] = useState<string | null>(null);
  const [moved, setMoved] = useState<{ id: string; by: -1 | 1 } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const rows = f.timeline;
  const sorted = sortTimeline(rows, f.incidentDate);
  const inOrder = sorted.every((r, i) => r === rows[i]);
  const setRows = (fn: (rows: TimelineEntry[], date: string) => TimelineEntry[]): void =>
    update((cur) => ({ timeline: fn(cur.timeline, cur.incidentDate) }));
  const setRow = (id: string, patch: Partial<TimelineEntry>): void => setRows((rs) => patchRow(rs, id, patch));
  const moveBy = (id: string, by: -1 | 1): void => {
    setRows((rs) => moveRow(rs, id, by));
    setMoved({ id, by });
  };

  // Reordering re-inserts the row's DOM nodes, which drops focus: give it back so the row can keep moving.
  useEffect(() => {
    if (!moved) return;
    const buttons = tableRef.current?.querySelectorAll<HTMLButtonElement>(`tr[data-row-id="${moved.id}"] [data-move]`);
    const wanted = [...(buttons ?? [])].find((b) => b.dataset.move === String(moved.by) && !b.disabled) ?? [...(buttons ?? [])].find((b) => !b.disabled);
    wanted?.focus();
  }, [moved]);

  return (
    <section className="pm-card pm-timeline" aria-labelledby="pm-timeline-heading">
      <div className="pm-card-header">
        <h2 id="pm-timeline-heading" className="pm-card-title">
          Timeline
        </h2>
        <p className="pm-hint">Times in UTC: HH:MM on the incident date, or YYYY-MM-DD HH:MM when it spans days.</p>
        <div className="pm-card-actions">
          {!inOrder && <span className="pm-order-note">Not in time order</span>}
          <button type="button" className="button" disabled={rows.length < 2} onClick={() => setRows((rs, date) => sortTimeline(rs, date))}>
            Sort by time
          </button>
        </div>
      </div>
      {rows.length > 0 && <MilestoneTimes timeline={rows} incidentDate={f.incidentDate} />}
      {rows.length === 0 ? (
        <p className="pm-empty">No events yet. Start with when the problem began, then detection, escalation, mitigation and resolution.</p>
      ) : (
        <table className="pm-table" aria-label="Timeline" ref={tableRef}>
          <thead>
            <tr>
              <th scope="col" className="pm-col-num">
                #
              </th>
              <th scope="col" className="pm-col-time">
                Time (UTC)
              </th>
              <th scope="col">Event</th>
              <th scope="col" className="pm-col-milestone">
                Milestone
              </th>
              <RowActionsHeader />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const n = i + 1;
              return (
                <tr key={row.id} data-row-id={row.id}>
                  <td className="pm-col-num">{n}</td>
                  <td className="pm-col-time">
                    <CommitInput
                      value={row.time}
                      parse={parseTimelineTime}
                      error="Use HH:MM or YYYY-MM-DD HH:MM"
                      aria-label={`Time of timeline row ${n}`}
                      placeholder="HH:MM"
                      className="pm-time-input"
                      autoFocus={row.id === added}
                      onCommit={(time) => setRow(row.id, { time })}
                    />
                  </td>
                  <td>
                    <input
                      className="pm-cell-input"
                      value={row.event}
                      maxLength={2000}
                      aria-label={`Event of timeline row ${n}`}
                      placeholder="What happened"
                      onChange={(e) => setRow(row.id, { event: e.target.value })}
                    />
                  </td>
                  <td className="pm-col-milestone">
                    <select
                      className={`pm-cell-input ${row.milestone ? 'pm-milestone-set' : ''}`}
                      value={row.milestone ?? ''}
                      aria-label={`Milestone of timeline row ${n}`}
                      onChange={(e) => setRows((rs) => rs.map((r) => (r.id === row.id ? withMilestone(r, e.target.value as Milestone | '') : r)))}
                    >
                      <option value="">—</option>
                      {MILESTONES.map((m) => (
                        <option key={m} value={m}>
                          {MILESTONE_LABELS[m]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="pm-col-actions">
                    <div className="pm-row-buttons">
                      <MoveRowButton by={-1} label={`Move timeline row ${n} up`} disabled={i === 0} onMove={() => moveBy(row.id, -1)} />
                      <MoveRowButton by={1} label={`Move timeline row ${n} down`} disabled={i === rows.length - 1} onMove={() => moveBy(row.id, 1)} />
                      <DeleteRowButton label={`Delete timeline row ${n}`} onDelete={() => setRows((rs) => removeRow(rs, row.id))} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AddRowButton
        disabled={rows.length >= MAX_TIMELINE_ROWS}
        onAdd={() => {
          setRows((rs) => {
            const id = nextRowId(rs, 't');
            setAdded(id);
            return [...rs, { id, time: '', event: '' }];
          });
        }}
      >
        + Add event
      </AddRowButton>
    </section>
  );
}
