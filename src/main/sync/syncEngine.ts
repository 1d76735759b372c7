import type { SyncChange, SyncCounts, SyncFileError, SyncPhase, SyncResult } from '../../shared/contract/sync';
import { AppError } from '../../shared/errors';
import { CONFIG_FILE, FORMAT_VERSION, layoutFiles, readFormatVersion } from '../../shared/sync/repoLayout';
import { describeGitError, isPushRejected } from './gitErrors';
import type { CommitAuthor, GitRepo, RemoteTarget } from './gitRepo';
import { StagedFiles } from './stagedFiles';

/** The fetched state of the team repository, as a record set sees it. */
export interface RemoteSnapshot {
  /** The head commit, or null for an empty repository. */
  head: string | null;
  /** Every file under the record sets' folders and at the top: path -> blob id. */
  files: ReadonlyMap<string, string>;
  read(oid: string): Promise<string>;
  /** The files (as `files`) at an earlier commit of this repository, or null when it is not here. */
  filesAt(commit: string): Promise<ReadonlyMap<string, string> | null>;
}

/** What a record set wants to do in this sync. */
export interface RecordSetPlan {
  changes: SyncChange[];
  conflicts: number;
  errors: SyncFileError[];
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
}

export interface Progress {
  phase: SyncPhase;
  counts: SyncCounts;
}

/** The commit message: a summary line, then one line per document touched. */
export function commitMessage(changes: readonly SyncChange[], layout: boolean): string {
  const out = changes.filter((c) => c.direction === 'out');
  const verbs: Record<SyncChange['action'], string> = { added: 'Add', updated: 'Update', deleted: 'Delete', renumbered: 'Renumber' };
  const lines = out.map((c) => `${verbs[c.action]} ${c.ref} ${c.title} (${c.path})`);
  if (layout) lines.unshift(`Set up the DesignDesk repository layout (${CONFIG_FILE})`);
  const first = out.length === 1 ? `${verbs[out[0]!.action]} ${out[0]!.ref}: ${out[0]!.title}` : out.length ? `DesignDesk sync: ${out.length} documents` : 'DesignDesk: set up the team repository';
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
  const counts: SyncCounts = { done: 0, total: 0, in: 0, out: 0, conflicts: 0, errors: 0 };
  const report = (phase: SyncPhase): void => onProgress({ phase, counts: { ...counts } });
  const folders = deps.recordSets.flatMap((r) => r.folders);
  const attempts = deps.maxAttempts ?? 5;
  const fail = (e: unknown): never => {
    throw describeGitError(e, target.url, target.branch);
  };
  deps.repo.resetCache();

  for (let attempt = 1; attempt <= attempts; attempt++) {
    Object.assign(counts, { done: 0, total: 0, in: 0, out: 0, conflicts: 0, errors: 0 });
    report('fetching');
    const head = await deps.repo.fetch(target).catch(fail);
    const tree = head ? await deps.repo.treeOf(head) : null;
    const files = tree ? await deps.repo.listFiles(tree, folders) : new Map<string, string>();
    const filesAt = async (commit: string): Promise<ReadonlyMap<string, string> | null> => {
      try {
        return await deps.repo.listFiles(await deps.repo.treeOf(commit), folders);
      } catch {
        return null;
      }
    };
    const snapshot: RemoteSnapshot = { head, files, read: (oid) => deps.repo.readText(oid), filesAt };
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
      counts.in += plan.changes.filter((c) => c.direction === 'in').length;
      counts.out += plan.changes.filter((c) => c.direction === 'out' && c.action !== 'renumbered').length;
      counts.conflicts += plan.conflicts;
      counts.errors += plan.errors.length;
      report('merging');
    }

    // The layout of a new repository, where no record set wrote its own version of a file (the review policy's designdesk.yml).
    const layout = !configOid;
    if (layout) for (const [p, text] of layoutFiles()) if (!files.has(p) && !staged.changes.has(p)) staged.write(p, text);

    let commit: string | null = null;
    if (staged.changes.size > 0) {
      report('committing');
      const newTree = await deps.repo.buildTree(tree, staged.changes, batch);
      if (newTree !== tree) {
        const changes = plans.flatMap((p) => p.changes);
        commit = await deps.repo.commit(newTree, head, commitMessage(changes, layout && !head), author, deps.now(), batch);
        report('pushing');
        try {
          await deps.repo.push(target, commit, head, batch);
        } catch (e) {
          if (isPushRejected(e) && attempt < attempts) continue;
          fail(e);
        }
      }
    }

    deps.transaction(() => {
      for (const plan of plans) plan.apply(commit ?? head);
    });
    const changes = plans.flatMap((p) => p.changes);
    return {
      in: counts.in,
      out: counts.out,
      conflicts: counts.conflicts,
      errors: plans.flatMap((p) => p.errors),
      commit,
      changes,
      at: deps.now().toISOString(),
      // git follows a redirect of info/refs and warns; so does the sync (the remote URL stays as the user set it).
      ...(deps.repo.redirectedTo ? { warnings: [`The team repository answered from ${deps.repo.redirectedTo} (a redirect from ${target.url}). Consider changing the remote URL to it.`] } : {}),
    };
  }
  throw new AppError('CONFLICT', 'The team repository kept changing while syncing. Sync again in a moment.', { reason: 'push-rejected' });
}
