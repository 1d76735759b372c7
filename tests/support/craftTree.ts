import { execFileSync } from 'node:child_process';

/** One entry of a tree written byte by byte: any name, any mode (git's own tools would refuse the hostile ones). */
export interface RawEntry {
  mode: string;
  name: string;
  oid: string;
}

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Mallory', GIT_AUTHOR_EMAIL: 'mallory@example.com', GIT_COMMITTER_NAME: 'Mallory', GIT_COMMITTER_EMAIL: 'mallory@example.com', GIT_CONFIG_NOSYSTEM: '1' };

function git(repoDir: string, args: string[], input?: Buffer | string): string {
  return execFileSync('git', args, { cwd: repoDir, env: GIT_ENV, input, encoding: 'utf8' }).trim();
}

/** Writes a blob into a bare repository; returns its id. */
export function writeBlob(repoDir: string, content: string): string {
  return git(repoDir, ['hash-object', '-w', '--stdin'], content);
}

/** Writes a tree exactly as given (`git hash-object -t tree --literally`): no name or mode checks, no sorting. */
export function writeRawTree(repoDir: string, entries: readonly RawEntry[]): string {
  const parts: Buffer[] = [];
  for (const e of entries) parts.push(Buffer.from(`${e.mode} `, 'latin1'), Buffer.from(e.name, 'utf8'), Buffer.from([0]), Buffer.from(e.oid, 'hex'));
  return git(repoDir, ['hash-object', '-t', 'tree', '--literally', '-w', '--stdin'], Buffer.concat(parts));
}

/** The entries of a tree, as `git ls-tree` gives them (for trees git can read). */
export function readTreeEntries(repoDir: string, treeish: string): RawEntry[] {
  const out = git(repoDir, ['ls-tree', '-z', treeish]);
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const m = /^(\d+) \w+ ([0-9a-f]{40})\t([\s\S]*)$/.exec(line)!;
      return { mode: m[1]!, oid: m[2]!, name: m[3]! };
    });
}

/** Commits a tree on top of the branch and moves the branch to it, as a push would. */
export function commitTree(repoDir: string, tree: string, message: string, branch = 'main'): string {
  const parent = git(repoDir, ['rev-parse', `refs/heads/${branch}`]);
  const commit = git(repoDir, ['commit-tree', tree, '-p', parent, '-m', message]);
  git(repoDir, ['update-ref', `refs/heads/${branch}`, commit]);
  return commit;
}

/** Replaces one top-level entry of the branch's root tree (a folder, usually) and commits. */
export function replaceTopEntry(repoDir: string, entry: RawEntry, message: string, branch = 'main'): string {
  const root = readTreeEntries(repoDir, branch).filter((e) => e.name !== entry.name);
  return commitTree(repoDir, writeRawTree(repoDir, sortEntries([...root, entry])), message, branch);
}

/** git's tree order: by name, a folder compared as if its name ended in '/'. */
export function sortEntries(entries: RawEntry[]): RawEntry[] {
  const key = (e: RawEntry): Buffer => Buffer.from(e.mode === '40000' || e.mode === '040000' ? `${e.name}/` : e.name, 'utf8');
  return [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
}

/** Every path of the branch with its mode, as the git CLI lists it (names quoted by git when unusual). */
export function listTree(repoDir: string, branch = 'main'): string[] {
  return git(repoDir, ['ls-tree', '-r', '-t', '--format=%(objectmode) %(path)', branch]).split('\n').filter(Boolean);
}

export function headOf(repoDir: string, branch = 'main'): string {
  return git(repoDir, ['rev-parse', `refs/heads/${branch}`]);
}

export function catFile(repoDir: string, object: string): string {
  return git(repoDir, ['cat-file', '-p', object]);
}
