// The bench's report as the plain-text table run.ts prints (and docs/performance.md shows).
import type { BenchReport } from './bench';

const MB = 2 ** 20;

function fmt(v: number, unit: string): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (unit === 'MB') return `${v.toFixed(0)} MB`;
  return v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`;
}

/** The report as a plain-text table (also pasted into docs/performance.md). */
export function formatTable(r: BenchReport): string {
  const rows = r.figures.map((f) => [f.id, f.name, fmt(f.value, f.unit), `${fmt(f.reference.value, f.unit)} (${f.reference.name})`, Number.isFinite(f.ratio) ? `${f.ratio.toFixed(2)}x` : 'n/a', f.target, f.checks.length === 0 ? '' : f.met ? 'yes' : 'NO']);
  const head = ['#', 'figure', 'value', 'reference', 'ratio', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const m = r.machine;
  return [
    `DesignDesk bench, ${r.date}: ${r.options.docs.toLocaleString('en-US')} documents${r.options.quick ? ' (quick: one repetition)' : ''}`,
    `machine: ${m.cores} cores (${m.cpu}), ${(m.memoryBytes / 2 ** 30).toFixed(1)} GB, Node ${m.node}, load average ${m.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
    `corpus: ${r.corpus.files} files, ${(r.corpus.bytes / MB).toFixed(1)} MB, median ${(r.corpus.medianFileBytes / 1024).toFixed(1)} KB, largest ${(r.corpus.largestFileBytes / 1024).toFixed(1)} KB`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `took ${(r.durationMs / 1000).toFixed(0)} s`,
  ].join('\n');
}
