import { diff3Merge } from 'node-diff3';
import { canonicalBody } from '../format/documentMarkdown';
import type { RepoDocument } from '../format/parseDocument';

/** Markers around the two sides of a body conflict in a suggested merge (as git writes them). */
export const MARK_MINE = '<<<<<<< mine (this device)';
export const MARK_SPLIT = '=======';
export const MARK_THEIRS = '>>>>>>> theirs (team repository)';

export interface TextMerge {
  clean: boolean;
  /** The merged text; where both sides changed the same lines, both are kept between conflict markers. */
  text: string;
}

/**
 * Three-way merge of two texts line by line against their common base
 * (diff3). Changes to different lines merge silently; the same change on
 * both sides is not a conflict; different changes to the same (or touching)
 * lines are.
 */
export function mergeText(base: string, mine: string, theirs: string): TextMerge {
  if (mine === theirs) return { clean: true, text: mine };
  if (mine === base) return { clean: true, text: theirs };
  if (theirs === base) return { clean: true, text: mine };
  const regions = diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), { excludeFalseConflicts: true });
  const out: string[] = [];
  let clean = true;
  for (const r of regions) {
    if (r.ok) out.push(...r.ok);
    else if (r.conflict) {
      clean = false;
      out.push(MARK_MINE, ...r.conflict.a, MARK_SPLIT, ...r.conflict.b, MARK_THEIRS);
    }
  }
  return { clean, text: out.join('\n') };
}

/** JSON with sorted object keys: equal values give equal strings whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  ) ?? 'undefined';
}

const same = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MISSING = Symbol('missing');
type Slot = unknown;

/**
 * Merges one value (a field, or a key inside an object field) three ways.
 * Objects on all three sides merge key by key, so two people rating
 * different cells of a matrix do not collide; anything else is one value.
 */
function mergeValue(path: string, base: Slot, mine: Slot, theirs: Slot, conflicts: string[]): Slot {
  if (same(mine, theirs)) return mine;
  if (same(mine, base)) return theirs;
  if (same(theirs, base)) return mine;
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const out: Record<string, unknown> = {};
    for (const key of unionKeys(base, mine, theirs)) {
      const v = mergeValue(`${path}.${key}`, slot(base, key), slot(mine, key), slot(theirs, key), conflicts);
      if (v !== MISSING) out[key] = v;
    }
    return out;
  }
  conflicts.push(path);
  return mine;
}

function slot(obj: Record<string, unknown>, key: string): Slot {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : MISSING;
}

function unionKeys(...objs: Record<string, unknown>[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const o of objs) {
    for (const k of Object.keys(o)) {
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  }
  return keys;
}

export interface DocumentMerge {
  /** True when every change merged without a collision. */
  clean: boolean;
  /**
   * The merged document. When not clean: every clean change applied, each
   * colliding field at my value, and the colliding body lines of both sides
   * between conflict markers: a starting point for a hand merge.
   */
  merged: RepoDocument;
  /** Fields changed differently on both sides ("title", "status", "ratings.c1.o2", ...). */
  conflictingFields: string[];
  /** True when both sides changed the same lines of the body. */
  bodyConflict: boolean;
}

function laterOf(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

/**
 * Three-way merge of a document: the front-matter fields one by one (title
 * and status count as fields), the body line by line against the base body.
 * The number follows the team repository when it changed there (numbers are
 * the repository's to give); `updated` takes the later time. Pure.
 */
export function mergeDocument(base: RepoDocument, mine: RepoDocument, theirs: RepoDocument): DocumentMerge {
  const conflicts: string[] = [];
  const title = mergeValue('title', base.title, mine.title, theirs.title, conflicts) as string;
  const status = mergeValue('status', base.status, mine.status, theirs.status, conflicts) as string;
  const fields: Record<string, unknown> = {};
  for (const key of unionKeys(base.fields, mine.fields, theirs.fields)) {
    const v = mergeValue(key, slot(base.fields, key), slot(mine.fields, key), slot(theirs.fields, key), conflicts);
    if (v !== MISSING) fields[key] = v;
  }
  const body = mergeText(canonicalBody(base.body), canonicalBody(mine.body), canonicalBody(theirs.body));
  const merged: RepoDocument = {
    id: mine.id ?? theirs.id ?? base.id,
    kind: mine.kind,
    number: theirs.number !== base.number && theirs.number !== null ? theirs.number : (mine.number ?? theirs.number),
    title,
    status,
    body: body.text,
    fields,
    createdAt: mine.createdAt ?? theirs.createdAt ?? base.createdAt,
    updatedAt: laterOf(mine.updatedAt, theirs.updatedAt),
  };
  return { clean: conflicts.length === 0 && body.clean, merged, conflictingFields: conflicts, bodyConflict: !body.clean };
}

/** True when two documents say the same thing (ignoring when they were last updated and how the body is spaced). */
export function sameContent(a: RepoDocument, b: RepoDocument): boolean {
  return (
    a.kind === b.kind &&
    a.number === b.number &&
    a.title === b.title &&
    a.status === b.status &&
    canonicalBody(a.body) === canonicalBody(b.body) &&
    same(a.fields, b.fields)
  );
}
