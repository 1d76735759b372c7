import type { DocKind } from '../../shared/kinds/kinds';
import { statusLabel } from '../../shared/kinds/lifecycle';

export function StatusBadge({ kind, status }: { kind: DocKind; status: string }) {
  return (
    <span className={`badge badge-${status}`} data-testid="status-badge">
      {statusLabel(kind, status)}
    </span>
  );
}
