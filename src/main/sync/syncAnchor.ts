import { AppError } from '../../shared/errors';
import type { SettingsStore } from '../store/settingsStore';
import type { SyncStore } from './syncStore';

/**
 * What this workspace knows of its last sync with the team branch: the
 * anchor a later sync checks the branch against, so that a deleted,
 * emptied or rewritten branch is never read as "everything was deleted"
 * and no new unrelated history is started silently (ADR 0006, docs/reliability.md).
 */
export interface SyncAnchor {
  /** The commit the branch was at when the last sync ended; null when not known (a workspace synced before anchors were kept). */
  commit: string | null;
  /**
   * The user pointed the workspace at a repository or branch again (another
   * URL or branch, or disconnected and connected again) since that sync.
   * Until a sync ends, a branch that does not hold `commit` is taken as it
   * is: documents merge against the stored base text, and a file missing
   * there is not a deletion.
   */
  rebound: boolean;
}

const KEY = 'sync.anchor';

/** Reads and writes the anchor in the workspace's settings (the same database as the bases it vouches for). */
export class SyncAnchorStore {
  constructor(
    private readonly settings: SettingsStore,
    private readonly sync: SyncStore,
  ) {}

  /** The anchor, or null when this workspace never synced (no anchor, no base: nothing to protect). */
  get(): SyncAnchor | null {
    const stored = this.settings.get<SyncAnchor>(KEY);
    if (stored) return stored;
    // A workspace that synced before anchors were kept: its bases say it did.
    return this.sync.hasBases() ? { commit: this.sync.appliedHead(), rebound: false } : null;
  }

  /** After a sync: the branch is at `commit` now (null: still empty), and this is the repository synced with. */
  synced(commit: string | null): void {
    this.settings.set(KEY, { commit, rebound: false } satisfies SyncAnchor);
  }

  /** The user chose the remote again: the next sync takes the branch as it is, merging by base text. */
  rebind(): void {
    const a = this.get();
    if (a) this.settings.set(KEY, { ...a, rebound: true } satisfies SyncAnchor);
  }
}

/**
 * Whether `head` is `commit` or descends from it: a walk of head's history
 * (breadth first, each commit once), which the fetch brought here. In an
 * ordinary sync the anchor is a few commits back and the walk stops there.
 */
export async function holdsCommit(parentsOf: (commit: string) => Promise<readonly string[]>, head: string, commit: string): Promise<boolean> {
  const seen = new Set<string>([head]);
  const queue = [head];
  for (let i = 0; i < queue.length; i++) {
    if (queue[i] === commit) return true;
    let parents: readonly string[];
    try {
      parents = await parentsOf(queue[i]!);
    } catch {
      // A commit of head's history that is not here: head cannot be shown to hold ours.
      return false;
    }
    for (const p of parents) {
      if (seen.has(p)) continue;
      seen.add(p);
      queue.push(p);
    }
  }
  return false;
}

const short = (oid: string | null): string => (oid ? oid.slice(0, 10) : 'unknown');

const RECONNECT = 'If that is what the team wants, disconnect the team repository and connect it again: the next sync then merges with it document by document and deletes nothing because a file is missing.';

/** The branch synced with before is not in the repository any more (deleted, or the repository emptied). */
export function branchMissingError(url: string, branch: string, branches: readonly string[], anchor: SyncAnchor): AppError {
  const where = branches.length
    ? `The branch "${branch}" no longer exists in the team repository (${url}); its branches are: ${branches.slice(0, 20).join(', ')}.`
    : `The team repository (${url}) is empty now: it has no branches, not even "${branch}".`;
  return new AppError(
    'NOT_FOUND',
    `${where} This workspace synced with "${branch}" before (last at commit ${short(anchor.commit)}), so nothing was changed here and nothing was pushed. ` +
      `If the branch was deleted by mistake, push it back (for example from a teammate's clone); if it was renamed, set the new branch. ${RECONNECT}`,
    { reason: branches.length ? 'branch-missing' : 'repository-empty', branch, branches: [...branches], lastSynced: anchor.commit },
  );
}

/** The branch's history no longer holds the commit synced with last (force-pushed, reset, or recreated elsewhere). */
export function historyRewrittenError(url: string, branch: string, head: string, anchor: SyncAnchor): AppError {
  return new AppError(
    'CONFLICT',
    `The branch "${branch}" of ${url} no longer holds the commit this workspace synced with last (${short(anchor.commit)}): it is at ${short(head)}, ` +
      `and its history was rewritten, reset, or started over. Nothing was changed here and nothing was pushed: syncing now would undo or delete what was there. ${RECONNECT}`,
    { reason: 'history-rewritten', branch, head, lastSynced: anchor.commit },
  );
}
