import type { RepoDocument } from '../format/parseDocument';
import { displayRef, parseDisplayRef } from '../kinds/kinds';
import { extractRefs, refKey } from '../links/refs';

/** A document and where it lives: a file of a team repo (lint), or a row of a workspace (the Health view). */
export interface RepoEntry {
  path: string;
  doc: RepoDocument;
}

export type RepoCheck = 'duplicate-number' | 'duplicate-id' | 'broken-reference' | 'one-sided-supersede' | 'missing-supersede-target';

/** What a check found, in words (`reason`) and as data a fix can act on. */
export interface RepoCheckFinding {
  check: RepoCheck;
  path: string;
  reason: string;
  /** The document the finding is about. */
  entry: RepoEntry;
  /** One-sided supersede: the other document and what it should say to point back. */
  backLink?: { entry: RepoEntry; field: 'supersedes' | 'supersededBy'; number: number };
}

/**
 * The checks across documents that `designdesk lint` runs on a team repo and
 * the Health view runs on a workspace: duplicate numbers and ids, references
 * (RFC-12 ...) to documents that do not exist, and supersede links that point
 * nowhere or are kept on one side only.
 */
export function checkRepoEntries(entries: readonly RepoEntry[]): RepoCheckFinding[] {
  const out: RepoCheckFinding[] = [];
  checkDuplicates(entries, out);
  checkReferences(entries, out);
  checkSupersedes(entries, out);
  return out;
}

function checkDuplicates(entries: readonly RepoEntry[], out: RepoCheckFinding[]): void {
  const byRef = group(entries.filter((e) => e.doc.number !== null), (e) => refKey({ kind: e.doc.kind, number: e.doc.number! }));
  for (const list of byRef.values()) {
    if (list.length < 2) continue;
    for (const e of list) {
      const others = list.filter((o) => o !== e).map((o) => o.path).join(', ');
      out.push({ check: 'duplicate-number', path: e.path, entry: e, reason: `duplicate number ${displayRef(e.doc.kind, e.doc.number!)} (also ${others})` });
    }
  }
  const byId = group(entries.filter((e) => e.doc.id !== null), (e) => e.doc.id!);
  for (const list of byId.values()) {
    if (list.length < 2) continue;
    for (const e of list) {
      const others = list.filter((o) => o !== e).map((o) => o.path).join(', ');
      out.push({ check: 'duplicate-id', path: e.path, entry: e, reason: `duplicate id ${e.doc.id} (also ${others})` });
    }
  }
}

/** Display refs every document answers to: its own and the aliases a renumbering left. */
function knownRefs(entries: readonly RepoEntry[]): Set<string> {
  const known = new Set<string>();
  for (const e of entries) {
    if (e.doc.number !== null) known.add(refKey({ kind: e.doc.kind, number: e.doc.number }));
    const aliases = e.doc.fields.aliases;
    for (const a of Array.isArray(aliases) ? aliases : []) {
      const r = typeof a === 'string' ? parseDisplayRef(a) : typeof a === 'number' ? { kind: e.doc.kind, number: a } : null;
      if (r) known.add(refKey(r));
    }
  }
  return known;
}

function checkReferences(entries: readonly RepoEntry[], out: RepoCheckFinding[]): void {
  const known = knownRefs(entries);
  for (const e of entries) {
    for (const r of extractRefs(e.doc.body)) {
      if (!known.has(refKey(r))) out.push({ check: 'broken-reference', path: e.path, entry: e, reason: `broken reference ${displayRef(r.kind, r.number)}: no such document in the repo` });
    }
  }
}

function checkSupersedes(entries: readonly RepoEntry[], out: RepoCheckFinding[]): void {
  const byRef = new Map<string, RepoEntry>();
  for (const e of entries) if (e.doc.number !== null) byRef.set(refKey({ kind: e.doc.kind, number: e.doc.number }), e);
  for (const e of entries) {
    const kind = e.doc.kind;
    const me = e.doc.number;
    if (me === null) continue;
    const ref = (n: number): string => displayRef(kind, n);
    const by = e.doc.fields.supersededBy;
    if (typeof by === 'number') {
      const other = byRef.get(refKey({ kind, number: by }));
      if (!other) out.push({ check: 'missing-supersede-target', path: e.path, entry: e, reason: `superseded by ${ref(by)}, which does not exist` });
      else if (!numberList(other.doc.fields.supersedes).includes(me)) {
        out.push({
          check: 'one-sided-supersede',
          path: e.path,
          entry: e,
          reason: `one-sided supersede link: ${ref(me)} is superseded by ${ref(by)}, but ${other.path} does not list ${ref(me)} under supersedes`,
          backLink: { entry: other, field: 'supersedes', number: me },
        });
      }
    }
    for (const n of numberList(e.doc.fields.supersedes)) {
      const other = byRef.get(refKey({ kind, number: n }));
      if (!other) out.push({ check: 'missing-supersede-target', path: e.path, entry: e, reason: `supersedes ${ref(n)}, which does not exist` });
      else if (other.doc.fields.supersededBy !== me) {
        out.push({
          check: 'one-sided-supersede',
          path: e.path,
          entry: e,
          reason: `one-sided supersede link: ${ref(me)} supersedes ${ref(n)}, but ${other.path} does not name ${ref(me)} as superseded-by`,
          backLink: { entry: other, field: 'supersededBy', number: me },
        });
      }
    }
  }
}

/** The numbers of a list field (supersedes); anything else in it is ignored. */
export function numberList(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return m;
}
