import { esc } from './html';
import type { SiteDocument } from './siteModel';

/** Supersede edges between ADRs (older -> newer), from both sides of the link, each once. */
export function supersedeEdges(docs: readonly SiteDocument[]): Map<number, Set<number>> {
  const adrs = new Set(docs.filter((d) => d.kind === 'adr').map((d) => d.number));
  const next = new Map<number, Set<number>>();
  const add = (older: number, newer: number): void => {
    if (older === newer || !adrs.has(older) || !adrs.has(newer)) return;
    (next.get(older) ?? next.set(older, new Set()).get(older)!).add(newer);
  };
  for (const d of docs) {
    if (d.kind !== 'adr') continue;
    const f = d.fields;
    if (Array.isArray(f.supersedes)) for (const n of f.supersedes) if (typeof n === 'number') add(n, d.number);
    if (typeof f.supersededBy === 'number') add(d.number, f.supersededBy);
  }
  return next;
}

/** The ADR numbers linked to `start` by supersede edges in either direction (at most `limit`, nearest first). */
export function supersedeComponent(start: number, edges: Map<number, Set<number>>, limit = 12): number[] {
  const undirected = new Map<number, Set<number>>();
  for (const [a, bs] of edges) for (const b of bs) {
    (undirected.get(a) ?? undirected.set(a, new Set()).get(a)!).add(b);
    (undirected.get(b) ?? undirected.set(b, new Set()).get(b)!).add(a);
  }
  if (!undirected.has(start)) return [];
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length && seen.size < limit; i++) {
    for (const n of [...(undirected.get(queue[i]!) ?? [])].sort((a, b) => a - b)) {
      if (seen.size >= limit) break;
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * A small SVG of the supersede chain around one ADR: one box per ADR (oldest
 * left), an arrow from each ADR to the one that superseded it, the current one
 * outlined. Each box links to its page; the SVG carries a text title for
 * screen readers.
 */
export function supersedeSvg(current: number, nodes: readonly number[], edges: Map<number, Set<number>>, hrefOf: (n: number) => string, titleOf: (n: number) => string): string {
  if (nodes.length < 2) return '';
  const W = 88, H = 34, GAP = 36, PAD = 8;
  const x = (i: number): number => PAD + i * (W + GAP);
  const index = new Map(nodes.map((n, i) => [n, i]));
  const width = x(nodes.length - 1) + W + PAD;
  const height = H + 2 * PAD;
  const arrows: string[] = [];
  for (const [a, bs] of edges) for (const b of bs) {
    const ia = index.get(a), ib = index.get(b);
    if (ia === undefined || ib === undefined) continue;
    const from = ia < ib ? x(ia) + W : x(ia);
    const to = ia < ib ? x(ib) : x(ib) + W;
    const y = PAD + H / 2;
    arrows.push(`<line x1="${from}" y1="${y}" x2="${to + (ia < ib ? -4 : 4)}" y2="${y}" class="graph-edge" marker-end="url(#arrow)"/>`);
  }
  const boxes = nodes.map((n, i) => {
    const cls = n === current ? 'graph-node graph-current' : 'graph-node';
    return `<a href="${esc(hrefOf(n))}"><title>${esc(`ADR-${n}: ${titleOf(n)}`)}</title><rect x="${x(i)}" y="${PAD}" width="${W}" height="${H}" rx="6" class="${cls}"/><text x="${x(i) + W / 2}" y="${PAD + H / 2 + 5}" text-anchor="middle" class="graph-label">ADR-${n}</text></a>`;
  });
  const label = `Supersede chain: ${nodes.map((n) => `ADR-${n}`).join(', ')}; an arrow points from an ADR to the one that superseded it.`;
  return `<svg class="supersede-graph" role="group" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="graph-arrow"/></marker></defs>${arrows.join('')}${boxes.join('')}</svg>`;
}
