import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { readDocumentFile } from '../../shared/format/documentChecks';
import { displayRef } from '../../shared/kinds/kinds';
import { parseReviewFile, reviewFilePath } from '../../shared/reviews/reviewFile';
import type { ReviewRecord } from '../../shared/reviews/schemas';
import { CONFIG_FILE, DOC_FOLDERS, isDocumentPath } from '../../shared/sync/repoLayout';
import { MAX_IMPORT_FILE_BYTES } from '../importExport/importedDoc';
import { repoFilesBelow } from '../importExport/lint';
import { decodeText } from '../importExport/readSource';
import { DocumentStore } from '../store/documentStore';
import { DB_FILE, openDatabase } from '../store/openDatabase';
import { ReviewStore } from '../store/reviewStore';
import { authorOf, tagsOf, type SiteDocument, type SiteSource } from './siteModel';

/** A folder is a checkout of the team repository when it holds designdesk.yml. */
export function isTeamRepo(dir: string): boolean {
  return fs.existsSync(path.join(dir, CONFIG_FILE));
}

/**
 * The live documents of a workspace and their review records, read from its
 * database opened read-only (the app or a sync may be writing: WAL lets both
 * go on).
 */
export function readWorkspaceSite(workspaceDir: string, nativeBinding?: string): SiteSource {
  const file = path.join(workspaceDir, DB_FILE);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `No workspace at ${workspaceDir}: it has no ${DB_FILE}. Give --workspace DIR, or --from-repo PATH for a checkout of the team repository.`, { dir: workspaceDir });
  const db = openDatabase(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const store = new DocumentStore(db);
    const reviews = new ReviewStore(db).listLive();
    const documents: SiteDocument[] = [];
    for (const s of store.list()) {
      const d = store.get(s.id);
      if (!d) continue;
      documents.push({
        id: d.id,
        kind: d.kind,
        number: d.number,
        ref: displayRef(d.kind, d.number),
        title: d.title,
        status: d.status,
        author: authorOf(d.fields, d.createdBy.name),
        tags: tagsOf(d.fields),
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        body: d.body,
        fields: d.fields,
        reviews: reviews.get(d.id) ?? [],
      });
    }
    return { origin: workspaceDir, documents, skipped: [] };
  } finally {
    db.close();
  }
}

/**
 * The documents of a checkout of the team repository, read as a sync reads
 * them (readDocumentFile: bounded, parsed, checked), with their review files.
 * A file that cannot be read is left out and reported, never guessed at; a
 * symbolic link is never followed.
 */
export function readRepoSite(repoDir: string): SiteSource {
  const root = path.resolve(repoDir);
  if (!isDir(root)) throw new AppError('NOT_FOUND', `No folder at ${root}: give the path of a checkout of the team repository.`, { dir: root });
  if (!isTeamRepo(root)) throw new AppError('VALIDATION', `${root} is not a team repository: it has no ${CONFIG_FILE}.`, { dir: root });
  const skipped: SiteSource['skipped'] = [];
  const documents: SiteDocument[] = [];
  const seen = new Set<string>();
  for (const folder of DOC_FOLDERS) {
    for (const rel of repoFilesBelow(root, folder)) {
      if (!isDocumentPath(rel)) continue;
      const text = readBounded(root, rel, skipped);
      if (text === null) continue;
      const parsed = readDocumentFile(rel, text);
      if (!parsed.ok) {
        skipped.push({ path: rel, reason: parsed.reason });
        continue;
      }
      const d = parsed.doc;
      if (d.number === null) {
        skipped.push({ path: rel, reason: 'no number: give it a ref in the front matter' });
        continue;
      }
      const ref = displayRef(d.kind, d.number);
      const id = d.id ?? ref;
      if (seen.has(id) || seen.has(ref)) {
        skipped.push({ path: rel, reason: `${ref} is there twice: the site shows the first one` });
        continue;
      }
      seen.add(id).add(ref);
      const date = typeof d.fields.date === 'string' ? d.fields.date : '';
      documents.push({
        id,
        kind: d.kind,
        number: d.number,
        ref,
        title: d.title,
        status: d.status,
        author: authorOf(d.fields, ''),
        tags: tagsOf(d.fields),
        createdAt: d.createdAt ?? d.updatedAt ?? date,
        updatedAt: d.updatedAt ?? d.createdAt ?? date,
        body: d.body,
        fields: d.fields,
        reviews: d.id ? readReviews(root, d.id, skipped) : [],
      });
    }
  }
  return { origin: root, documents, skipped };
}

function readReviews(root: string, id: string, skipped: SiteSource['skipped']): ReviewRecord[] {
  const rel = reviewFilePath(id);
  if (!fs.existsSync(path.join(root, ...rel.split('/')))) return [];
  const text = readBounded(root, rel, skipped);
  if (text === null) return [];
  const r = parseReviewFile(text);
  if (!r.ok) {
    skipped.push({ path: rel, reason: r.reason });
    return [];
  }
  return r.records;
}

function readBounded(root: string, rel: string, skipped: SiteSource['skipped']): string | null {
  const file = path.join(root, ...rel.split('/'));
  const st = fs.lstatSync(file);
  if (!st.isFile()) {
    skipped.push({ path: rel, reason: 'not a regular file (a symbolic link is never followed)' });
    return null;
  }
  if (st.size > MAX_IMPORT_FILE_BYTES) {
    skipped.push({ path: rel, reason: `too large: ${st.size} bytes (limit ${MAX_IMPORT_FILE_BYTES})` });
    return null;
  }
  const r = decodeText(fs.readFileSync(file));
  if (!r.ok) {
    skipped.push({ path: rel, reason: r.reason });
    return null;
  }
  return r.text;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
