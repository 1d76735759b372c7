import fs from 'node:fs';
import path from 'node:path';
import { readYaml } from '../../shared/format/yamlText';

export const LOG4BRAINS_CONFIG = '.log4brains.yml';

/** A .log4brains.yml is a few lines; anything larger is not one. */
const MAX_CONFIG_BYTES = 64 * 1024;
/** log4brains monorepos have a handful of packages; a runaway list is refused past this. */
const MAX_PACKAGES = 200;

/** A decision folder log4brains names: the project's own (no package) or a package's. */
export interface Log4brainsFolder {
  /** Relative to the project root, '/' separated. */
  folder: string;
  /** The package name, for a package's folder. */
  packageName?: string;
}

export interface Log4brainsFolders {
  folders: Log4brainsFolder[];
  /** Why a folder the file names is not read (outside the project, missing, a bad entry). */
  problems: string[];
}

/**
 * The ADR folders a log4brains project names in .log4brains.yml:
 * `project.adrFolder`, then each `project.packages[]` entry's `adrFolder`
 * (log4brains monorepos, ADR fix-log4brains-packages). Null when there is no
 * such file. The file is read bounded (size, package count); a folder outside
 * the project or that is not a folder is a problem, never followed.
 */
export function readLog4brainsFolders(root: string): Log4brainsFolders | null {
  const file = path.join(root, LOG4BRAINS_CONFIG);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return { folders: [], problems: [`${LOG4BRAINS_CONFIG} is not a regular file: not read`] };
  if (stat.size > MAX_CONFIG_BYTES) return { folders: [], problems: [`${LOG4BRAINS_CONFIG} is ${stat.size} bytes, more than the ${MAX_CONFIG_BYTES} a log4brains configuration can be: not read`] };
  const read = readYaml(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (!read.ok) return { folders: [], problems: [`${LOG4BRAINS_CONFIG} is not valid YAML${read.line ? ` (line ${read.line})` : ''}: its folders are not read`] };
  const project = record(record(read.value)?.project);
  const out: Log4brainsFolders = { folders: [], problems: [] };
  if (!project) {
    out.problems.push(`${LOG4BRAINS_CONFIG} has no "project" section: its folders are not read`);
    return out;
  }
  const add = (written: unknown, what: string, packageName?: string): void => {
    if (typeof written !== 'string' || !written.trim()) {
      out.problems.push(`${LOG4BRAINS_CONFIG}: ${what} has no adrFolder: not read`);
      return;
    }
    const abs = path.resolve(root, written.trim());
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return void out.problems.push(`${LOG4BRAINS_CONFIG}: ${what} names ${written.trim()}, outside the project: not read`);
    if (!isDir(abs)) return void out.problems.push(`${LOG4BRAINS_CONFIG}: ${what} names ${written.trim()}, which is not a folder (a symbolic link is not followed): not read`);
    if (!isInsideReal(root, abs)) return void out.problems.push(`${LOG4BRAINS_CONFIG}: ${what} names ${written.trim()}, which a symbolic link leads outside the project: not read`);
    const folder = rel.split(path.sep).join('/');
    if (!out.folders.some((f) => f.folder === folder)) out.folders.push({ folder, ...(packageName !== undefined ? { packageName } : {}) });
  };
  if (project.adrFolder !== undefined) add(project.adrFolder, 'the project');
  const packages = Array.isArray(project.packages) ? project.packages : [];
  if (packages.length > MAX_PACKAGES) out.problems.push(`${LOG4BRAINS_CONFIG} lists ${packages.length} packages: only the first ${MAX_PACKAGES} are read`);
  packages.slice(0, MAX_PACKAGES).forEach((p, i) => {
    const pkg = record(p);
    const name = typeof pkg?.name === 'string' && pkg.name.trim() ? pkg.name.trim().slice(0, 60) : null;
    if (!pkg || !name) return void out.problems.push(`${LOG4BRAINS_CONFIG}: package ${i + 1} has no name: not read`);
    add(pkg.adrFolder, `package "${name}"`, name);
  });
  return out;
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Whether a path stays inside the root once symbolic links on the way are resolved. */
function isInsideReal(root: string, p: string): boolean {
  try {
    const rel = path.relative(fs.realpathSync(root), fs.realpathSync(p));
    return !rel.startsWith('..') && !path.isAbsolute(rel);
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
