import type { ReactNode } from 'react';

/** The ✕ button that deletes one row of a postmortem table. */
export function DeleteRowButton({ label, onDelete }: { label: string; onDelete: () => void }) {
  return (
    <button type="button" className="button button-quiet pm-icon-button pm-delete" aria-label={label} title="Delete" onClick={onDelete}>
      ✕
    </button>
  );
}

/**
 * The ↑ (-1) or ↓ (+1) button that moves one row. `data-move` says which, so
 * the table can give focus back to it after the row's DOM nodes move.
 */
export function MoveRowButton({ by, label, disabled, onMove }: { by: -1 | 1; label: string; disabled: boolean; onMove: () => void }) {
  return (
    <button
      type="button"
      className="button button-quiet pm-icon-button"
      aria-label={label}
      title={by < 0 ? 'Move up' : 'Move down'}
      data-move={String(by)}
      disabled={disabled}
      onClick={onMove}
    >
      {by < 0 ? '↑' : '↓'}
    </button>
  );
}

/** The header cell above the row buttons: empty to the eye, named for screen readers. */
export function RowActionsHeader() {
  return (
    <th scope="col" className="pm-col-actions">
      <span className="visually-hidden">Row actions</span>
    </th>
  );
}

/** The button under a postmortem table that appends a row. */
export function AddRowButton({ disabled, onAdd, children }: { disabled: boolean; onAdd: () => void; children: ReactNode }) {
  return (
    <button type="button" className="button pm-add" disabled={disabled} onClick={onAdd}>
      {children}
    </button>
  );
}
