import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** The manifest a site keeps of its own files, so a republish rewrites only what changed. */
export const MANIFEST_FILE = '.designdesk-site.json';
const MANIFEST_VERSION = 1;

interface ManifestEntry {
  /** Hash of what the file was made from (for pages: the document and what its page shows of others). */
  input: string;
  /** Hash of the bytes written. */
  output: string;
}

interface Manifest {
  version: number;
  files: Record<string, ManifestEntry>;
}

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export const hashOf = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A site path is relative, plain and stays inside the site folder. */
function safeRel(rel: string): string {
  if (!/^[a-z0-9][a-z0-9._/-]*$/i.test(rel) || rel.split('/').some((p) => p === '..' || p === '.' || p === '')) throw new AppError('VALIDATION', `Refused to write "${rel}" in the site: not a plain path inside it.`);
  return rel;
}

/**
 * Writes a site into a folder, incrementally: each file is named with the
 * hash of its inputs; a file whose inputs did not change since the last
 * publish (and that is still there with the bytes written then) is neither
 * rendered nor written again. Files of the last publish that are no longer
 * part of the site are removed; nothing else in the folder is touched. Each
 * file is written to a temporary name and renamed, so a reader never sees
 * half a page.
 */
export class SiteWriter {
  private readonly old: Manifest;
  private readonly next: Manifest = { version: MANIFEST_VERSION, files: {} };
  readonly report: WriteReport = { written: [], unchanged: [], removed: [] };

  constructor(readonly dir: string) {
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new AppError('VALIDATION', `Cannot create the site folder ${dir}: ${(e as Error).message}`, { dir });
    }
    if (!fs.statSync(dir).isDirectory()) throw new AppError('VALIDATION', `${dir} is not a folder.`, { dir });
    this.old = readManifest(path.join(dir, MANIFEST_FILE));
  }

  /** Whether `rel` made from `input` is already in the site as written; if so it is kept as it is. */
  keep(rel: string, input: string): boolean {
    const prev = this.old.files[safeRel(rel)];
    if (!prev || prev.input !== input) return false;
    if (!fs.existsSync(path.join(this.dir, ...rel.split('/')))) return false;
    this.next.files[rel] = prev;
    this.report.unchanged.push(rel);
    return true;
  }

  /** Writes `rel` made from `input`, unless the same bytes are there already. */
  write(rel: string, input: string, content: string | Uint8Array): void {
    safeRel(rel);
    const output = hashOf(content);
    const file = path.join(this.dir, ...rel.split('/'));
    const prev = this.old.files[rel];
    this.next.files[rel] = { input, output };
    if (prev?.output === output && fs.existsSync(file)) {
      this.report.unchanged.push(rel);
      return;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
    this.report.written.push(rel);
  }

  /** Removes what the last publish wrote and this one did not, then saves the manifest. */
  finish(): WriteReport {
    for (const rel of Object.keys(this.old.files)) {
      if (this.next.files[rel]) continue;
      try {
        safeRel(rel);
        fs.rmSync(path.join(this.dir, ...rel.split('/')), { force: true });
        this.report.removed.push(rel);
      } catch {
        // A manifest edited by hand names a path outside the site: leave it.
      }
    }
    const tmp = path.join(this.dir, `${MANIFEST_FILE}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(this.next));
    fs.renameSync(tmp, path.join(this.dir, MANIFEST_FILE));
    return this.report;
  }
}

function readManifest(file: string): Manifest {
  try {
    const st = fs.statSync(file);
    if (st.size > 64 * 1024 * 1024) return { version: MANIFEST_VERSION, files: {} };
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    if (m.version !== MANIFEST_VERSION || typeof m.files !== 'object' || m.files === null) return { version: MANIFEST_VERSION, files: {} };
    return m;
  } catch {
    return { version: MANIFEST_VERSION, files: {} };
  }
}
