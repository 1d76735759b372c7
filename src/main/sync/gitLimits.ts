/**
 * Limits on what the sync takes in from a git server, and the one error its
 * pack, delta, tree and commit readers throw. A server (or a teammate's
 * push) controls every byte of a pack: each reader checks bounds before it
 * slices or allocates, always advances, and stops at these limits with a
 * message naming them. docs/security.md lists the values and why.
 */

const MiB = 1024 * 1024;

export const GIT_LIMITS = {
  /**
   * Largest object (blob, tree, commit), inflated. A document is at most
   * 1,000,000 characters (MAX_BODY_CHARS: at most 4 MB of UTF-8) plus its
   * front matter; 16 MiB leaves 4x for a diagram kept next to the documents
   * and for a folder's tree of about 200,000 entries. Delta results count too.
   */
  objectBytes: 16 * MiB,
  /**
   * Bytes inflated (objects, delta data and every delta result) while
   * indexing one fetched pack. A 10,000-document repository is about 20 MB
   * of documents; 2 GiB is years of history of many such repositories and
   * about 10 s of inflating and hashing, and it bounds a delta bomb's work.
   */
  fetchInflatedBytes: 2048 * MiB,
  /** Objects in one pack: a commit, two trees and a blob per edit, for 250,000 edits. */
  packObjects: 1_000_000,
  /**
   * Delta chain length a reader follows. git's pack-objects never makes
   * chains longer than 4,095 (its --depth maximum) and index-pack has no
   * limit; chains are resolved iteratively, so this only bounds the work.
   */
  deltaChain: 10_000,
  /**
   * Bytes held at once for delta bases while a fetched pack is indexed:
   * only bases with more deltas still waiting are kept (a straight chain
   * holds two objects), so this is reached only by many branching bases.
   */
  chainHeldBytes: 256 * MiB,
} as const;

export type GitLimitName = keyof typeof GIT_LIMITS;

/** What was wrong: a limit passed, or bytes that are not what git writes. */
export type GitFormatReason =
  | 'pack-header'
  | 'pack-checksum'
  | 'pack-truncated'
  | 'pack-entry'
  | 'size-mismatch'
  | 'delta'
  | 'delta-base'
  | 'tree'
  | 'commit'
  | 'loose-object'
  | 'missing-object'
  | 'limit';

/**
 * Malformed or oversized git data. `limit` names the limit passed (then
 * reason is 'limit'). The sync turns it into an AppError (gitErrors.ts)
 * whose message is this one's.
 */
export class GitFormatError extends Error {
  constructor(
    readonly reason: GitFormatReason,
    message: string,
    readonly limit?: GitLimitName,
  ) {
    super(message);
    this.name = 'GitFormatError';
  }
}

/** Throws the limit's GitFormatError when `value` is above it. */
export function checkLimit(name: GitLimitName, value: number, what: string): void {
  const max = GIT_LIMITS[name];
  if (value > max) throw new GitFormatError('limit', `${what} (${describeAmount(value, name)}) is over the limit of ${describeAmount(max, name)}`, name);
}

function describeAmount(n: number, name: GitLimitName): string {
  if (name === 'packObjects' || name === 'deltaChain') return n.toLocaleString('en-US');
  return n >= MiB ? `${(n / MiB).toFixed(n % MiB === 0 ? 0 : 1)} MiB` : `${n.toLocaleString('en-US')} bytes`;
}
