import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { readDocumentFile } from '../../shared/format/documentChecks';
import type { RepoDocument } from '../../shared/format/parseDocument';
import { checkRepoEntries, type RepoEntry } from '../../shared/health/repoChecks';
import { KINDS, displayRef } from '../../shared/kinds/kinds';
import { parseReviewFile } from '../../shared/reviews/reviewFile';
import { isKnownStatus, LIFECYCLES } from '../../shared/kinds/lifecycle';
import { DEFAULT_SEVERITY_SCALE, severityLevel, type SeverityLevel } from '../../shared/kinds/postmortem';
import { CONFIG_FILE, DOC_FOLDERS, FORMAT_VERSION, isDocumentPath, numberInFileName, readConfigSeverities, readFormatVersion } from '../../shared/sync/repoLayout';
import { MAX_IMPORT_FILE_BYTES } from './importedDoc';
import { checkTemplates } from './lintTemplates';
import { decodeText } from './readSource';

/** One problem in a team repo: the file and what is wrong, in words a person can act on. */
export interface LintFinding {
  path: string;
  reason: string;
}

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Checks a team repo in the DesignDesk format: designdesk.yml, the schema of
 * every document file (parseDocument), statuses outside the kind's
 * lifecycle, duplicate numbers and ids, references (RFC-12 ...) to documents
 * that do not exist, supersede links kept on one side only, and review files
 * (reviews/<id>.yml) of documents that do not exist or whose records cannot
 * be read (parseReviewFile, as a sync reads them), and the team's templates
 * (lintTemplates.ts). README files in the
 * document folders are not documents and are not checked.
 */
export function lintRepo(dir: string): LintFinding[] {
  const root = path.resolve(dir);
  if (!isDir(root)) throw new AppError('NOT_FOUND', `No folder at ${root}: give the path of a team repo.`, { dir: root });
  const findings: LintFinding[] = [];
  const add = (p: string, reason: string): void => void findings.push({ path: p, reason });

  const yml = path.join(root, CONFIG_FILE);
  const configText = fs.existsSync(yml) ? fs.readFileSync(yml, 'utf8') : null;
  if (configText === null) add(CONFIG_FILE, 'missing: a team repo starts with designdesk.yml (a sync or "designdesk export DIR" writes one)');
  else {
    const version = readFormatVersion(configText);
    if (!version.ok) add(CONFIG_FILE, version.reason.replace(/^designdesk\.yml:? ?/, ''));
    else if (version.version > FORMAT_VERSION) add(CONFIG_FILE, `format ${version.version} is newer than this DesignDesk reads (${FORMAT_VERSION}): update DesignDesk`);
  }
  const severities = fs.existsSync(yml) ? readConfigSeverities(fs.readFileSync(yml, 'utf8')) : null;
  // Invalid YAML is already reported above, once.
  if (severities && !severities.ok && severities.reason !== 'not valid YAML') add(CONFIG_FILE, severities.reason);

  const entries: RepoEntry[] = [];
  for (const folder of DOC_FOLDERS) {
    for (const rel of repoFilesBelow(root, folder)) {
      if (!isDocumentPath(rel)) continue;
      const text = readText(path.join(root, ...rel.split('/')), rel, add);
      if (text === null) continue;
      // The checks a sync applies to the same file (documentChecks.ts): lint reports what a sync would leave out.
      const parsed = readDocumentFile(rel, text);
      if (!parsed.ok) {
        add(rel, parsed.reason);
        continue;
      }
      checkOne(rel, parsed.doc, add);
      entries.push({ path: rel, doc: parsed.doc });
    }
  }
  // The checks across documents, shared with the Health view (src/main/services/healthService.ts).
  for (const f of checkRepoEntries(entries)) add(f.path, f.reason);
  checkSeverities(entries, severities?.ok && severities.severities ? severities.severities : DEFAULT_SEVERITY_SCALE, add);
  checkReviews(root, new Set(entries.map((e) => e.doc.id).filter((id): id is string => id !== null)), add);
  checkTemplates(root, configText, add);
  return findings.sort((a, b) => (a.path === b.path ? (a.reason < b.reason ? -1 : 1) : a.path < b.path ? -1 : 1));
}

type Add = (p: string, reason: string) => void;

/** Postmortems whose severity is not in the repository's scale (kept as written, but the overview cannot place it). */
function checkSeverities(entries: readonly RepoEntry[], scale: readonly SeverityLevel[], add: Add): void {
  for (const e of entries) {
    const severity = e.doc.kind === 'postmortem' ? e.doc.fields.severity : undefined;
    if (typeof severity === 'string' && !severityLevel(scale, severity)) add(e.path, `severity "${severity}" is not in the severity scale (${scale.map((l) => l.name).join(', ')})`);
  }
}

function checkOne(rel: string, doc: RepoDocument, add: Add): void {
  const label = KINDS[doc.kind].label;
  if (!doc.status) add(rel, `no status (a ${label} is one of: ${LIFECYCLES[doc.kind].statuses.join(', ')})`);
  else if (!isKnownStatus(doc.kind, doc.status)) add(rel, `status "${doc.status}" is not in the ${label} lifecycle (${LIFECYCLES[doc.kind].statuses.join(', ')})`);
  if (doc.number === null) add(rel, `no number: give it a ref (${KINDS[doc.kind].prefix}-N) in the front matter`);
  const fromName = numberInFileName(rel);
  if (doc.number !== null && fromName !== null && fromName !== doc.number) {
    add(rel, `file name says ${fromName} but the document is ${displayRef(doc.kind, doc.number)}`);
  }
  if (doc.id === null) add(rel, 'no id: a sync gives it one; a file written by hand should get one too');
}

function checkReviews(root: string, ids: Set<string>, add: Add): void {
  for (const name of listFiles(root, 'reviews')) {
    const rel = `reviews/${name}`;
    const m = /^(.*)\.ya?ml$/i.exec(name);
    if (!m) continue;
    if (!ULID_RE.test(m[1]!)) {
      add(rel, 'a review file is named after its document id (reviews/<26-character id>.yml)');
      continue;
    }
    if (!name.endsWith('.yml')) add(rel, `a sync reads reviews/${m[1]}.yml only: rename it`);
    if (!ids.has(m[1]!)) add(rel, `points at a missing document ${m[1]} (no document file has this id)`);
    const text = readText(path.join(root, 'reviews', name), rel, add);
    if (text === null) continue;
    const parsed = parseReviewFile(text);
    if (!parsed.ok) add(rel, parsed.reason.startsWith('not valid YAML') ? `is ${parsed.reason}` : parsed.reason);
  }
}

/** Files below a folder of the repo (relative paths), links included but not followed; lint and publish read a checkout with it. */
export function repoFilesBelow(root: string, folder: string, depth = 0): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, ...folder.split('/')), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = `${folder}/${e.name}`;
    if (e.isDirectory() && !e.name.startsWith('.') && depth < 6) out.push(...repoFilesBelow(root, rel, depth + 1));
    else if (e.isFile() || e.isSymbolicLink()) out.push(rel);
  }
  return out;
}

function listFiles(root: string, folder: string): string[] {
  try {
    return fs
      .readdirSync(path.join(root, folder), { withFileTypes: true })
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function readText(file: string, rel: string, add: Add): string | null {
  const st = fs.lstatSync(file);
  if (st.isSymbolicLink()) {
    add(rel, 'is a symbolic link: a team repo holds files, not links');
    return null;
  }
  if (st.size > MAX_IMPORT_FILE_BYTES) {
    add(rel, `too large: ${st.size} bytes (limit ${MAX_IMPORT_FILE_BYTES})`);
    return null;
  }
  const r = decodeText(fs.readFileSync(file));
  if (!r.ok) {
    add(rel, r.reason);
    return null;
  }
  if (r.notes.length) add(rel, 'not valid UTF-8: save it as UTF-8');
  return r.text;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
