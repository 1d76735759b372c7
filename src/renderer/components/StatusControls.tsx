import { useState } from 'react';
import type { DocKind } from '../../shared/kinds/kinds';
import { LIFECYCLES, allowedMoves, statusLabel } from '../../shared/kinds/lifecycle';
import { useAppStore } from '../store';
import { StatusBadge } from './StatusBadge';

/** The lifecycle: buttons for the next legal moves, and "Move to…" for any status (refused with a reason if illegal). */
export function StatusControls({ kind, status }: { kind: DocKind; status: string }) {
  const move = useAppStore((s) => s.move);
  const moveError = useAppStore((s) => s.moveError);
  const [target, setTarget] = useState('');
  const next = allowedMoves(kind, status);
  const others = LIFECYCLES[kind].statuses.filter((s) => s !== status);
  return (
    <div className="status-controls">
      <StatusBadge kind={kind} status={status} />
      {next.map((to) => (
        <button key={to} type="button" className="button" onClick={() => void move(to)}>
          {statusLabel(kind, to)}
        </button>
      ))}
      <form
        className="move-to"
        onSubmit={(e) => {
          e.preventDefault();
          if (target) void move(target).then(() => setTarget(''));
        }}
      >
        <label className="visually-hidden" htmlFor="move-to-select">
          Move to status
        </label>
        <select id="move-to-select" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Move to…</option>
          {others.map((s) => (
            <option key={s} value={s}>
              {statusLabel(kind, s)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-quiet" disabled={!target}>
          Move
        </button>
      </form>
      {moveError && (
        <p className="inline-error" role="alert">
          {moveError}
        </p>
      )}
    </div>
  );
}
