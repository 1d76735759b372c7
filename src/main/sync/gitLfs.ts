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

/** The filter=lfs rules of a .gitattributes text at `dir`. */
export function readLfsRules(dir: string, text: string): LfsRule[] {
  const rules: LfsRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...attrs] = line.split(/\s+/);
    if (!pattern || pattern.startsWith('"')) continue;
    if (attrs.includes('filter=lfs')) rules.push({ dir, pattern, source: `${dir ? `${dir}/` : ''}.gitattributes: ${line}`, unset: false });
    else if (attrs.some((a) => a === '-filter' || a === '!filter' || (a.startsWith('filter=') && a !== 'filter=lfs'))) rules.push({ dir, pattern, source: line, unset: true });
  }
  return rules;
}

/** A gitattributes pattern as a regular expression over the path below its folder (as gitignore patterns match). */
function patternRegex(pattern: string): RegExp {
  const anchored = pattern.includes('/') && !pattern.endsWith('/');
  const p = pattern.replace(/^\//, '');
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      re += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(anchored ? `^${re}$` : `(?:^|/)${re}$`);
}

/** The LFS rule that applies to a path (the last matching line wins, as in git), or null. */
export function lfsRuleFor(path: string, rules: readonly LfsRule[]): LfsRule | null {
  let hit: LfsRule | null = null;
  for (const r of rules) {
    if (r.dir && !path.startsWith(`${r.dir}/`)) continue;
    const rel = r.dir ? path.slice(r.dir.length + 1) : path;
    if (patternRegex(r.pattern).test(rel)) hit = r.unset ? null : r;
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
    rules.push(...readLfsRules(path.slice(0, Math.max(0, path.length - '/.gitattributes'.length)), await read(oid)));
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
