import type { Dashboard } from '../../../shared/contract/reviews';
import { KINDS } from '../../../shared/kinds/kinds';
import { DashTable, type DashColumn } from './DashTable';
import { DocLink } from './DocLink';

type Metrics = NonNullable<Dashboard['metrics']>;

/** Horizontal bars, one per row, labelled on the left and valued on the right; colours come from the theme. */
function BarChart({ label, rows, unit }: { label: string; rows: { name: string; value: number }[]; unit: (v: number) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowH = 26;
  return (
    <svg className="metrics-chart" role="img" aria-label={`${label}: ${rows.map((r) => `${r.name} ${unit(r.value)}`).join(', ')}`} viewBox={`0 0 480 ${rows.length * rowH}`} width="100%" height={rows.length * rowH}>
      {rows.map((r, i) => (
        <g key={r.name} transform={`translate(0 ${i * rowH})`}>
          <text x={150} y={17} textAnchor="end" className="metrics-label">
            {r.name}
          </text>
          <rect x={160} y={5} height={16} width={Math.max(2, (r.value / max) * 240)} rx={3} className="metrics-bar" />
          <text x={168 + Math.max(2, (r.value / max) * 240)} y={17} className="metrics-value">
            {unit(r.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

const days = (v: number): string => `${v} ${v === 1 ? 'day' : 'days'}`;

const DECISIONS: DashColumn<Metrics['decisions'][number]>[] = [
  { header: 'Document', cell: (r) => <DocLink doc={r.doc} /> },
  { header: 'Outcome', cell: (r) => (r.outcome === 'approved' ? 'Approved' : 'Rejected') },
  { header: 'In review to decision', className: 'dash-nowrap', cell: (r) => days(r.days) },
];

/** Process metrics: time from In Review to decision (median per kind, and per document), open reviews per reviewer, stale count. */
export function ProcessMetrics({ m }: { m: Metrics }) {
  return (
    <div className="metrics">
      <p className="review-muted">
        Last {m.days} days · {m.staleInReview} {m.staleInReview === 1 ? 'document' : 'documents'} stale in review
      </p>
      {m.medianDaysByKind.length > 0 && (
        <figure className="metrics-figure">
          <figcaption>Median time from In Review to decision</figcaption>
          <BarChart label="Median time from In Review to decision" rows={m.medianDaysByKind.map((k) => ({ name: `${KINDS[k.kind].plural} (${k.count})`, value: k.median }))} unit={days} />
        </figure>
      )}
      {m.openReviewsByReviewer.length > 0 && (
        <figure className="metrics-figure">
          <figcaption>Open reviews per reviewer</figcaption>
          <BarChart label="Open reviews per reviewer" rows={m.openReviewsByReviewer.map((r) => ({ name: r.name, value: r.count }))} unit={(v) => String(v)} />
        </figure>
      )}
      {m.decisions.length > 0 && <DashTable label="Decisions" columns={DECISIONS} rows={m.decisions} docId={(r) => r.doc.id} rowKey={(r) => `${r.doc.id}-${r.decidedAt}`} />}
    </div>
  );
}
