import type { RepoDocument } from '../format/parseDocument';
import type { ReviewRecord } from './schemas';
import { deriveReviewers } from './state';

/**
 * The names an RFC's front matter lists under `reviewers`: the people asked
 * to review in its review records, in the order they were first added. The
 * review records are the source; the field is their readable copy.
 */
export function reviewerNames(records: readonly ReviewRecord[]): string[] {
  return deriveReviewers(records, '')
    .filter((r) => r.listed)
    .map((r) => r.name);
}

const key = (name: string): string => name.trim().toLowerCase();

function names(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((n) => typeof n === 'string') ? (v as string[]) : null;
}

/**
 * Three-way merge of two lists of reviewer names as sets: the repository's
 * order, without the names removed here, followed by the names added here.
 * Two people adding different reviewers offline both keep theirs (the
 * review records merge the same way), instead of colliding on one field.
 */
export function mergeReviewerNames(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const has = (list: readonly string[], n: string): boolean => list.some((o) => key(o) === key(n));
  const removedHere = base.filter((n) => !has(mine, n));
  const out = theirs.filter((n) => !has(removedHere, n));
  for (const n of mine) if (!has(base, n) && !has(out, n)) out.push(n);
  return out;
}

/**
 * Before an RFC is merged field by field: both sides get the set-merged
 * reviewer list, so two changes to it merge cleanly (a change on one side
 * only comes out as that change). Other kinds are returned as they are.
 */
export function alignReviewerLists(base: RepoDocument, mine: RepoDocument, theirs: RepoDocument): [RepoDocument, RepoDocument] {
  if (mine.kind !== 'rfc' || theirs.kind !== 'rfc') return [mine, theirs];
  const b = names(base.fields.reviewers) ?? [];
  const m = names(mine.fields.reviewers);
  const t = names(theirs.fields.reviewers);
  if (!m || !t) return [mine, theirs];
  const merged = mergeReviewerNames(b, m, t);
  return [
    { ...mine, fields: { ...mine.fields, reviewers: merged } },
    { ...theirs, fields: { ...theirs.fields, reviewers: merged } },
  ];
}
