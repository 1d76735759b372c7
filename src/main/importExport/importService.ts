import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ulid } from 'ulid';
import type { Document } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { normalizeFields } from '../../shared/kinds/fields';
import { CONFIG_FILE } from '../../shared/sync/repoLayout';
import { displayRef, type DocKind } from '../../shared/kinds/kinds';
import type { DocumentHooks, ServiceContext } from '../services/documentService';
import type { DocumentStore } from '../store/documentStore';
import { flushSearchIndex } from '../store/searchFlush';
import type { ImportedDoc, ImportFormat } from './importedDoc';
import { parseSource } from './parseSource';
import { planNumbers, resolveLinks, type PlannedDoc, type PreviousImport } from './planImport';
import { readSource } from './readSource';
import { scanSources, type ScannedFile } from './scanSources';

export interface ImportOptions {
  format?: ImportFormat | 'auto';
  /** Import every file as this kind (default: ADR; RFC for KEPs and Rust RFCs). */
  kind?: DocKind;
  /** Overwrite documents edited in DesignDesk since they were imported (their text is kept as a version first). */
  force?: boolean;
  /** Report what would happen without writing anything. */
  dryRun?: boolean;
}

export interface ImportEntry {
  path: string;
  action: 'imported' | 'updated' | 'skipped';
  reason?: string;
  format?: ImportFormat;
  ref?: string;
  id?: string;
  title?: string;
  status?: string;
  notes: string[];
  /** Needs a person's look: an unknown status or an unresolved link. */
  flagged: boolean;
  /** A skip that is a failure (unreadable, too large, refused), not a file that simply is no decision. */
  problem: boolean;
}

export interface ImportReport {
  root: string;
  folders: string[];
  entries: ImportEntry[];
  counts: { imported: number; updated: number; skipped: number; flagged: number; problems: number };
}

/** Where a document came from: the source key that makes a second import update instead of duplicate. */
export interface ImportedFrom {
  format: ImportFormat;
  /** Path relative to the folder given to the import, '/' separated. */
  path: string;
  /** Hash of the document as imported; differs from its current content once edited in DesignDesk. */
  hash: string;
}

interface VersionKeeper {
  record(doc: Document, reason: 'session'): void;
}

/**
 * Imports decision logs of other tools (adr-tools, MADR, log4brains, KEPs,
 * Rust RFCs, plain Markdown) into the workspace. Each file becomes one
 * document keyed by its path (fields.importedFrom), so importing the same
 * folder again updates those documents, never duplicates them; a document
 * edited in DesignDesk since is left alone unless forced. Statuses are set as
 * the source says (an import is not a lifecycle move) and each write leaves an
 * 'imported' history entry.
 */
export class ImportService {
  constructor(
    private readonly store: DocumentStore,
    private readonly ctx: ServiceContext,
    /** The hooks document writes run (links). */
    private readonly hooks: readonly DocumentHooks[] = [],
    /** Keeps the text an update replaces as a version. */
    private readonly versions?: VersionKeeper,
  ) {}

  /** Imports a file, a decision folder, or a repository (its decision folders are found). */
  importPath(target: string, options: ImportOptions = {}): ImportReport {
    const abs = path.resolve(target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new AppError('NOT_FOUND', `Nothing to import at ${abs}: give a decision folder, a repository or a Markdown file.`, { path: abs });
    }
    const root = stat.isDirectory() ? abs : path.dirname(abs);
    if (stat.isDirectory() && fs.existsSync(path.join(root, CONFIG_FILE))) {
      throw new AppError('VALIDATION', `${root} is a DesignDesk team repository, not another tool's decision log: connect it with "designdesk remote set URL" and "designdesk sync" (or Sync settings in the app) instead of importing it.`, { path: root });
    }
    const scan = stat.isDirectory() ? scanSources(root) : { folders: [''], files: [{ rel: path.basename(abs), abs } as ScannedFile] };
    const entries: ImportEntry[] = [];
    const docs: ImportedDoc[] = [];
    for (const f of scan.files) {
      if (f.skip) {
        entries.push(skipped(f.rel, f.skip, !/symbolic link/.test(f.skip)));
        continue;
      }
      const read = readSource(f.abs, path.basename(f.abs));
      if (!read.ok) {
        entries.push(skipped(f.rel, read.reason, !/^not a Markdown file/.test(read.reason)));
        continue;
      }
      const parsed = parseSource({ path: f.rel, text: read.text, ...(f.kepYaml !== undefined ? { kepYaml: f.kepYaml } : {}) }, options.format ?? 'auto', options.kind);
      if (!parsed.ok) {
        entries.push({ ...skipped(f.rel, parsed.reason, parsed.format !== undefined), ...(parsed.format ? { format: parsed.format } : {}) });
        continue;
      }
      parsed.doc.notes.unshift(...read.notes);
      if (f.packageName !== undefined) tagWithPackage(parsed.doc, f.packageName);
      docs.push(parsed.doc);
    }

    const previous = this.previousImports();
    const kindClash = docs.filter((d) => previous.has(d.path) && previous.get(d.path)!.kind !== d.kind);
    for (const d of kindClash) {
      const p = previous.get(d.path)!;
      entries.push({ ...skipped(d.path, `imported before as ${displayRef(p.kind, p.number)}; importing it as another kind would duplicate it (import with --kind ${p.kind}, or delete ${displayRef(p.kind, p.number)} first)`, true), format: d.format });
    }
    const planned = planNumbers(docs.filter((d) => !kindClash.includes(d)), previous, (k) => this.takenNumbers(k));
    resolveLinks(planned, previous);

    const apply = (): void => {
      for (const p of planned) {
        try {
          entries.push(options.dryRun ? this.preview(p, options) : this.store.transaction(() => this.write(p, options)));
        } catch (e) {
          entries.push({ ...skipped(p.doc.path, e instanceof Error ? e.message : String(e), true), format: p.doc.format, notes: p.doc.notes, flagged: p.doc.flagged });
        }
      }
    };
    if (options.dryRun) apply();
    else {
      this.store.transaction(apply);
      // The whole import in the search index in one batch (migration 008), not at the first search after it.
      flushSearchIndex(this.store.db);
    }

    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const count = (a: ImportEntry['action']): number => entries.filter((e) => e.action === a).length;
    return {
      root,
      folders: scan.folders,
      entries,
      counts: {
        imported: count('imported'),
        updated: count('updated'),
        skipped: count('skipped'),
        flagged: entries.filter((e) => e.flagged && e.action !== 'skipped').length,
        problems: entries.filter((e) => e.problem).length,
      },
    };
  }

  /** The document an imported file becomes, checked against the kind's schema. */
  private build(p: PlannedDoc): { title: string; status: string; body: string; fields: Record<string, unknown>; hash: string } {
    const d = p.doc;
    let fields: Record<string, unknown>;
    try {
      fields = normalizeFields(d.kind, d.fields);
    } catch (e) {
      throw new Error(`its metadata does not fit a ${d.kind.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const hash = contentHash({ title: d.title, status: d.status, body: d.body, fields });
    const importedFrom: ImportedFrom = { format: d.format, path: d.path, hash };
    return { title: d.title, status: d.status, body: d.body, fields: { ...fields, importedFrom }, hash };
  }

  private write(p: PlannedDoc, options: ImportOptions): ImportEntry {
    const d = p.doc;
    const next = this.build(p);
    const now = this.ctx.now().toISOString();
    const actor = this.ctx.identity();
    const ref = displayRef(d.kind, p.number);
    const base = { path: d.path, format: d.format, ref, title: d.title, status: d.status, notes: d.notes, flagged: d.flagged, problem: false };
    const event = { format: d.format, path: d.path };
    if (!p.previous) {
      const doc: Document = {
        id: ulid(),
        kind: d.kind,
        number: p.number,
        title: next.title,
        status: next.status,
        body: next.body,
        fields: next.fields,
        createdAt: d.createdAt ? `${d.createdAt}T00:00:00.000Z` : now,
        updatedAt: now,
        revision: 0,
        createdBy: actor,
      };
      this.store.insert(doc);
      this.store.addHistory({ docId: doc.id, at: now, actor, event: 'imported', from: null, to: doc.status, data: event });
      for (const h of this.hooks) h.onCreated?.(doc);
      return { ...base, action: 'imported', id: doc.id };
    }
    const before = this.store.get(p.previous.id);
    if (!before) throw new Error('its document disappeared during the import');
    const was = importedFromOf(before);
    if (was?.hash === next.hash) return { ...base, action: 'skipped', id: before.id, reason: 'unchanged since the last import' };
    if (was && !options.force && contentHash(before) !== was.hash) {
      return { ...base, action: 'skipped', id: before.id, problem: true, reason: `${ref} was changed in DesignDesk since the last import: not overwritten (import with --force to replace it; its text is kept as a version)` };
    }
    const after: Document = {
      ...before,
      title: next.title,
      status: next.status,
      body: next.body,
      fields: next.fields,
      updatedAt: now,
      revision: before.revision + 1,
    };
    this.versions?.record(before, 'session');
    this.store.update(after);
    this.store.addHistory({ docId: before.id, at: now, actor, event: 'imported', from: before.status, to: after.status, data: { ...event, update: true } });
    for (const h of this.hooks) h.onSaved?.(before, after);
    return { ...base, action: 'updated', id: before.id };
  }

  private preview(p: PlannedDoc, options: ImportOptions): ImportEntry {
    const d = p.doc;
    const next = this.build(p);
    const base = { path: d.path, format: d.format, ref: displayRef(d.kind, p.number), title: d.title, status: d.status, notes: d.notes, flagged: d.flagged, problem: false };
    if (!p.previous) return { ...base, action: 'imported' };
    const before = this.store.get(p.previous.id);
    const was = before ? importedFromOf(before) : null;
    if (was?.hash === next.hash) return { ...base, action: 'skipped', reason: 'unchanged since the last import' };
    if (before && was && !options.force && contentHash(before) !== was.hash) return { ...base, action: 'skipped', problem: true, reason: `${base.ref} was changed in DesignDesk since the last import: not overwritten` };
    return { ...base, action: 'updated' };
  }

  /** Live documents imported earlier, by source path. */
  private previousImports(): Map<string, PreviousImport> {
    const rows = this.store.db
      .prepare<[], { id: string; kind: DocKind; number: number; path: string }>(
        `SELECT id, kind, number, json_extract(fields, '$.importedFrom.path') AS path FROM documents
         WHERE deleted_at IS NULL AND json_type(fields, '$.importedFrom.path') = 'text' ORDER BY created_at`,
      )
      .all();
    return new Map(rows.map((r) => [r.path, { id: r.id, kind: r.kind, number: r.number }]));
  }

  /** Numbers of a kind in use, the trash included (a number is never reused while its document exists). */
  private takenNumbers(kind: DocKind): Set<number> {
    return new Set(this.store.db.prepare<[DocKind], { number: number }>('SELECT number FROM documents WHERE kind = ?').all(kind).map((r) => r.number));
  }
}

function skipped(p: string, reason: string, problem: boolean): ImportEntry {
  return { path: p, action: 'skipped', reason, notes: [], flagged: false, problem };
}

/** The source key of a document, when it was imported. */
export function importedFromOf(doc: Pick<Document, 'fields'>): ImportedFrom | null {
  const v = doc.fields.importedFrom as Partial<ImportedFrom> | undefined;
  return v && typeof v === 'object' && typeof v.path === 'string' && typeof v.format === 'string' ? (v as ImportedFrom) : null;
}

/** A hash of what a person sees of a document (title, status, body, fields but the source key), stable across key order. */
export function contentHash(doc: { title: string; status: string; body: string; fields: Record<string, unknown> }): string {
  const { importedFrom: _ignored, ...fields } = doc.fields;
  return createHash('sha256').update(stableJson({ title: doc.title, status: doc.status, body: doc.body, fields })).digest('hex').slice(0, 32);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * A log4brains package's ADR keeps its package as a tag (the package name as
 * .log4brains.yml writes it), so the library and the published site can
 * filter by it (ADR fix-log4brains-packages).
 */
function tagWithPackage(doc: ImportedDoc, packageName: string): void {
  const tags = Array.isArray(doc.fields.tags) ? (doc.fields.tags as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  if (!tags.includes(packageName)) doc.fields.tags = [packageName, ...tags].slice(0, 50);
  doc.notes.push(`from the log4brains package "${packageName}": tagged ${packageName}`);
}
