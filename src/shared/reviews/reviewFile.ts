import { readYaml, writeYaml } from '../format/yamlText';
import type { Person } from '../document';
import { compareRecords } from './merge';
import { ReviewRecordSchema, type ReviewRecord } from './schemas';

/**
 * A document's review records as the team repository keeps them:
 * reviews/<document id>.yml (docs/format.md, "Review records"). The file is
 * YAML that reads well on a git host: a header comment, the document it
 * belongs to, then one entry per record, oldest first, each with its id.
 */

export const REVIEWS_FOLDER = 'reviews';

const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const PATH_RE = new RegExp(`^${REVIEWS_FOLDER}/(${ULID})\\.yml$`);

/** reviews/<document id>.yml */
export function reviewFilePath(docId: string): string {
  return `${REVIEWS_FOLDER}/${docId}.yml`;
}

/** The document id a review file is named after, or null for any other path (READMEs, notes, .yaml). */
export function docIdOfReviewPath(path: string): string | null {
  return PATH_RE.exec(path)?.[1] ?? null;
}

/** Keys of a record in the order they are written: identity first, bookkeeping last. */
const KEY_ORDER = ['id', 'type', 'at', 'by', 'reviewer', 'removed', 'verdict', 'note', 'text', 'commentId', 'resolved', 'item', 'checked', 'concern', 'anchor', 'revision', 'bodyHash'];

/** "Grace Hopper <grace@example.com>", or the name alone; a name that would read ambiguously stays an object. */
function writePerson(p: Person): string | Person {
  if (/[<>]/.test(p.name) || /[<>]/.test(p.email)) return { name: p.name, email: p.email };
  return p.email ? `${p.name} <${p.email}>` : p.name;
}

function readPerson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(v.trim());
  return m ? { name: m[1], email: m[2] } : { name: v, email: '' };
}

function ordered(r: ReviewRecord): Record<string, unknown> {
  const src = { ...r, by: writePerson(r.by) } as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (src[k] !== undefined) out[k] = src[k];
  for (const [k, v] of Object.entries(src)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

/** The header of a document's review file: the same for the same document, so it tells whether a file is current. */
export function reviewFileHeader(ref: string, title: string): string {
  return [
    `# Review of ${ref}: reviewers, review requests, verdicts, comments and checklist ticks, oldest first.`,
    '# Written by DesignDesk and merged by record id: keep every id as it is; a record added by',
    '# hand needs a new 26-character ULID. docs/format.md of DesignDesk describes each field.',
    writeYaml({ document: `${ref} ${title}` }).trimEnd(),
    '',
  ].join('\n');
}

/** The file text of a document's review records: stable bytes for the same records (sorted by time, then id). */
export function reviewFileText(ref: string, title: string, records: readonly ReviewRecord[]): string {
  const sorted = [...records].sort(compareRecords).map(ordered);
  const body = sorted.length ? writeYaml({ records: sorted }) : 'records: []\n';
  return `${reviewFileHeader(ref, title)}${body}`;
}

export type ReviewFileParse = { ok: true; records: ReviewRecord[] } | { ok: false; reason: string };

/**
 * Reads a review file. Every record must be valid and ids unique; otherwise
 * the reason names the first bad record, so the file is reported by path and
 * left alone rather than half read. A file without `records` holds none.
 */
export function parseReviewFile(text: string): ReviewFileParse {
  const read = readYaml(text.replace(/^\uFEFF/, ''));
  if (!read.ok) return { ok: false, reason: `not valid YAML${read.line ? ` at line ${read.line}` : ''}` };
  const data = read.value;
  if (data === null || data === undefined) return { ok: true, records: [] };
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'a review file is a mapping with a `records:` list' };
  const list = (data as Record<string, unknown>).records;
  if (list === undefined || list === null) return { ok: true, records: [] };
  if (!Array.isArray(list)) return { ok: false, reason: '`records` must be a list' };
  const records: ReviewRecord[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of list.entries()) {
    const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>), by: readPerson((raw as Record<string, unknown>).by) } : raw;
    const r = ReviewRecordSchema.safeParse(input);
    const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return { ok: false, reason: `record ${i + 1}${id ? ` (${id})` : ''}: ${where}${issue?.message ?? 'not a review record'}` };
    }
    if (seen.has(r.data.id)) return { ok: false, reason: `record ${i + 1}: the id ${r.data.id} is used twice` };
    seen.add(r.data.id);
    records.push(r.data);
  }
  return { ok: true, records: records.sort(compareRecords) };
}
