import crypto from 'node:crypto';
import fs from 'node:fs';
import git, { type AuthCallback, type GitAuth, type TreeEntry } from 'isomorphic-git';
import { commitContent, ObjectBatch, treeContent } from './gitObjects';
import { fetchBranch } from './gitFetch';
import { discover, type TransportOptions } from './gitHttp';
import { PackReader, parseTree, readLooseObject } from './gitPackReader';
import { pushPack } from './gitPush';
import { classifyEntry, nameProblem, type EntryClass } from './treeEntryCheck';

/** Where to fetch from and push to; the credentials reach git only through onAuth. */
export interface RemoteTarget {
  url: string;
  branch: string;
  onAuth?: AuthCallback;
}

/** What a fetch or a push may be given besides its target: a Cancel, and a listener for the server's messages. */
export type TransferOptions = Pick<TransportOptions, 'signal' | 'onMessage'>;

export interface CommitAuthor {
  name: string;
  email: string;
  /** The author's IANA time zone (the sync worker's own zone may differ from the user's); this thread's zone when absent. */
  timeZone?: string;
}

/** Minutes behind UTC at `when` in an IANA zone, as Date.getTimezoneOffset() counts them (-330 for Asia/Kolkata). */
export function timezoneOffsetIn(timeZone: string, when: Date): number {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(when).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
    if (!m) return when.getTimezoneOffset();
    return m[1] ? (m[1] === '-' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  } catch {
    // An unknown zone name: this thread's own offset.
    return when.getTimezoneOffset();
  }
}

const REMOTE = 'origin';

/** A listing of files, and of the entries left out with the reason. */
interface Listing {
  files: Map<string, string>;
  skipped: Map<string, string>;
}

/**
 * A bare repository in the workspace, driven with isomorphic-git's low-level
 * calls only: objects are written directly (writeBlob / writeTree /
 * writeCommit), there is no index and no working tree, and a commit rewrites
 * only the trees above the files it changes.
 */
export class GitRepo {
  /** isomorphic-git's object cache, kept across calls of one sync. */
  private cache: object = {};
  /** Credentials the server accepted on the last fetch, sent up front by the push that follows. */
  private auth: GitAuth | undefined;
  /**
   * Trees read, by id, kept across syncs (an id names one content forever):
   * each sync lists the same 10,000-entry folders, and most are unchanged.
   */
  private readonly trees = new Map<string, TreeEntry[]>();
  /**
   * The last listing of files (listFiles), by root tree and folders: made by
   * a walk, or worked out by buildTree for the tree it built.
   */
  private listing: ({ tree: string; folders: readonly string[] } & Listing) | null = null;
  /** Reads packed objects natively; renewed after each fetch (a fetch adds a pack). */
  private packs: PackReader;
  /** Set when the server redirected the repository during this sync: the URL it now lives at (git warns about it too). */
  redirectedTo: string | null = null;

  constructor(readonly gitdir: string) {
    this.packs = new PackReader(gitdir);
  }

  /** Creates the bare repository if it is not there yet. */
  async init(): Promise<void> {
    if (fs.existsSync(`${this.gitdir}/HEAD`)) return;
    fs.mkdirSync(this.gitdir, { recursive: true });
    await git.init({ fs, gitdir: this.gitdir, bare: true, defaultBranch: 'main' });
  }

  /** Forgets the object cache (between syncs: it only grows). */
  resetCache(): void {
    this.cache = {};
    this.auth = undefined;
    this.redirectedTo = null;
    this.packs = new PackReader(this.gitdir);
  }

  /**
   * An object read with Node's zlib, loose or packed; null when neither
   * reader finds it (the caller then asks isomorphic-git, which knows every
   * corner of the format).
   */
  private readObject(oid: string): { type: string; content: Buffer } | null {
    return readLooseObject(this.gitdir, oid) ?? this.packs.read(oid);
  }

  /** The branches of the remote (for a connection test); throws on a network or auth failure. */
  async listBranches(target: RemoteTarget, options: TransferOptions = {}): Promise<string[]> {
    // The sync's own discovery (not isomorphic-git's listServerRefs, which asks for protocol v2): the test says what a sync would meet.
    const ad = await discover(target.url, 'git-upload-pack', target.onAuth, undefined, options);
    return [...ad.refs.keys()].filter((r) => r.startsWith('refs/heads/')).map((r) => r.slice('refs/heads/'.length));
  }

  /**
   * Fetches the branch. Returns its head commit, or null when the remote is
   * empty (a new repository). Throws NotFoundError when the remote has
   * commits but not this branch.
   */
  async fetch(target: RemoteTarget, options: TransferOptions = {}): Promise<string | null> {
    await this.init();
    await git.addRemote({ fs, gitdir: this.gitdir, remote: REMOTE, url: target.url, force: true });
    // What we have: the local branch and the last known remote head (each with its whole history).
    const haves: string[] = [];
    for (const ref of [`refs/heads/${target.branch}`, `refs/remotes/${REMOTE}/${target.branch}`]) {
      const oid = await git.resolveRef({ fs, gitdir: this.gitdir, ref }).catch(() => null);
      if (oid && this.readObject(oid)) haves.push(oid);
    }
    const r = await fetchBranch({ gitdir: this.gitdir, url: target.url, branch: target.branch, haves, has: (oid) => this.readObject(oid) !== null, onAuth: target.onAuth, auth: this.auth, ...options });
    this.auth = r.auth;
    if (r.redirectedTo) this.redirectedTo = r.redirectedTo;
    this.packs = new PackReader(this.gitdir);
    if (r.head) await git.writeRef({ fs, gitdir: this.gitdir, ref: `refs/remotes/${REMOTE}/${target.branch}`, value: r.head, force: true });
    return r.head;
  }

  /** The parents of a commit (read with Node's zlib when it can, else through isomorphic-git); throws when it is not here. */
  async parentsOf(commit: string): Promise<string[]> {
    const object = this.readObject(commit);
    if (object?.type === 'commit') {
      const header = object.content.toString('latin1', 0, Math.max(0, object.content.indexOf('\n\n')));
      return [...header.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]!);
    }
    return (await git.readCommit({ fs, gitdir: this.gitdir, oid: commit, cache: this.cache })).commit.parent;
  }

  /** The root tree of a commit. */
  async treeOf(commit: string): Promise<string> {
    const object = this.readObject(commit);
    if (object?.type === 'commit') {
      const m = /^tree ([0-9a-f]{40})/.exec(object.content.toString('latin1', 0, 46));
      if (m) return m[1]!;
    }
    return (await git.readCommit({ fs, gitdir: this.gitdir, oid: commit, cache: this.cache })).commit.tree;
  }

  /** A tree's entries: from the cache, else read with Node's zlib, else through isomorphic-git. */
  private async entries(tree: string): Promise<TreeEntry[]> {
    const cached = this.trees.get(tree);
    if (cached) return cached;
    const object = this.readObject(tree);
    const entries = object?.type === 'tree' ? parseTree(object.content) : (await git.readTree({ fs, gitdir: this.gitdir, oid: tree, cache: this.cache })).tree;
    // A handful of trees per commit: keep the recent ones (a few MB for 10,000 files).
    if (this.trees.size >= 64) this.trees.delete(this.trees.keys().next().value!);
    this.trees.set(tree, entries);
    return entries;
  }

  /**
   * Every file under the given top folders, plus the top-level files, as
   * path -> blob id. Other folders are not read. Entries the sync must not
   * take in (see treeEntryCheck) are left out: skippedIn() names them.
   */
  async listFiles(tree: string, folders: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return (await this.listEntries(tree, folders)).files;
  }

  /** listFiles, with the entries it left out: path (as the tree names it: escape before printing) -> why. */
  async listEntries(tree: string, folders: readonly string[]): Promise<{ files: ReadonlyMap<string, string>; skipped: ReadonlyMap<string, string> }> {
    const last = this.listing;
    if (last && sameFolders(last.folders, folders)) {
      if (last.tree === tree) return last;
      // From the last listing and what differs between the two trees: only changed folders are read. (A tree
      // built by a sync whose objects never reached the repository cannot be read: then the walk below.)
      const listing: Listing = { files: new Map(last.files), skipped: new Map(last.skipped) };
      const diffed = await this.diffInto(listing, last.tree, tree, '', folders).then(
        () => true,
        () => false,
      );
      if (diffed) {
        this.listing = { tree, folders, ...listing };
        return listing;
      }
    }
    const listing: Listing = { files: new Map(), skipped: new Map() };
    await this.walkInto(listing, tree, '', folders, true);
    this.listing = { tree, folders, ...listing };
    return listing;
  }

  /** What an entry adds to a listing: a file, a folder to read, a skipped entry, or nothing (a top folder not listed). */
  private static classify(e: TreeEntry, prefix: string, folders: readonly string[]): EntryClass | null {
    const c = classifyEntry(e.path, e.mode);
    if (c.type === 'folder' && prefix === '' && !folders.includes(e.path)) return null;
    // Hostile names at the top, outside the listed folders, are never read: nothing to report.
    if (c.type === 'skip' && prefix === '' && e.type === 'tree') return null;
    return c;
  }

  /** Adds (or, with `add` false, removes) an entry and everything below it. */
  private async addEntry(listing: Listing, e: TreeEntry, prefix: string, folders: readonly string[], add: boolean): Promise<void> {
    const c = GitRepo.classify(e, prefix, folders);
    const p = prefix + e.path;
    if (!c) return;
    if (c.type === 'folder') await this.walkInto(listing, e.oid, `${p}/`, folders, add);
    else if (c.type === 'file') {
      if (add) listing.files.set(p, e.oid);
      else listing.files.delete(p);
    } else if (add) listing.skipped.set(p, c.reason);
    else listing.skipped.delete(p);
  }

  /** Adds (or, with `add` false, removes) every file of a tree; at the top, only the listed folders and the files. */
  private async walkInto(listing: Listing, tree: string, prefix: string, folders: readonly string[], add: boolean): Promise<void> {
    for (const e of await this.entries(tree)) await this.addEntry(listing, e, prefix, folders, add);
  }

  /** Brings a listing of tree `from` to tree `to`, reading only the subtrees whose ids differ. */
  private async diffInto(listing: Listing, from: string, to: string, prefix: string, folders: readonly string[]): Promise<void> {
    if (from === to) return;
    const before = new Map((await this.entries(from)).map((e) => [e.path, e]));
    const after = new Map((await this.entries(to)).map((e) => [e.path, e]));
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const x = before.get(name);
      const y = after.get(name);
      if (x && y && x.oid === y.oid && x.mode === y.mode) continue;
      const cx = x ? GitRepo.classify(x, prefix, folders) : null;
      const cy = y ? GitRepo.classify(y, prefix, folders) : null;
      if (cx?.type === 'folder' && cy?.type === 'folder') {
        await this.diffInto(listing, x!.oid, y!.oid, `${prefix + name}/`, folders);
        continue;
      }
      if (x) await this.addEntry(listing, x, prefix, folders, false);
      if (y) await this.addEntry(listing, y, prefix, folders, true);
    }
  }

  async readText(oid: string): Promise<string> {
    const object = this.readObject(oid);
    if (object?.type === 'blob') return object.content.toString('utf8');
    const { blob } = await git.readBlob({ fs, gitdir: this.gitdir, oid, cache: this.cache });
    return Buffer.from(blob).toString('utf8');
  }

  async writeText(text: string): Promise<string> {
    return git.writeBlob({ fs, gitdir: this.gitdir, blob: Buffer.from(text, 'utf8') });
  }

  /** The blob id git gives a text, without writing it. */
  static blobOid(text: string): string {
    const body = Buffer.from(text, 'utf8');
    return crypto.createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
  }

  /**
   * A new root tree: the base tree with `changes` applied (path -> blob id,
   * or null to delete). Only the trees on the way to a changed file are read
   * and rewritten; every other subtree is reused by id. A folder left empty
   * disappears, as in git.
   */
  async buildTree(base: string | null, changes: ReadonlyMap<string, string | null>, batch?: ObjectBatch): Promise<string> {
    // Never write a tree git would refuse (`..`, `.git`, a control character): whatever planned such a path is a bug.
    for (const p of changes.keys()) {
      const bad = p.split('/').map(nameProblem).find((r) => r !== null);
      if (bad) throw new Error(`refusing to write ${JSON.stringify(p)} to the repository: ${bad}`);
    }
    const tree = (await this.buildDir(base, changes, batch)) ?? (await this.writeTree([], batch));
    // The new tree's listing is the base's with the changes: the next sync (whose head is this commit) need not walk it.
    const last = this.listing;
    if (last && base !== null && last.tree === base) {
      const files = new Map(last.files);
      for (const [p, oid] of changes) {
        const slash = p.indexOf('/');
        if (slash >= 0 && !last.folders.includes(p.slice(0, slash))) continue;
        if (oid === null) files.delete(p);
        else files.set(p, oid);
      }
      this.listing = { tree, folders: last.folders, files, skipped: last.skipped };
    }
    return tree;
  }

  /** Writes a tree: into the batch when one is given, else straight to the repository. */
  private writeTree(entries: TreeEntry[], batch: ObjectBatch | undefined): Promise<string> {
    if (batch) return Promise.resolve(batch.add('tree', treeContent(entries)));
    return git.writeTree({ fs, gitdir: this.gitdir, tree: entries });
  }

  private async buildDir(tree: string | null, changes: ReadonlyMap<string, string | null>, batch: ObjectBatch | undefined): Promise<string | null> {
    const byName = new Map<string, TreeEntry>();
    if (tree) for (const e of await this.entries(tree)) byName.set(e.path, e);
    const sub = new Map<string, Map<string, string | null>>();
    for (const [p, oid] of changes) {
      const slash = p.indexOf('/');
      if (slash < 0) {
        if (oid === null) byName.delete(p);
        // A rewritten file keeps its executable bit (someone set it on purpose); anything else becomes a regular file.
        else byName.set(p, { mode: byName.get(p)?.mode.replace(/^0+/, '') === '100755' ? '100755' : '100644', path: p, oid, type: 'blob' });
        continue;
      }
      const dir = p.slice(0, slash);
      if (!sub.has(dir)) sub.set(dir, new Map());
      sub.get(dir)!.set(p.slice(slash + 1), oid);
    }
    for (const [dir, inner] of sub) {
      const existing = byName.get(dir);
      const child = await this.buildDir(existing?.type === 'tree' ? existing.oid : null, inner, batch);
      if (child === null) byName.delete(dir);
      else byName.set(dir, { mode: '040000', path: dir, oid: child, type: 'tree' });
    }
    if (byName.size === 0) return null;
    return this.writeTree([...byName.values()], batch);
  }

  /** Writes a commit object (no branch moves): into the batch when one is given, else straight to the repository. */
  async commit(tree: string, parent: string | null, message: string, author: CommitAuthor, when: Date, batch?: ObjectBatch): Promise<string> {
    // The user's own time-zone offset at that moment, as git records it (+0200 in Berlin in summer).
    const person = { name: author.name, email: author.email, timestamp: Math.floor(when.getTime() / 1000), timezoneOffset: author.timeZone ? timezoneOffsetIn(author.timeZone, when) : when.getTimezoneOffset() };
    if (batch) return batch.add('commit', commitContent(tree, parent ? [parent] : [], person, person, message));
    return git.writeCommit({ fs, gitdir: this.gitdir, commit: { message, tree, parent: parent ? [parent] : [], author: person, committer: person } });
  }

  /** A batch for the objects of one commit (see ObjectBatch): written with writeBlob/buildTree/commit, stored and pushed by push(). */
  newBatch(): ObjectBatch {
    return new ObjectBatch();
  }

  /**
   * Adds a text file's blob to the batch; returns its id. `loose`: stored as
   * a loose object even in a big batch (the top-level files, read on every sync).
   */
  static stageText(batch: ObjectBatch, text: string, loose = false): string {
    return batch.add('blob', Buffer.from(text, 'utf8'), loose);
  }

  /**
   * Stores the batch (the new commit and every object it adds) in this
   * repository, moves the local branch to the commit, and pushes it as one
   * pack on top of `parent`, the remote head it was built on (fast-forward
   * only: a remote that moved meanwhile gives PushRejectedError).
   */
  async push(target: RemoteTarget, commit: string, parent: string | null, batch: ObjectBatch, options: TransferOptions = {}): Promise<void> {
    batch.store(this.gitdir);
    await git.writeRef({ fs, gitdir: this.gitdir, ref: `refs/heads/${target.branch}`, value: commit, force: true });
    const { chunks } = batch.pack();
    const ref = `refs/heads/${target.branch}`;
    const pushed = await pushPack({ url: target.url, ref, oldOid: parent, newOid: commit, pack: chunks, onAuth: target.onAuth, auth: this.auth, ...options });
    this.auth = pushed.auth;
    if (pushed.redirectedTo) this.redirectedTo = pushed.redirectedTo;
    await git.writeRef({ fs, gitdir: this.gitdir, ref: `refs/remotes/${REMOTE}/${target.branch}`, value: commit, force: true });
  }
}

/**
 * Rejects as soon as the signal fires. The request itself is not stopped
 * here (the HTTP functions take no signal yet): a cancelled sync in the
 * worker ends with the worker (syncWorkerHost), which closes its sockets.
 */

function sameFolders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
