import crypto from 'node:crypto';
import fs from 'node:fs';
import git, { type AuthCallback, type GitAuth, type TreeEntry } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { commitContent, ObjectBatch, treeContent } from './gitObjects';
import { fetchBranch } from './gitFetch';
import { PackReader, parseTree, readLooseObject } from './gitPackReader';
import { pushPack } from './gitPush';

/** Where to fetch from and push to; the credentials reach git only through onAuth. */
export interface RemoteTarget {
  url: string;
  branch: string;
  onAuth?: AuthCallback;
}

export interface CommitAuthor {
  name: string;
  email: string;
}

const REMOTE = 'origin';

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
  private listing: { tree: string; folders: readonly string[]; files: ReadonlyMap<string, string> } | null = null;
  /** Reads packed objects natively; renewed after each fetch (a fetch adds a pack). */
  private packs: PackReader;

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

  private onAuthFailure = () => ({ cancel: true });

  /** The branches of the remote (for a connection test); throws on a network or auth failure. */
  async listBranches(target: RemoteTarget): Promise<string[]> {
    const refs = await git.listServerRefs({ http, url: target.url, onAuth: target.onAuth, onAuthFailure: this.onAuthFailure, prefix: 'refs/heads/' });
    return refs.map((r) => r.ref.replace(/^refs\/heads\//, ''));
  }

  /**
   * Fetches the branch. Returns its head commit, or null when the remote is
   * empty (a new repository). Throws NotFoundError when the remote has
   * commits but not this branch.
   */
  async fetch(target: RemoteTarget): Promise<string | null> {
    await this.init();
    await git.addRemote({ fs, gitdir: this.gitdir, remote: REMOTE, url: target.url, force: true });
    // What we have: the local branch and the last known remote head (each with its whole history).
    const haves: string[] = [];
    for (const ref of [`refs/heads/${target.branch}`, `refs/remotes/${REMOTE}/${target.branch}`]) {
      const oid = await git.resolveRef({ fs, gitdir: this.gitdir, ref }).catch(() => null);
      if (oid && this.readObject(oid)) haves.push(oid);
    }
    const r = await fetchBranch({ gitdir: this.gitdir, url: target.url, branch: target.branch, haves, has: (oid) => this.readObject(oid) !== null, onAuth: target.onAuth, auth: this.auth });
    this.auth = r.auth;
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
   * path -> blob id. Other folders are not read.
   */
  async listFiles(tree: string, folders: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const last = this.listing;
    if (last && sameFolders(last.folders, folders)) {
      if (last.tree === tree) return last.files;
      // From the last listing and what differs between the two trees: only changed folders are read. (A tree
      // built by a sync whose objects never reached the repository cannot be read: then the walk below.)
      const files = new Map(last.files);
      const diffed = await this.diffInto(files, last.tree, tree, '', folders).then(
        () => true,
        () => false,
      );
      if (diffed) {
        this.listing = { tree, folders, files };
        return files;
      }
    }
    const files = new Map<string, string>();
    await this.walkInto(files, tree, '', folders, true);
    this.listing = { tree, folders, files };
    return files;
  }

  /** Adds (or, with `remove`, deletes) every file of a tree; at the top, only the listed folders and the files. */
  private async walkInto(files: Map<string, string>, tree: string, prefix: string, folders: readonly string[], add: boolean): Promise<void> {
    for (const e of await this.entries(tree)) {
      const p = prefix + e.path;
      if (e.type === 'blob') {
        if (add) files.set(p, e.oid);
        else files.delete(p);
      } else if (e.type === 'tree' && (prefix !== '' || folders.includes(e.path))) await this.walkInto(files, e.oid, `${p}/`, folders, add);
    }
  }

  /** Brings a listing of tree `from` to tree `to`, reading only the subtrees whose ids differ. */
  private async diffInto(files: Map<string, string>, from: string, to: string, prefix: string, folders: readonly string[]): Promise<void> {
    if (from === to) return;
    const before = new Map((await this.entries(from)).map((e) => [e.path, e]));
    const after = new Map((await this.entries(to)).map((e) => [e.path, e]));
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const x = before.get(name);
      const y = after.get(name);
      if (x && y && x.oid === y.oid && x.type === y.type) continue;
      const p = prefix + name;
      const listed = prefix !== '' || folders.includes(name);
      if (x?.type === 'tree' && y?.type === 'tree') {
        if (listed) await this.diffInto(files, x.oid, y.oid, `${p}/`, folders);
        continue;
      }
      if (x?.type === 'blob') files.delete(p);
      else if (x?.type === 'tree' && listed) await this.walkInto(files, x.oid, `${p}/`, folders, false);
      if (y?.type === 'blob') files.set(p, y.oid);
      else if (y?.type === 'tree' && listed) await this.walkInto(files, y.oid, `${p}/`, folders, true);
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
      this.listing = { tree, folders: last.folders, files };
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
        else byName.set(p, { mode: '100644', path: p, oid, type: 'blob' });
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
    const person = { name: author.name, email: author.email, timestamp: Math.floor(when.getTime() / 1000), timezoneOffset: 0 };
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
  async push(target: RemoteTarget, commit: string, parent: string | null, batch: ObjectBatch): Promise<void> {
    batch.store(this.gitdir);
    await git.writeRef({ fs, gitdir: this.gitdir, ref: `refs/heads/${target.branch}`, value: commit, force: true });
    const { chunks } = batch.pack();
    const ref = `refs/heads/${target.branch}`;
    this.auth = await pushPack({ url: target.url, ref, oldOid: parent, newOid: commit, pack: chunks, onAuth: target.onAuth, auth: this.auth });
    await git.writeRef({ fs, gitdir: this.gitdir, ref: `refs/remotes/${REMOTE}/${target.branch}`, value: commit, force: true });
  }
}

function sameFolders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
