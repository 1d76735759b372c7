import fs from 'node:fs';
import path from 'node:path';
import { LOG4BRAINS_CONFIG, readLog4brainsFolders } from './log4brainsConfig';

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
  /** The log4brains package whose ADR folder holds the file (.log4brains.yml `packages`). */
  packageName?: string;
}

export interface Scan {
  /** The decision folders found, relative to the root ('' = the root itself). */
  folders: string[];
  files: ScannedFile[];
  /** The log4brains package of each package ADR folder found (folder -> package name). */
  packages: Record<string, string>;
}

interface FoundFolders {
  folders: string[];
  packages: Record<string, string>;
  /** Folders a tool's configuration names that cannot be read, with the reason. */
  problems: string[];
}

/**
 * The decision folders of a path: the folder .adr-dir names (adr-tools),
 * the folders .log4brains.yml names (the project's and every package's),
 * then doc/adr, docs/adr, docs/decisions, keps/ and text/; when there is none
 * the path itself is the decision folder.
 */
export function findDecisionFolders(root: string): string[] {
  return findFolders(root).folders;
}

function findFolders(root: string): FoundFolders {
  const found: string[] = [];
  const packages: Record<string, string> = {};
  const problems: string[] = [];
  const adrDir = path.join(root, '.adr-dir');
  if (isFile(adrDir)) {
    const named = fs.readFileSync(adrDir, 'utf8').split(/\r?\n/)[0]!.trim().replace(/\\/g, '/').replace(/\/+$/, '');
    const abs = path.resolve(root, named);
    if (named && isInside(root, abs) && isDir(abs)) found.push(toPosix(path.relative(root, abs)));
  }
  const log4brains = readLog4brainsFolders(root);
  for (const f of log4brains?.folders ?? []) {
    if (!found.includes(f.folder)) found.push(f.folder);
    if (f.packageName !== undefined) packages[f.folder] = f.packageName;
  }
  problems.push(...(log4brains?.problems ?? []));
  for (const f of DECISION_FOLDERS) if (!found.includes(f) && isDir(path.join(root, f))) found.push(f);
  return { folders: found.length ? found : [''], packages, problems };
}

/** Every file under the decision folders of `root` (symbolic links are listed, never followed). */
export function scanSources(root: string): Scan {
  const { folders, packages, problems } = findFolders(root);
  const files: ScannedFile[] = problems.map((skip) => ({ rel: LOG4BRAINS_CONFIG, abs: path.join(root, LOG4BRAINS_CONFIG), skip }));
  let packageName: string | undefined;
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
        const scoped = packageName !== undefined ? { packageName } : {};
        files.push(kep !== undefined && e.name === 'README.md' ? { rel, abs, kepYaml: kep, ...scoped } : { rel, abs, ...scoped });
      }
    }
  };
  for (const f of folders) {
    packageName = packages[f];
    walk(f, 0);
  }
  return { folders, files, packages };
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
