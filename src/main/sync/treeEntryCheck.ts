/**
 * Which entries of a fetched tree the sync may take in. A tree comes from the
 * server, so its names and modes are hostile: a name like `..` or `.git`
 * would put a document outside its folder (and a write-back would then
 * commit a tree `git fsck --strict` refuses), and a symlink or a submodule
 * is not a file DesignDesk can read. Those entries are skipped and named in
 * the sync's result (SyncResult.skipped); everything else syncs normally.
 */

/** Unicode code points HFS+ ignores in names (git's fsck checks them the same way: is_hfs_dotgit). */
const HFS_IGNORABLE = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

/** C0 and C1 control characters and DEL: an ESC or CSI in a name can rewrite a terminal. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Whether a name is `.git` as some file system would see it: any case, HFS+
 * ignorable characters, NTFS trailing dots and spaces, an NTFS stream suffix
 * (`.git::$INDEX_ALLOCATION`) or the 8.3 short name `git~1`.
 */
export function isDotGitLookalike(name: string): boolean {
  const n = name
    .replace(HFS_IGNORABLE, '')
    .toLowerCase()
    .replace(/:.*$/, '')
    .replace(/[. ]+$/, '');
  return n === '.git' || n === 'git~1';
}

/** Why a tree entry name cannot be a path component, or null when it can. */
export function nameProblem(name: string): string | null {
  if (name === '') return 'an empty name';
  if (name === '.' || name === '..') return `a "${name}" path component`;
  if (name.includes('/')) return 'a "/" inside a name';
  if (name.includes('\\')) return 'a backslash in the name';
  if (CONTROL.test(name)) return 'a control character in the name';
  if (name.includes('\ufffd')) return 'a name that is not valid UTF-8';
  if (isDotGitLookalike(name)) return 'a ".git" path component';
  return null;
}

/** What a tree entry is to the sync. */
export type EntryClass = { type: 'file' } | { type: 'folder' } | { type: 'skip'; reason: string };

/**
 * Classifies a tree entry from its name and mode: a regular file (100644,
 * or 100755 with the executable bit), a folder, or skipped with the reason.
 */
export function classifyEntry(name: string, mode: string): EntryClass {
  const problem = nameProblem(name);
  if (problem) return { type: 'skip', reason: `skipped: ${problem}` };
  const m = mode.padStart(6, '0');
  if (m === '040000') return { type: 'folder' };
  if (m === '100644' || m === '100755' || m === '100664') return { type: 'file' };
  if (m === '120000') return { type: 'skip', reason: 'skipped: a symbolic link (DesignDesk reads only regular files)' };
  if (m === '160000') return { type: 'skip', reason: 'skipped: a submodule (DesignDesk reads only regular files)' };
  return { type: 'skip', reason: `skipped: an entry of unknown mode ${mode}` };
}
