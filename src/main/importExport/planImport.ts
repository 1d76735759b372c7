import type { DocKind } from '../../shared/kinds/kinds';
import { displayRef } from '../../shared/kinds/kinds';
import type { ImportedDoc } from './importedDoc';

/** A document imported earlier from the same path of the same import root. */
export interface PreviousImport {
  id: string;
  kind: DocKind;
  number: number;
}

export interface PlannedDoc {
  doc: ImportedDoc;
  number: number;
  /** The document this file was imported into before, or null for a new one. */
  previous: PreviousImport | null;
}

/**
 * Gives every imported document its number. A file imported before keeps its
 * document's number; a new one keeps the source's number when it is free
 * (never taken in the workspace, trash included, nor by an earlier file of
 * this import); the rest take the next free numbers, in path order.
 */
export function planNumbers(docs: readonly ImportedDoc[], previous: ReadonlyMap<string, PreviousImport>, taken: (kind: DocKind) => Set<number>): PlannedDoc[] {
  const sorted = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const used = new Map<DocKind, Set<number>>();
  const usedOf = (k: DocKind): Set<number> => {
    let s = used.get(k);
    if (!s) used.set(k, (s = new Set(taken(k))));
    return s;
  };
  const planned: PlannedDoc[] = [];
  const pending: PlannedDoc[] = [];
  for (const doc of sorted) {
    const prev = previous.get(doc.path);
    if (prev) {
      planned.push({ doc, number: prev.number, previous: prev });
      continue;
    }
    const n = doc.sourceNumber;
    const set = usedOf(doc.kind);
    if (n !== null && n > 0 && !set.has(n)) {
      set.add(n);
      planned.push({ doc, number: n, previous: null });
    } else {
      if (n !== null) doc.notes.push(n === 0 ? 'number 0 cannot be used: renumbered' : `${displayRef(doc.kind, n)} is taken: renumbered`);
      const p = { doc, number: 0, previous: null };
      pending.push(p);
      planned.push(p);
    }
  }
  for (const p of pending) {
    const set = usedOf(p.doc.kind);
    const next = Math.max(0, ...set) + 1;
    set.add(next);
    p.number = next;
    if (p.doc.sourceNumber !== null) p.doc.notes.push(`now ${displayRef(p.doc.kind, next)}`);
  }
  return planned;
}

/**
 * Turns the source's supersede links into ours, in both directions: "A is
 * superseded by B" also makes B supersede A, and the other way round. A link
 * is resolved by the file it names (this import, or an earlier import of the
 * same root), else by the source number among this import's files of the same
 * kind. A link that resolves to nothing is kept as text (unresolvedLinks) and
 * flagged.
 */
export function resolveLinks(planned: readonly PlannedDoc[], earlier: ReadonlyMap<string, { kind: DocKind; number: number }>): void {
  const byPath = new Map<string, PlannedDoc>(planned.map((p) => [p.doc.path, p]));
  const bySource = new Map<string, PlannedDoc>();
  for (const p of planned) if (p.doc.sourceNumber !== null) bySource.set(`${p.doc.kind}:${p.doc.sourceNumber}`, p) ;
  const supersedes = new Map<PlannedDoc, Set<number>>();
  const supersededBy = new Map<PlannedDoc, number>();
  const add = (p: PlannedDoc, n: number): void => {
    let s = supersedes.get(p);
    if (!s) supersedes.set(p, (s = new Set()));
    s.add(n);
  };
  const setBy = (p: PlannedDoc, n: number): void => {
    const prev = supersededBy.get(p);
    if (prev === undefined) supersededBy.set(p, n);
    else if (prev !== n) p.doc.notes.push(`also superseded by ${displayRef(p.doc.kind, n)}: kept ${displayRef(p.doc.kind, prev)}`);
  };
  for (const p of planned) {
    for (const link of p.doc.links) {
      const fromPath = link.path ? (byPath.get(link.path) ?? byPath.get(`${link.path}.md`)) : undefined;
      const earlierHit = !fromPath && link.path ? (earlier.get(link.path) ?? earlier.get(`${link.path}.md`)) : undefined;
      const bySrc = !fromPath && !earlierHit && link.number !== undefined ? bySource.get(`${p.doc.kind}:${link.number}`) : undefined;
      const target = fromPath ?? bySrc;
      const targetNumber = target?.number ?? (earlierHit && earlierHit.kind === p.doc.kind ? earlierHit.number : undefined);
      if (targetNumber === undefined || (target && target.doc.kind !== p.doc.kind) || target === p) {
        const words = link.relation === 'supersedes' ? 'supersedes' : 'superseded by';
        const list = Array.isArray(p.doc.fields.unresolvedLinks) ? (p.doc.fields.unresolvedLinks as string[]) : [];
        p.doc.fields.unresolvedLinks = [...list, `${words} ${link.text}`];
        p.doc.notes.push(`link "${words} ${link.text}" points at no imported document: kept as text`);
        p.doc.flagged = true;
        continue;
      }
      if (link.relation === 'supersededBy') {
        setBy(p, targetNumber);
        if (target) add(target, p.number);
      } else {
        add(p, targetNumber);
        if (target) setBy(target, p.number);
      }
    }
  }
  for (const [p, set] of supersedes) p.doc.fields.supersedes = [...set].sort((a, b) => a - b);
  for (const [p, n] of supersededBy) p.doc.fields.supersededBy = n;
}
