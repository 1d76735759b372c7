import fs from 'node:fs';
import path from 'node:path';
import type { Document } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { documentToMarkdown } from '../../shared/format/documentMarkdown';
import { kindOfPath, parseDocument } from '../../shared/format/parseDocument';
import { DOC_KINDS, KINDS, displayRef, type DocKind } from '../../shared/kinds/kinds';
import type { DocumentStore } from '../store/documentStore';
import { CONFIG_FILE, configFileText, documentPath, readmeText, slugify, uniquePath } from '../../shared/sync/repoLayout';
import { adrToolsMarkdown, madrMarkdown, pad4, type LinkTarget } from './exportFormats';
import { baseName, numberFromName } from './formats/common';
import type { ExportFormat } from './importedDoc';
import { importedFromOf } from './importService';
import { unsafePathReason, writeFileSafely } from './safePath';

export interface ExportOptions {
  format?: ExportFormat;
  kind?: DocKind;
}

export interface ExportEntry {
  ref: string;
  id: string;
  action: 'written' | 'skipped';
  path?: string;
  reason?: string;
  /** A skip that is a failure (a refused path, a write error), not a kind the layout has no place for. */
  problem: boolean;
}

export interface ExportReport {
  dir: string;
  format: ExportFormat;
  entries: ExportEntry[];
  counts: { written: number; skipped: number; problems: number };
}

/** Where each layout keeps its decision records, as the tools themselves do. */
export const EXPORT_FOLDERS: Record<Exclude<ExportFormat, 'designdesk'>, string> = { madr: 'docs/decisions', 'adr-tools': 'doc/adr' };

/**
 * Writes the workspace's live documents to a folder in a layout other tools
 * (or a team repo) read: `designdesk` (the repo format: designdesk.yml,
 * rfcs/, adrs/, decisions/, postmortems/, files named as the sync names them), `madr` (docs/decisions/, MADR 4
 * front matter) or `adr-tools` (doc/adr/ and .adr-dir). MADR and adr-tools
 * hold ADRs only; other kinds are reported as skipped. Every path is checked
 * (no '..', absolute paths, device names) and no symbolic link inside the
 * folder is ever followed.
 */
export class ExportService {
  constructor(private readonly store: DocumentStore) {}

  exportTo(dir: string, options: ExportOptions = {}): ExportReport {
    const format = options.format ?? 'designdesk';
    const root = path.resolve(dir);
    try {
      fs.mkdirSync(root, { recursive: true });
    } catch (e) {
      throw new AppError('VALIDATION', `Cannot create the export folder ${root}: ${(e as Error).message}`, { dir: root });
    }
    if (!fs.statSync(root).isDirectory()) throw new AppError('VALIDATION', `${root} is not a folder.`, { dir: root });
    const docs = this.store
      .list(options.kind)
      .map((s) => this.store.get(s.id))
      .filter((d): d is Document => d !== undefined)
      .sort((a, b) => (a.kind === b.kind ? a.number - b.number : DOC_KINDS.indexOf(a.kind) - DOC_KINDS.indexOf(b.kind)));

    const entries: ExportEntry[] = [];
    const write = (doc: Document, rel: string, text: string): void => {
      try {
        writeFileSafely(root, rel, text);
        entries.push({ ref: displayRef(doc.kind, doc.number), id: doc.id, action: 'written', path: rel, problem: false });
      } catch (e) {
        entries.push({ ref: displayRef(doc.kind, doc.number), id: doc.id, action: 'skipped', reason: e instanceof Error ? e.message : String(e), problem: true });
      }
    };

    if (format === 'designdesk') {
      const earlier = existingRepoFiles(root);
      const used = new Set<string>();
      // A document already in the folder keeps its file, as in a synced repo: links to it keep working.
      for (const p of earlier.values()) used.add(p);
      for (const doc of docs) {
        const kept = earlier.get(doc.id);
        const rel = kept && kindOfPath(kept) === doc.kind ? kept : uniquePath(documentPath(doc), used);
        used.add(rel);
        write(doc, rel, documentToMarkdown(doc));
      }
      // The files a team repo starts with, as the sync writes them; never replaced once there.
      if (!fs.existsSync(path.join(root, CONFIG_FILE))) writeFileSafely(root, CONFIG_FILE, configFileText());
      if (!fs.existsSync(path.join(root, 'README.md'))) writeFileSafely(root, 'README.md', readmeText());
    } else {
      const folder = EXPORT_FOLDERS[format];
      const adrs = docs.filter((d) => d.kind === 'adr');
      for (const d of docs) {
        if (d.kind !== 'adr') entries.push({ ref: displayRef(d.kind, d.number), id: d.id, action: 'skipped', reason: `${format} holds ADRs only: export ${KINDS[d.kind].plural} with --format designdesk`, problem: false });
      }
      const used = new Set<string>();
      const files = new Map<number, LinkTarget>();
      for (const d of adrs) files.set(d.number, { number: d.number, title: d.title, file: unique(fileName(d, format), used, d.number) });
      for (const d of adrs) {
        const text = format === 'madr' ? madrMarkdown(d) : adrToolsMarkdown(d, (n) => files.get(n));
        write(d, `${folder}/${files.get(d.number)!.file}`, text);
      }
      if (format === 'adr-tools' && !fs.existsSync(path.join(root, '.adr-dir'))) writeFileSafely(root, '.adr-dir', `${folder}\n`);
    }
    return {
      dir: root,
      format,
      entries,
      counts: { written: entries.filter((e) => e.action === 'written').length, skipped: entries.filter((e) => e.action === 'skipped').length, problems: entries.filter((e) => e.problem).length },
    };
  }
}

/**
 * The file name of an ADR in a MADR or adr-tools folder: NNNN-slug.md, or the
 * name it was imported under when it came from the same format and its
 * number still matches (so links between the files keep working).
 */
function fileName(doc: Document, format: ExportFormat): string {
  const from = importedFromOf(doc);
  if (from && from.format === format) {
    const name = baseName(from.path);
    if (/\.md$/i.test(name) && numberFromName(name) === doc.number && unsafePathReason(name) === null) return name;
  }
  return `${pad4(doc.number)}-${slugify(doc.title)}.md`;
}

/** A path not yet used in this export: "-<number>" is added before ".md" on a clash. */
function unique(rel: string, used: Set<string>, n: number): string {
  let out = rel;
  if (used.has(out.toLowerCase())) out = rel.replace(/\.md$/, `-${n}.md`);
  let i = 2;
  while (used.has(out.toLowerCase())) out = rel.replace(/\.md$/, `-${n}-${i++}.md`);
  used.add(out.toLowerCase());
  return out;
}

/** Document files already in a DesignDesk repo folder, by document id. */
function existingRepoFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of DOC_KINDS) {
    const folder = KINDS[kind].folder;
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of names) {
      if (!e.isFile() || !e.name.endsWith('.md')) continue;
      const rel = `${folder}/${e.name}`;
      try {
        const parsed = parseDocument(rel, fs.readFileSync(path.join(root, folder, e.name), 'utf8'));
        if (parsed.ok && parsed.doc.id && kindOfPath(rel) === kind) out.set(parsed.doc.id, rel);
      } catch {
        // An unreadable file is left alone.
      }
    }
  }
  return out;
}
