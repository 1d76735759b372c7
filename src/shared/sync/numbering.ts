import type { DocKind } from '../kinds/kinds';
import { displayRef } from '../kinds/kinds';
import { findRefs } from '../links/refs';

/**
 * Who holds a number most firmly, strongest first: a document the team
 * repository already has (published), one arriving from it now, one created
 * on this device and never synced, one in this device's trash.
 */
export const CLAIM_RANK = { published: 0, incoming: 1, local: 2, trashed: 3 } as const;

export interface NumberClaim {
  id: string;
  kind: DocKind;
  /** null: the document has no number yet (a hand-made file without one). */
  number: number | null;
  rank: number;
  /** Orders claims of equal rank: the smaller key keeps the number. */
  tieBreak: string;
}

/**
 * Gives every document a number no other document of its kind holds. Where
 * two claim the same one, the firmest claim keeps it and the others get the
 * next free numbers (after every number in use), so what is already published
 * never changes. Returns only the documents whose number changes.
 */
export function assignNumbers(claims: readonly NumberClaim[]): Map<string, number> {
  const changes = new Map<string, number>();
  const byKind = new Map<DocKind, NumberClaim[]>();
  for (const c of claims) {
    const list = byKind.get(c.kind);
    if (list) list.push(c);
    else byKind.set(c.kind, [c]);
  }
  for (const list of byKind.values()) {
    let next = Math.max(0, ...list.map((c) => c.number ?? 0)) + 1;
    const sorted = [...list].sort((a, b) => a.rank - b.rank || (a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0));
    const held = new Set<number>();
    for (const c of sorted) {
      if (c.number !== null && !held.has(c.number)) {
        held.add(c.number);
        continue;
      }
      changes.set(c.id, next);
      held.add(next);
      next += 1;
    }
  }
  return changes;
}

/** Fenced code blocks and inline code spans: an example in code is not a reference. */
const CODE_RE = /(^|\n)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)|`[^`\n]+`/g;

function rewriteText(text: string, moves: ReadonlyMap<string, number>): string {
  let out = '';
  let at = 0;
  for (const r of findRefs(text)) {
    const to = moves.get(`${r.kind}-${r.number}`);
    if (to === undefined) continue;
    out += text.slice(at, r.index) + displayRef(r.kind, to);
    at = r.index + r.text.length;
  }
  return at === 0 ? text : out + text.slice(at);
}

/**
 * Rewrites references in a body after renumbering ("RFC-7" -> "RFC-8"), all
 * in one pass so that 7 -> 8 and 8 -> 9 in the same sync do not chain. Code
 * (fenced blocks, inline spans) is left as written. `moves` maps "rfc-7" to
 * the new number.
 */
export function rewriteRefs(body: string, moves: ReadonlyMap<string, number>): string {
  if (moves.size === 0) return body;
  let out = '';
  let at = 0;
  for (const m of body.matchAll(CODE_RE)) {
    out += rewriteText(body.slice(at, m.index), moves) + m[0];
    at = m.index + m[0].length;
  }
  return out + rewriteText(body.slice(at), moves);
}
