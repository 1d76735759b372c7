import { readYaml } from '../../../shared/format/yamlText';
import { isIsoDate } from '../../../shared/kinds/adr';
import { MAX_BODY_CHARS, TitleSchema } from '../../../shared/document';
import type { ImportedDoc } from '../importedDoc';

/** Markdown without HTML comments (`<!-- optional -->` hints of ADR templates). */
export function stripComments(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, '').trim();
}

/** The last path segment. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder of a posix path, '' at the root. */
export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The number an ADR or RFC file name starts with: 0007-x.md, ADR-7_x.md, 7 x.md. Eight-digit dates are not numbers. */
export function numberFromName(name: string): number | null {
  const m = /^(?:adr|rfc|kep)?[-_ ]?(\d{1,6})(?=[-_. ]|$)/i.exec(name);
  return m ? Number(m[1]) : null;
}

/** The day a file name starts with: 20200924-x.md (log4brains) or 2020-09-24-x.md. */
export function dateFromName(name: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?=[-_ .])/.exec(name);
  if (!m) return null;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(d) ? d : null;
}

/** A readable title from a file name: "0005-use-dashes-in-filenames.md" -> "Use dashes in filenames". */
export function titleFromFileName(path: string): string {
  let name = baseName(path).replace(/\.(md|markdown|mdx)$/i, '');
  if (/^readme$/i.test(name)) name = baseName(dirName(path)) || name;
  const words = name
    .replace(/^(\d{4}-?\d{2}-?\d{2}|(?:adr|rfc|kep)?[-_ ]?\d{1,6})(?=[-_ ]|$)/i, '')
    .replace(/[-_\s]+/g, ' ')
    .trim();
  if (!words) return `Untitled (${baseName(path)})`;
  return words[0]!.toUpperCase() + words.slice(1);
}

/** Reads a date as people write it (2020-09-24, 2020/09/24, 20200924, an ISO timestamp) as YYYY-MM-DD, or null. */
export function normalizeDate(raw: unknown): string | null {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return raw.toISOString().slice(0, 10);
  if (typeof raw !== 'string') return null;
  const s = stripComments(raw).replace(/^[`*_]+|[`*_]+$/g, '');
  const m = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T ])/.exec(s);
  if (!m) return null;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(d) ? d : null;
}

/** A list of people or tags from YAML (a list or a comma/semicolon separated string). */
export function splitNames(raw: unknown, separators: RegExp = /[,;]/): string[] {
  const items = Array.isArray(raw) ? raw.map((v) => (v === null || v === undefined ? '' : String(v))) : typeof raw === 'string' ? stripComments(raw).split(separators) : raw === null || raw === undefined ? [] : [String(raw)];
  return items.map((s) => s.trim()).filter((s) => s !== '' && !/^\[.*\]$|^\{.*\}$/.test(s));
}

const FRONT_MATTER_RE = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/;

/** Splits YAML front matter off a text (already LF-normalized); throws a readable Error on bad YAML. */
export function splitFrontMatter(text: string): { data: Record<string, unknown>; rest: string } | null {
  const m = FRONT_MATTER_RE.exec(text);
  if (!m) return null;
  const read = readYaml(m[1]!);
  // Lines are the file's: the front matter starts on line 2.
  if (!read.ok) throw new Error(`its front matter is not valid YAML${read.line ? ` at line ${read.line + 1}` : ''}`);
  const data = read.value ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('its front matter is not a YAML mapping');
  return { data: data as Record<string, unknown>, rest: text.slice(m[0].length) };
}

export interface TitleSplit {
  /** The heading text, without its marker. */
  title: string | null;
  level: number;
  /** The text with the heading removed when it opened the text (comments and blank lines aside), else unchanged. */
  rest: string;
}

/**
 * The first heading of a Markdown text (ATX `# x` or setext `x\n===`).
 * Headings inside fenced code do not count.
 */
export function splitTitle(text: string, maxLevel = 6): TitleSplit {
  const lines = text.split('\n');
  let fence: string | null = null;
  let leading = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1]!;
      leading = false;
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    const setext = !atx && line.trim() && i + 1 < lines.length && /^\s{0,3}(=+|-+)\s*$/.test(lines[i + 1]!) && !/^\s{0,3}[-*+>]/.test(line) ? lines[i + 1]!.trim()[0] : null;
    const level = atx ? atx[1]!.length : setext === '=' ? 1 : setext === '-' ? 2 : 0;
    if (level && level <= maxLevel) {
      const title = stripComments(atx ? atx[2]! : line.trim()).trim();
      if (!title) continue;
      const span = atx ? 1 : 2;
      const rest = leading && level === 1 ? [...lines.slice(0, i), ...lines.slice(i + span)].join('\n') : text;
      return { title, level, rest };
    }
    if (line.trim() && !/^\s*<!--.*-->\s*$/.test(line)) leading = false;
  }
  return { title: null, level: 0, rest: text };
}

/** Body text as stored: LF, no leading blank lines, one final newline. */
export function tidyBody(body: string): string {
  const t = body.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return t ? `${t}\n` : '';
}

/** Keys our document format reserves; a source field with one of these names is kept under "source-<key>". */
const RESERVED = new Set(['id', 'ref', 'title', 'status', 'created', 'updated', 'importedFrom']);

/** Keeps a source field we have no place for, under its own name unless that name is taken. */
export function keepExtra(fields: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) return;
  let k = RESERVED.has(key) || key in fields ? `source-${key}` : key;
  while (k in fields) k = `source-${k}`;
  fields[k] = toJson(value);
}

/** YAML values as JSON can hold them (dates as strings, non-finite numbers as text). */
function toJson(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}

/** Applies the title and body limits of a document, noting what was cut. */
export function fitLimits(doc: ImportedDoc): ImportedDoc {
  let title = doc.title.replace(/\s+/g, ' ').trim();
  if (!title) title = titleFromFileName(doc.path);
  if (!TitleSchema.safeParse(title).success) {
    doc.notes.push('title longer than 200 characters: shortened (the full title is kept in the body)');
    doc.body = `${doc.title}\n\n${doc.body}`;
    title = `${title.slice(0, 199)}…`;
  }
  if (doc.body.length > MAX_BODY_CHARS) throw new Error(`its text is longer than ${MAX_BODY_CHARS} characters`);
  return { ...doc, title };
}

/** A Markdown link `[text](href)` in a line, or the bare text. */
export function parseLink(s: string): { text: string; href: string | null } {
  const m = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/.exec(s);
  return m ? { text: m[1]!.trim(), href: m[2]!.trim() } : { text: stripComments(s).trim(), href: null };
}

/** Resolves a relative link of the file at `from` to a posix path relative to the import root, or null when it leaves it or is a URL. */
export function resolveHref(from: string, href: string): string | null {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#')) return null;
  const clean = decodeSafe(href.replace(/[#?].*$/, ''));
  const parts = dirName(from) ? dirName(from).split('/') : [];
  for (const seg of clean.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/') || null;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** An empty imported document, filled in by a format parser. */
export function newImportedDoc(format: ImportedDoc['format'], path: string, kind: ImportedDoc['kind']): ImportedDoc {
  return { format, path, kind, sourceNumber: null, title: '', status: '', body: '', fields: {}, createdAt: null, links: [], notes: [], flagged: false };
}
