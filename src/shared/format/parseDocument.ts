import { describeZodError } from '../errors';
import { FIELD_SCHEMAS } from '../kinds/fields';
import { DOC_KINDS, KINDS, parseDisplayRef, type DocKind } from '../kinds/kinds';
import { RESERVED_KEYS, fromMadrKey } from './documentMarkdown';
import { stripGeneratedBlock } from './generatedBlocks';
import { readYaml } from './yamlText';

/** A document as a repo file holds it: everything but local bookkeeping (revision, who created it here). */
export interface RepoDocument {
  /** Missing in a file written by hand; sync assigns one and writes it back. */
  id: string | null;
  kind: DocKind;
  number: number | null;
  title: string;
  status: string;
  body: string;
  fields: Record<string, unknown>;
  createdAt: string | null;
  updatedAt: string | null;
}

export type ParseResult = { ok: true; doc: RepoDocument } | { ok: false; reason: string };

const FRONT_MATTER_RE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The kind a repo path belongs to, from its top folder (rfcs/, adrs/, decisions/, postmortems/). */
export function kindOfPath(path: string): DocKind | null {
  const folder = path.split('/')[0];
  return DOC_KINDS.find((k) => KINDS[k].folder === folder) ?? null;
}

function numberFromFileName(path: string): number | null {
  const m = /(?:^|\/)(\d{1,6})-[^/]*\.md$/.exec(path);
  return m ? Number(m[1]) : null;
}

function asIsoString(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
  return null;
}

/**
 * Reads a repo file back into a document. Tolerant of what people do by hand
 * (CRLF, a BOM, a missing id, the title only in the H1, unknown keys — kept),
 * strict where guessing would lose data: a file it cannot read gives a reason.
 */
export function parseDocument(path: string, text: string): ParseResult {
  const normalized = text.replace(/\r\n/g, '\n');
  const m = FRONT_MATTER_RE.exec(normalized);
  if (!m) return { ok: false, reason: 'no YAML front matter (the file must start with a --- block)' };
  const read = readYaml(m[1]!);
  // Lines are the file's: the front matter starts on line 2.
  if (!read.ok) return { ok: false, reason: `front matter is not valid YAML${read.line ? ` at line ${read.line + 1}` : ''}` };
  const fm = read.value ?? {};
  if (typeof fm !== 'object' || fm === null || Array.isArray(fm)) return { ok: false, reason: 'front matter is not a YAML mapping' };
  const data = fm as Record<string, unknown>;

  const ref = typeof data.ref === 'string' ? parseDisplayRef(data.ref) : null;
  const kind = kindOfPath(path) ?? ref?.kind ?? null;
  if (!kind) return { ok: false, reason: 'not in a document folder (rfcs/, adrs/, decisions/, postmortems/) and no ref in the front matter' };
  if (ref && ref.kind !== kind) return { ok: false, reason: `ref ${String(data.ref)} does not belong in ${KINDS[kind].folder}/` };

  const id = typeof data.id === 'string' && ULID_RE.test(data.id) ? data.id : null;
  if (data.id !== undefined && id === null) return { ok: false, reason: 'id is not a document id (a 26-character ULID)' };

  let rest = normalized.slice(m[0].length).replace(/^\n+/, '');
  const h1 = /^# (.+)\n?/.exec(rest);
  if (h1) rest = rest.slice(h1[0].length).replace(/^\n+/, '');
  const title = (h1?.[1] ?? (typeof data.title === 'string' ? data.title : '')).trim();
  if (!title) return { ok: false, reason: 'no title (neither a "# Title" line nor a title key)' };

  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!RESERVED_KEYS.has(k)) raw[kind === 'adr' ? fromMadrKey(k) : k] = v;
  }
  const fields = FIELD_SCHEMAS[kind].safeParse(raw);
  if (!fields.success) return { ok: false, reason: `front matter: ${describeZodError(fields.error)}` };

  const status = data.status === undefined ? '' : String(data.status);
  const numberValue = ref?.number ?? (typeof data.number === 'number' ? data.number : numberFromFileName(path));
  return {
    ok: true,
    doc: {
      id,
      kind,
      number: numberValue !== null && Number.isInteger(numberValue) && numberValue > 0 ? numberValue : null,
      title,
      status,
      body: stripGeneratedBlock(rest),
      fields: fields.data,
      createdAt: asIsoString(data.created),
      updatedAt: asIsoString(data.updated),
    },
  };
}

