/**
 * Git LFS in the team repository: DesignDesk neither reads nor writes LFS
 * objects (docs/adr, "Git LFS in the team repository"). A document file
 * stored in LFS is a small pointer in git; it is skipped with one message
 * instead of being read as a broken document, and a sync never writes a
 * plain file where `.gitattributes` says git-lfs would put a pointer.
 */
import { AppError } from '../../shared/errors';

/** The reason given for a document file stored in LFS. */
export const LFS_SKIP_REASON = 'skipped: stored in Git LFS, which DesignDesk does not read';

/** Whether a blob is a Git LFS pointer file (spec v1: under 1024 bytes, a version line first, an sha256 oid and a size). */
export function isLfsPointer(text: string): boolean {
  if (text.length >= 1024) return false;
  if (!/^version https:\/\/(git-lfs\.github\.com\/spec\/v1|hawser\.github\.com\/spec\/v1)\n/.test(text)) return false;
  return /^oid sha256:[0-9a-f]{64}$/m.test(text) && /^size \d+$/m.test(text);
}

/** One `filter=lfs` pattern of a .gitattributes file, relative to the folder that holds it. */
interface LfsRule {
  /** The folder of the .gitattributes ('' at the top). */
  dir: string;
  pattern: string;
  /** The .gitattributes line, to name it in a message. */
  source: string;
  /** `-filter` / `!filter` unset LFS again for what matches. */
  unset: boolean;
}

/**
 * Bounds on what is read of the .gitattributes files (hostile text): the
 * rules that set or unset a filter, at most this many, from at most this
 * many characters per file. A real repository has a handful.
 */
export const MAX_LFS_RULES = 100;
export const MAX_GITATTRIBUTES_CHARS = 64 * 1024;

/** The filter=lfs rules of a .gitattributes text at `dir` (see MAX_LFS_RULES). */
export function readLfsRules(dir: string, text: string): LfsRule[] {
  const rules: LfsRule[] = [];
  for (const raw of text.slice(0, MAX_GITATTRIBUTES_CHARS).split(/\r?\n/)) {
    if (rules.length >= MAX_LFS_RULES) break;
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...attrs] = line.split(/\s+/);
    if (!pattern || pattern.startsWith('"')) continue;
    if (attrs.includes('filter=lfs')) rules.push({ dir, pattern, source: `${dir ? `${dir}/` : ''}.gitattributes: ${line}`, unset: false });
    else if (attrs.some((a) => a === '-filter' || a === '!filter' || (a.startsWith('filter=') && a !== 'filter=lfs'))) rules.push({ dir, pattern, source: line, unset: true });
  }
  return rules;
}

type Token = { t: 'char'; c: string } | { t: 'any' } | { t: 'star' } | { t: 'globstar' } | { t: 'dirs' };

/** A pattern longer than this is ignored (no real .gitattributes line comes near it). */
const MAX_PATTERN_CHARS = 512;

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      out.push({ t: slash ? 'dirs' : 'globstar' });
      i += slash ? 2 : 1;
    } else if (c === '*') out.push({ t: 'star' });
    else if (c === '?') out.push({ t: 'any' });
    else out.push({ t: 'char', c });
  }
  return out;
}

/**
 * Whether a path matches glob tokens, in O(tokens x characters) time: a
 * table, not a regular expression, so a hostile pattern (`*a*a*a*...`)
 * cannot make the match backtrack for ever. `*` and `?` stop at '/', `**`
 * crosses it, and `**` before a slash matches zero or more folders.
 */
function globMatch(tokens: readonly Token[], path: string): boolean {
  // can[j]: tokens[0..i) match path[0..j).
  let can = new Array<boolean>(path.length + 1).fill(false);
  can[0] = true;
  for (const tok of tokens) {
    const next = new Array<boolean>(path.length + 1).fill(false);
    let before = false; // some can[i] with i < j
    for (let j = 0; j <= path.length; j++) {
      if (tok.t === 'char') next[j] = j > 0 && can[j - 1]! && path[j - 1] === tok.c;
      else if (tok.t === 'any') next[j] = j > 0 && can[j - 1]! && path[j - 1] !== '/';
      else if (tok.t === 'star') next[j] = can[j]! || (j > 0 && next[j - 1]! && path[j - 1] !== '/');
      else if (tok.t === 'globstar') next[j] = can[j]! || (j > 0 && next[j - 1]!);
      // dirs: nothing, or anything ending in '/'.
      else next[j] = can[j]! || (j > 0 && path[j - 1] === '/' && before);
      before ||= can[j]!;
    }
    can = next;
  }
  return can[path.length]!;
}

/** Whether a gitattributes pattern matches a path below its folder (as git does: without a '/', the file name alone). */
function patternMatches(pattern: string, rel: string): boolean {
  if (pattern.length > MAX_PATTERN_CHARS) return false;
  const anchored = pattern.replace(/\/$/, '').includes('/');
  const tokens = tokenize(pattern.replace(/^\//, ''));
  if (anchored) return globMatch(tokens, rel);
  return globMatch(tokens, rel.slice(rel.lastIndexOf('/') + 1));
}

/** The LFS rule that applies to a path (the last matching line wins, as in git), or null. */
export function lfsRuleFor(path: string, rules: readonly LfsRule[]): LfsRule | null {
  let hit: LfsRule | null = null;
  for (const r of rules) {
    if (r.dir && !path.startsWith(`${r.dir}/`)) continue;
    const rel = r.dir ? path.slice(r.dir.length + 1) : path;
    if (patternMatches(r.pattern, rel)) hit = r.unset ? null : r;
  }
  return hit;
}

/**
 * Refuses a sync that would write a plain file to a path the repository
 * keeps in Git LFS: git-lfs users would get a file that is not what their
 * tools expect, and DesignDesk cannot write LFS objects. Throws UNSUPPORTED
 * naming the paths and the rule; nothing is committed or pushed.
 */
export async function refuseLfsWrites(files: ReadonlyMap<string, string>, writes: ReadonlyMap<string, string | null>, read: (oid: string) => Promise<string>): Promise<void> {
  const rules: LfsRule[] = [];
  for (const [path, oid] of files) {
    if (path !== '.gitattributes' && !path.endsWith('/.gitattributes')) continue;
    if (rules.length >= MAX_LFS_RULES) break;
    rules.push(...readLfsRules(path.slice(0, Math.max(0, path.length - '/.gitattributes'.length)), await read(oid)).slice(0, MAX_LFS_RULES - rules.length));
  }
  if (rules.length === 0) return;
  const hits: string[] = [];
  let rule: LfsRule | null = null;
  for (const [path, oid] of writes) {
    if (oid === null) continue;
    const r = lfsRuleFor(path, rules);
    if (r) {
      hits.push(path);
      rule ??= r;
    }
  }
  if (hits.length === 0 || !rule) return;
  const shown = hits.slice(0, 5).join(', ') + (hits.length > 5 ? ` and ${hits.length - 5} more` : '');
  throw new AppError(
    'UNSUPPORTED',
    `The team repository stores ${shown} in Git LFS (${rule.source}), and DesignDesk does not write Git LFS files. Remove that rule for DesignDesk's folders, then sync again; nothing was pushed.`,
    { reason: 'lfs', paths: hits },
  );
}
