import type { DocumentSummary } from '../../shared/document';
import { displayRef } from '../../shared/kinds/kinds';
import { statusLabel } from '../../shared/kinds/lifecycle';

/** Plain-text columns: each column as wide as its widest cell, the last one unpadded. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** A document list as the terminal shows it: reference, status, title, author, last update (day). */
export function documentTable(docs: readonly DocumentSummary[]): string {
  return table(
    ['REF', 'STATUS', 'TITLE', 'AUTHOR', 'UPDATED'],
    docs.map((d) => [displayRef(d.kind, d.number), statusLabel(d.kind, d.status), oneLine(d.title, 70), oneLine(d.author, 30), d.updatedAt.slice(0, 10)]),
  );
}

/** Text on one line, cut to `max` characters with an ellipsis. */
export function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** A count with its noun: "1 document", "3 documents". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

