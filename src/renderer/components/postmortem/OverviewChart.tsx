import type { PostmortemOverview } from '../../../shared/contract/postmortems';
import { formatMinutes } from '../../../shared/kinds/postmortemMetrics';

export type Measure = 'detect' | 'mitigate' | 'resolve';

export const MEASURE_LABELS: Record<Measure, string> = { detect: 'Time to detect', mitigate: 'Time to mitigate', resolve: 'Time to resolve' };

const W = 640;
const H = 220;
const PAD = { left: 64, right: 8, top: 12, bottom: 28 };

/** The colour slot (0-4) of a severity: its place in the scale, so SEV-1 keeps its colour whichever severities have data. */
export function severityColour(all: readonly string[], severity: string): number {
  const i = all.indexOf(severity);
  return i < 0 ? 4 : Math.min(i, 4);
}

/** A round axis top: 1, 2 or 5 times a power of ten, at least `max`. */
function niceMax(max: number): number {
  if (max <= 0) return 60;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!;
}

/**
 * Grouped bars: one group per quarter, one bar per severity, its height the
 * median minutes of `measure`. Drawn as inline SVG; the figure is described
 * for screen readers and the same numbers are in the table beside it.
 */
export function OverviewChart({ data, severities, measure, describedBy }: { data: PostmortemOverview; severities: string[]; measure: Measure; describedBy: string }) {
  const value = (q: string, s: string): number | null => data.rows.find((r) => r.quarter === q && r.severity === s)?.[measure] ?? null;
  const max = niceMax(Math.max(0, ...data.rows.map((r) => r[measure] ?? 0)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, data.quarters.length);
  const barW = Math.max(4, Math.min(28, (groupW - 16) / Math.max(1, severities.length)));
  const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  return (
    <svg className="pmo-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${MEASURE_LABELS[measure]}, median per quarter and severity`} aria-describedby={describedBy}>
      {ticks.map((t) => (
        <g key={t}>
          <line className="pmo-grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
          <text className="pmo-axis" x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
            {formatMinutes(Math.round(t))}
          </text>
        </g>
      ))}
      {data.quarters.map((q, qi) => {
        const x0 = PAD.left + qi * groupW + (groupW - barW * severities.length) / 2;
        return (
          <g key={q}>
            {severities.map((s, si) => {
              const v = value(q, s);
              if (v === null) return null;
              return (
                <rect key={s} className={`pmo-bar pmo-sev-${severityColour(data.severities, s)}`} x={x0 + si * barW} y={y(v)} width={barW - 2} height={Math.max(1, PAD.top + plotH - y(v))}>
                  <title>{`${q}, ${s}: ${formatMinutes(v)}`}</title>
                </rect>
              );
            })}
            <text className="pmo-axis" x={PAD.left + qi * groupW + groupW / 2} y={H - 8} textAnchor="middle">
              {q}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
