import fs from 'node:fs';
import path from 'node:path';

/** Where decision logs live in a repository, in the order they are looked for. */
export const DECISION_FOLDERS = ['doc/adr', 'docs/adr', 'docs/decisions', 'keps', 'text'] as const;

/** Guards against a runaway walk (a home folder given by mistake). */
const MAX_DEPTH = 8;
const MAX_FILES = 20_000;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface ScannedFile {
  /** Path relative to the import root, '/' separated. */
  rel: string;
  abs: string;
  /** For a KEP README.md: the kep.yaml beside it. */
  kepYaml?: string;
  /** Set when the file is not read at all (a symbolic link, a walk limit). */
  skip?: string;
}

export interface Scan {
  /** The decision folders found, relative to the root ('' = the root itself). */
  folders: string[];
  files: ScannedFile[];
}

/**
 * The decision folders of a path: the folder .adr-dir names (adr-tools),
 * then doc/adr, docs/adr, docs/decisions, keps/ and text/; when there is none
 * the path itself is the decision folder.
 */
export function findDecisionFolders(root: string): string[] {
  const found: string[] = [];
  const adrDir = path.join(root, '.adr-dir');
  if (isFile(adrDir)) {
    const named = fs.readFileSync(adrDir, 'utf8').split(/\r?\n/)[0]!.trim().replace(/\\/g, '/').replace(/\/+$/, '');
    const abs = path.resolve(root, named);
    if (named && isInside(root, abs) && isDir(abs)) found.push(toPosix(path.relative(root, abs)));
  }
  for (const f of DECISION_FOLDERS) if (!found.includes(f) && isDir(path.join(root, f))) found.push(f);
  return found.length ? found : [''];
}

/** Every file under the decision folders of `root` (symbolic links are listed, never followed). */
export function scanSources(root: string): Scan {
  const folders = findDecisionFolders(root);
  const files: ScannedFile[] = [];
  const seen = new Set<string>();
  let stopped = false;
  const walk = (dirRel: string, depth: number): void => {
    if (stopped) return;
    const dirAbs = path.join(root, dirRel);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dirAbs, { withFileTypes: true });
    } catch {
      files.push({ rel: dirRel || '.', abs: dirAbs, skip: 'folder cannot be read' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.map((e) => e.name));
    const kep = names.has('kep.yaml') && names.has('README.md') ? readKepYaml(path.join(dirAbs, 'kep.yaml')) : undefined;
    for (const e of entries) {
      const rel = dirRel ? `${dirRel}/${e.name}` : e.name;
      if (stopped) return;
      if (seen.has(rel)) continue;
      seen.add(rel);
      const abs = path.join(dirAbs, e.name);
      if (e.isSymbolicLink()) files.push({ rel, abs, skip: 'a symbolic link: not followed' });
      else if (e.isDirectory()) {
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
        if (depth >= MAX_DEPTH) files.push({ rel, abs, skip: `folder nested deeper than ${MAX_DEPTH} levels: not read` });
        else walk(rel, depth + 1);
      } else if (e.isFile()) {
        if (e.name.startsWith('.')) continue;
        if (kep !== undefined && e.name === 'kep.yaml') continue;
        if (files.length >= MAX_FILES) {
          files.push({ rel, abs, skip: `more than ${MAX_FILES} files: this one and the rest are not read` });
          stopped = true;
          return;
        }
        files.push(kep !== undefined && e.name === 'README.md' ? { rel, abs, kepYaml: kep } : { rel, abs });
      }
    }
  };
  for (const f of folders) walk(f, 0);
  return { folders, files };
}

function readKepYaml(file: string): string | undefined {
  try {
    if (fs.lstatSync(file).size > 200_000) return '';
    return fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.lstatSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
