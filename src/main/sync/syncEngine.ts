import type { SyncChange, SyncCounts, SyncDeletionsData, SyncFileError, SyncPhase, SyncResult } from '../../shared/contract/sync';
import { AppError } from '../../shared/errors';
import { deletionsNeedConsent } from '../../shared/sync/deletionGuard';
import { CONFIG_FILE, FORMAT_VERSION, layoutFiles, readFormatVersion } from '../../shared/sync/repoLayout';
import { cancelled, describeGitError, isPushRejected } from './gitErrors';
import { refuseLfsWrites } from './gitLfs';
import { GitFormatError } from './gitLimits';
import type { CommitAuthor, GitRepo, RemoteTarget } from './gitRepo';
import { StagedFiles } from './stagedFiles';
import { branchMissingError, historyRewrittenError, holdsCommit, type SyncAnchor } from './syncAnchor';

/** The fetched state of the team repository, as a record set sees it. */
export interface RemoteSnapshot {
  /** The head commit, or null for an empty repository. */
  head: string | null;
  /** Every file under the record sets' folders and at the top: path -> blob id. */
  files: ReadonlyMap<string, string>;
  read(oid: string): Promise<string>;
  /** The files (as `files`) at an earlier commit of this repository, or null when it is not here. */
  filesAt(commit: string): Promise<ReadonlyMap<string, string> | null>;
  /**
   * The branch is not known to hold the last synced commit (the user moved
   * the workspace to another repository or branch): merge against the
   * stored base text, and a file missing here is not a deletion.
   */
  rebound: boolean;
}

/** What a record set wants to do in this sync. */
export interface RecordSetPlan {
  changes: SyncChange[];
  conflicts: number;
  errors: SyncFileError[];
  /** Files it deliberately did not read (Git LFS), each with the reason. */
  skipped?: SyncFileError[];
  /**
   * The documents in the library, for a record set whose deletions the
   * mass-deletion guard counts (its changes with action "deleted").
   */
  library?: number;
  /**
   * Brings the local database in line, once the commit is in the repository
   * (inside one transaction). `head`: the commit the remote branch is at now
   * (the one pushed, or the one fetched when nothing was pushed).
   */
  apply(head: string | null): void;
}

/**
 * One kind of record kept in the team repository and merged by id:
 * documents today; review records (reviews/<id>.yml) plug in the same way.
 */
export interface RecordSet {
  name: string;
  /** Top folders of the repository it owns. */
  folders: readonly string[];
  /** Plans the merge; the files it changes in the repository go to `files` as it goes. */
  plan(snapshot: RemoteSnapshot, progress: (done: number, total: number) => void, files: StagedFiles): Promise<RecordSetPlan>;
}

export interface SyncEngineDeps {
  repo: GitRepo;
  recordSets: readonly RecordSet[];
  /** Runs the apply steps in one database transaction. */
  transaction: (fn: () => void) => void;
  now: () => Date;
  /** Attempts before giving up when others keep pushing in between. */
  maxAttempts?: number;
  /** The last sync with the team branch (see SyncAnchor); null or absent when this workspace never synced. */
  anchor?: SyncAnchor | null;
  /** Records the commit the branch is at once the sync applied (called inside the apply transaction). */
  saveAnchor?: (head: string | null) => void;
  /** Go ahead although the sync deletes many documents (the user confirmed). */
  allowDeletes?: boolean;
  /** Cancels the sync up to the push; once the push went through, the run finishes (the database must learn of it). */
  signal?: AbortSignal;
}

export interface Progress {
  phase: SyncPhase;
  counts: SyncCounts;
  /** The server's latest `remote:` line (side-band channel 2), once it sent one. */
  message?: string;
}

/**
 * The commit message: a summary line, then one line per document touched.
 * A renumber is a line of its own but not another document in the summary;
 * a commit that only writes ids or numbers back into files (`written`: the
 * paths the commit changes) says so instead of claiming to set anything up.
 */
export function commitMessage(changes: readonly SyncChange[], layout: boolean, written: ReadonlyMap<string, string | null> = new Map()): string {
  const out = changes.filter((c) => c.direction === 'out');
  const verbs: Record<SyncChange['action'], string> = { added: 'Add', updated: 'Update', deleted: 'Delete', renumbered: 'Renumber' };
  const lines = out.map((c) => `${verbs[c.action]} ${c.ref} ${c.title} (${c.path})`);
  if (layout) lines.unshift(`Set up the DesignDesk repository layout (${CONFIG_FILE})`);
  const docs = out.filter((c) => c.action !== 'renumbered');
  const named = new Set(out.map((c) => c.path));
  const writtenBack = [...written.keys()].filter((p) => written.get(p) !== null && !named.has(p) && p.includes('/')).sort();
  let first: string;
  if (docs.length === 1) first = `${verbs[docs[0]!.action]} ${docs[0]!.ref}: ${docs[0]!.title}`;
  else if (docs.length > 1) first = `DesignDesk sync: ${docs.length} documents`;
  else if (layout) first = 'DesignDesk: set up the team repository';
  else if (writtenBack.length > 0) {
    first = `DesignDesk: write ids and numbers into ${writtenBack.length} ${writtenBack.length === 1 ? 'file' : 'files'}`;
    lines.push(...writtenBack.map((p) => `Write back the id and number of ${p}`));
  } else first = 'DesignDesk sync';
  return `${first.slice(0, 72)}\n\n${lines.join('\n')}\n`;
}

/**
 * One sync: fetch, let each record set merge, write ONE commit on top of the
 * remote head (only the changed blobs and the trees above them), push, and
 * start over from the fetch when someone pushed in between. The database is
 * changed only after the push went through, so a failed sync leaves
 * everything as it was and the next one picks up.
 */
export async function runSync(deps: SyncEngineDeps, target: RemoteTarget, author: CommitAuthor, onProgress: (p: Progress) => void): Promise<SyncResult> {
  try {
    return await syncAttempts(deps, target, author, onProgress);
  } catch (e) {
    // A repository object that breaks its format, met after the fetch (a tree walked, a blob read): named, never INTERNAL.
    if (e instanceof GitFormatError) throw describeGitError(e, target.url, target.branch);
    throw e;
  }
}

async function syncAttempts(deps: SyncEngineDeps, target: RemoteTarget, author: CommitAuthor, onProgress: (p: Progress) => void): Promise<SyncResult> {
  const counts: SyncCounts = { done: 0, total: 0, in: 0, out: 0, conflicts: 0, errors: 0 };
  let phase: SyncPhase = 'fetching';
  let message: string | undefined;
  const report = (now: SyncPhase): void => {
    phase = now;
    onProgress({ phase, counts: { ...counts }, ...(message === undefined ? {} : { message }) });
  };
  // The server's `remote:` lines (its progress, a hook's explanation) shown as they arrive.
  const onMessage = (line: string): void => {
    message = line.slice(0, 400);
    report(phase);
  };
  const folders = deps.recordSets.flatMap((r) => r.folders);
  const attempts = deps.maxAttempts ?? 5;
  const signal = deps.signal;
  const fail = (e: unknown): never => {
    if (signal?.aborted) throw cancelled();
    throw describeGitError(e, target.url, target.branch);
  };
  const anchor = deps.anchor ?? null;
  const checkCancel = (): void => {
    if (signal?.aborted) throw cancelled();
  };
  deps.repo.resetCache();

  for (let attempt = 1; attempt <= attempts; attempt++) {
    Object.assign(counts, { done: 0, total: 0, in: 0, out: 0, conflicts: 0, errors: 0 });
    checkCancel();
    report('fetching');
    const head = await deps.repo.fetch(target, { signal, onMessage }).catch(async (e: unknown) => {
      // A branch synced with before and now missing is never "a new repository" (issue 13, item 1).
      if (anchor && !anchor.rebound && (e as { code?: string } | null)?.code === 'NotFoundError') throw branchMissingError(target.url, target.branch, await deps.repo.listBranches(target).catch(() => []), anchor);
      return fail(e);
    });
    const rebound = await checkAnchor(deps, target, head, anchor);
    checkCancel();
    const tree = head ? await deps.repo.treeOf(head) : null;
    // Entries the sync must not take in (`..`, `.git`, control characters, symlinks, submodules) are left out and named.
    const listing = tree ? await deps.repo.listEntries(tree, folders) : { files: new Map<string, string>(), skipped: new Map<string, string>() };
    const files = listing.files;
    const filesAt = async (commit: string): Promise<ReadonlyMap<string, string> | null> => {
      try {
        return await deps.repo.listFiles(await deps.repo.treeOf(commit), folders);
      } catch {
        return null;
      }
    };
    const snapshot: RemoteSnapshot = { head, files, read: (oid) => deps.repo.readText(oid), filesAt, rebound };
    const configOid = files.get(CONFIG_FILE);
    if (configOid) {
      const v = readFormatVersion(await deps.repo.readText(configOid));
      if (!v.ok) throw new AppError('UNSUPPORTED', `The team repository's ${v.reason}.`);
      if (v.version > FORMAT_VERSION) throw new AppError('UNSUPPORTED', `The team repository uses format ${v.version}; this DesignDesk reads format ${FORMAT_VERSION}. Update DesignDesk to sync with it.`);
    }

    report('merging');
    // Every new object goes into one batch: stored here and pushed as one pack, each compressed once.
    const batch = deps.repo.newBatch();
    const staged = new StagedFiles(batch);
    const plans: RecordSetPlan[] = [];
    for (const set of deps.recordSets) {
      const plan = await set.plan(
        snapshot,
        (done, total) => {
          Object.assign(counts, { done, total });
          report('merging');
        },
        staged,
      );
      plans.push(plan);
      checkCancel();
      counts.in += plan.changes.filter((c) => c.direction === 'in').length;
      counts.out += plan.changes.filter((c) => c.direction === 'out' && c.action !== 'renumbered').length;
      counts.conflicts += plan.conflicts;
      counts.errors += plan.errors.length;
      report('merging');
    }

    guardDeletions(plans, deps.allowDeletes ?? false);

    // The layout of a new repository, where no record set wrote its own version of a file (the review policy's designdesk.yml).
    const layout = !configOid;
    if (layout) for (const [p, text] of layoutFiles()) if (!files.has(p) && !staged.changes.has(p)) staged.write(p, text);

    let commit: string | null = null;
    if (staged.changes.size > 0) {
      await refuseLfsWrites(files, staged.changes, (oid) => deps.repo.readText(oid));
      report('committing');
      const newTree = await deps.repo.buildTree(tree, staged.changes, batch);
      if (newTree !== tree) {
        const changes = plans.flatMap((p) => p.changes);
        commit = await deps.repo.commit(newTree, head, commitMessage(changes, layout && !head, staged.changes), author, deps.now(), batch);
        checkCancel();
        report('pushing');
        try {
          await deps.repo.push(target, commit, head, batch, { signal, onMessage });
        } catch (e) {
          if (isPushRejected(e) && attempt < attempts) continue;
          fail(e);
        }
      }
    }

    deps.transaction(() => {
      for (const plan of plans) plan.apply(commit ?? head);
      deps.saveAnchor?.(commit ?? head);
    });
    const changes = plans.flatMap((p) => p.changes);
    return {
      in: counts.in,
      out: counts.out,
      conflicts: counts.conflicts,
      errors: plans.flatMap((p) => p.errors),
      skipped: [...[...listing.skipped].map(([path, reason]) => ({ path, reason })), ...plans.flatMap((p) => p.skipped ?? [])],
      commit,
      changes,
      at: deps.now().toISOString(),
      // git follows a redirect of info/refs and warns; so does the sync (the remote URL stays as the user set it).
      ...(deps.repo.redirectedTo ? { warnings: [`The team repository answered from ${deps.repo.redirectedTo} (a redirect from ${target.url}). Consider changing the remote URL to it.`] } : {}),
    };
  }
  throw new AppError('CONFLICT', 'The team repository kept changing while syncing. Sync again in a moment.', { reason: 'push-rejected' });
}

/**
 * Checks the fetched branch against the last sync: a workspace that synced
 * before never reads a missing or emptied branch as an empty repository,
 * and never builds on a history that does not hold the commit it synced
 * with (that would undo or delete what it had). After the user rebound the
 * workspace, a branch without that commit is taken as it is. Returns
 * whether this sync merges by base text only (RemoteSnapshot.rebound).
 */
async function checkAnchor(deps: SyncEngineDeps, target: RemoteTarget, head: string | null, anchor: SyncAnchor | null): Promise<boolean> {
  if (!anchor) return false;
  const holds = head !== null && anchor.commit !== null && (await holdsCommit((c) => deps.repo.parentsOf(c), head, anchor.commit));
  if (anchor.rebound) return !holds;
  if (head === null) throw branchMissingError(target.url, target.branch, await deps.repo.listBranches(target).catch(() => []), anchor);
  if (anchor.commit !== null && !holds) throw historyRewrittenError(target.url, target.branch, head, anchor);
  return false;
}

/** Stops the sync, before anything changed, when it would delete many documents without the user's consent. */
function guardDeletions(plans: readonly RecordSetPlan[], allowed: boolean): void {
  if (allowed) return;
  const guarded = plans.filter((p) => p.library !== undefined);
  // In path order (folder, then number): the order plans come in depends on which finished first.
  const deletions = guarded.flatMap((p) => p.changes.filter((c) => c.action === 'deleted')).sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  const library = guarded.reduce((n, p) => n + (p.library ?? 0), 0);
  if (!deletionsNeedConsent(deletions.length, library)) return;
  const here = deletions.filter((c) => c.direction === 'in').length;
  const there = deletions.length - here;
  const where = [here ? `${here} here (to the trash, deleted in the team repository)` : '', there ? `${there} from the team repository (deleted here)` : ''].filter(Boolean).join(' and ');
  throw new AppError(
    'CONFLICT',
    `This sync would delete ${deletions.length} of ${library} documents: ${where}. Nothing was changed. Check the list; to go ahead, confirm the deletion in the app or run "designdesk sync --allow-deletes".`,
    { reason: 'deletions', deletions, library } satisfies SyncDeletionsData,
  );
}
