/**
 * The mass-deletion guard (ADR "mass-deletion guard", docs/reliability.md):
 * a sync that would delete more than a few documents AND a noticeable share
 * of the library, here (moving them to the trash) or on the team branch,
 * stops before changing anything and asks. A teammate tidying up two old
 * drafts goes through; a branch read as empty, a bad merge on the host or a
 * script gone wrong does not.
 */
export const DELETION_GUARD = {
  /** Deleting this many documents or more in one sync can need consent... */
  minDocuments: 5,
  /** ...when they are also at least this share of the library. */
  minShare: 0.1,
} as const;

/** Whether deleting `count` documents of a library of `library` needs the user's consent. */
export function deletionsNeedConsent(count: number, library: number): boolean {
  if (count < DELETION_GUARD.minDocuments) return false;
  return count >= DELETION_GUARD.minShare * Math.max(library, count);
}
