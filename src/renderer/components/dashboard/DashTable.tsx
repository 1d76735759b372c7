import type { ReactNode } from 'react';
import { DocRow } from './DocLink';

/** One column of a dashboard table: its header, the class of its cells, and what a row shows in it. */
export interface DashColumn<R> {
  header: string;
  className?: string;
  cell: (row: R) => ReactNode;
}

/**
 * A dashboard section's table: a header row from `columns`, then one row per
 * item that opens `docId(row)` when clicked. `rowKey` defaults to the document.
 */
export function DashTable<R>({
  label,
  columns,
  rows,
  docId,
  rowKey = docId,
}: {
  label: string;
  columns: readonly DashColumn<R>[];
  rows: readonly R[];
  docId: (row: R) => string;
  rowKey?: (row: R) => string;
}) {
  return (
    <table className="doc-table dash-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <DocRow key={rowKey(r)} docId={docId(r)}>
            {columns.map((c) => (
              <td key={c.header} className={c.className}>
                {c.cell(r)}
              </td>
            ))}
          </DocRow>
        ))}
      </tbody>
    </table>
  );
}
