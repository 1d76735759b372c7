import { z } from 'zod';
import { readYaml } from '../format/yamlText';
import { splitSections } from '../markdown/sections';
import { DOC_KINDS, DocKindSchema, KINDS, type DocKind } from './kinds';

/**
 * A team's own template, kept in the team repository as
 * templates/<name>.md (docs/format.md, ADR "team templates"): the headings a
 * new document starts with and a hint per heading. A template named after a
 * kind (templates/rfc.md) replaces the playbook's template of that kind;
 * any other name is an extra choice ("Lightweight RFC").
 */
export interface TeamTemplate {
  name: string;
  kind: DocKind;
  title: string;
  description: string;
  sections: { heading: string; depth: 2 | 3; hint: string }[];
}

/** The repository folder that holds the templates (version 1 of the format reads exactly this one). */
export const TEMPLATES_FOLDER = 'templates';
/** A template file is read only below this size: a template is headings and one-line hints. */
export const MAX_TEMPLATE_FILE_BYTES = 64 * 1024;
/** At most this many templates are taken from a repository. */
export const MAX_TEMPLATES = 100;
export const MAX_TEMPLATE_SECTIONS = 80;
export const MAX_HINT_CHARS = 500;
export const MAX_HEADING_CHARS = 120;

const NAME_RULE = 'a template name is lower-case letters, digits and dashes (at most 60), as in its file name templates/rfc-lightweight.md';
export const TemplateNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, NAME_RULE);

// Control characters (tabs aside) have no place in a heading or a hint shown to people.
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const plainText = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what} is at most ${max} characters`)
    .refine((s) => !CONTROL_RE.test(s), `${what} holds a control character`);

export const TeamTemplateSchema = z
  .object({
    name: TemplateNameSchema,
    kind: DocKindSchema,
    title: plainText(80, 'a title').pipe(z.string().min(1, 'a title is required')),
    description: plainText(300, 'a description'),
    sections: z
      .array(z.object({ heading: plainText(MAX_HEADING_CHARS, 'a heading').pipe(z.string().min(1)), depth: z.union([z.literal(2), z.literal(3)]), hint: plainText(MAX_HINT_CHARS, 'a hint') }).strict())
      .min(1, 'a template has at least one section (a ## heading)')
      .max(MAX_TEMPLATE_SECTIONS, `a template has at most ${MAX_TEMPLATE_SECTIONS} sections`),
  })
  .strict();

export type TemplateRead = { ok: true; template: TeamTemplate } | { ok: false; reason: string };

const FRONT_MATTER_RE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** The template name of a path in the templates folder (templates/rfc-lightweight.md -> rfc-lightweight), or null. */
export function templateNameOfPath(path: string): string | null {
  const m = /^templates\/([^/]+)\.md$/.exec(path);
  return m && TemplateNameSchema.safeParse(m[1]).success ? m[1]! : null;
}

/** Whether a repository path is a template file (any .md directly in templates/, README aside). */
export function isTemplatePath(path: string): boolean {
  return /^templates\/[^/]+\.md$/.test(path) && !/^templates\/readme\.md$/i.test(path);
}

/** UTF-8 length without encoding (src/shared has no Buffer). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/**
 * Reads a template file that a teammate wrote: refused unread past
 * MAX_TEMPLATE_FILE_BYTES, then the front matter (kind, title, description;
 * optional for a file named after a kind), then the ## and ### headings of
 * the body, each with the text under it as its hint. The result passes the
 * same schema as everything else that holds templates; a reason names what
 * is wrong otherwise. Never throws.
 */
export function readTemplateFile(path: string, text: string): TemplateRead {
  const name = templateNameOfPath(path);
  if (name === null) return { ok: false, reason: `the file name is not a template name: ${NAME_RULE}` };
  const bytes = utf8Length(text);
  if (bytes > MAX_TEMPLATE_FILE_BYTES) return { ok: false, reason: `the file is ${bytes} bytes; a template is at most ${MAX_TEMPLATE_FILE_BYTES} bytes` };
  const normalized = text.replace(/\r\n?/g, '\n');
  const m = FRONT_MATTER_RE.exec(normalized);
  let meta: Record<string, unknown> = {};
  if (m) {
    const read = readYaml(m[1]!);
    if (!read.ok) return { ok: false, reason: `the front matter is not valid YAML${read.line ? ` (line ${read.line + 1})` : ''}` };
    if (read.value !== null && (typeof read.value !== 'object' || Array.isArray(read.value))) return { ok: false, reason: 'the front matter is not a list of keys (kind, title, description)' };
    meta = (read.value ?? {}) as Record<string, unknown>;
  }
  const kindByName = (DOC_KINDS as readonly string[]).includes(name) ? (name as DocKind) : null;
  const kind = meta.kind ?? kindByName;
  if (kind === null || kind === undefined) return { ok: false, reason: `no kind: the front matter says which (kind: ${DOC_KINDS.join(', ')})` };
  if (typeof kind !== 'string' || !(DOC_KINDS as readonly string[]).includes(kind)) return { ok: false, reason: `unknown kind ${JSON.stringify(kind).slice(0, 60)}: a template is for ${DOC_KINDS.join(', ')}` };
  if (kindByName && kind !== kindByName) return { ok: false, reason: `templates/${name}.md is the ${KINDS[kindByName].label} template, but its front matter says kind: ${kind}` };
  const unknownKeys = Object.keys(meta).filter((k) => !['kind', 'title', 'description'].includes(k));
  if (unknownKeys.length) return { ok: false, reason: `unknown front-matter key ${JSON.stringify(unknownKeys[0]).slice(0, 60)} (a template has kind, title, description)` };
  for (const k of ['title', 'description'] as const) {
    if (meta[k] !== undefined && meta[k] !== null && typeof meta[k] !== 'string') return { ok: false, reason: `${k}: must be text` };
  }
  const body = m ? normalized.slice(m[0].length) : normalized;
  const sections: TeamTemplate['sections'] = [];
  const seen = new Set<string>();
  for (const s of splitSections(body)) {
    if (s.depth === 0) continue;
    const heading = s.heading.trim();
    const key = heading.toLowerCase();
    if (seen.has(key)) return { ok: false, reason: `the heading "${heading.slice(0, MAX_HEADING_CHARS)}" is there twice; every section of a template has its own heading` };
    seen.add(key);
    if (sections.length >= MAX_TEMPLATE_SECTIONS) return { ok: false, reason: `more than ${MAX_TEMPLATE_SECTIONS} sections` };
    const hint = s.content.replace(/\s+/g, ' ').trim();
    sections.push({ heading, depth: s.depth as 2 | 3, hint });
  }
  const defaultTitle = kindByName ? `Team ${KINDS[kindByName].label}` : name;
  const candidate = {
    name,
    kind,
    title: typeof meta.title === 'string' ? meta.title.trim() : defaultTitle,
    description: typeof meta.description === 'string' ? meta.description.trim() : '',
    sections,
  };
  const r = TeamTemplateSchema.safeParse(candidate);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.length ? `${issue.path.map((p) => (typeof p === 'number' ? `#${p + 1}` : String(p))).join(' ')}: ` : '';
    const heading = issue?.path[0] === 'sections' && typeof issue.path[1] === 'number' ? ` (under "${sections[issue.path[1]]?.heading.slice(0, 60) ?? ''}")` : '';
    return { ok: false, reason: `${where}${issue?.message ?? 'not a template'}${heading}` };
  }
  return { ok: true, template: r.data as TeamTemplate };
}

/** The Markdown body a new document gets from a template: each heading, then an empty paragraph. */
export function teamTemplateBody(template: TeamTemplate): string {
  return template.sections.map((s) => `${'#'.repeat(s.depth)} ${s.heading}\n\n`).join('');
}

/**
 * Problems across a set of templates that each read well: two templates of
 * one kind with the same title (the New menu could not tell them apart).
 * Each entry names the later file.
 */
export function duplicateTemplateTitles(templates: readonly TeamTemplate[]): { name: string; reason: string }[] {
  const seen = new Map<string, string>();
  const out: { name: string; reason: string }[] = [];
  for (const t of [...templates].sort((a, b) => a.name.localeCompare(b.name))) {
    const key = `${t.kind}\u0000${t.title.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) out.push({ name: t.name, reason: `the same title as templates/${first}.md ("${t.title}") for ${KINDS[t.kind].plural}` });
    else seen.set(key, t.name);
  }
  return out;
}

/** The front-matter key a document created from a named team template keeps its name in. */
export const TEMPLATE_FIELD = 'template';

/**
 * The team template a document follows, looked up now (not copied at
 * creation): the one it names in its `template` field, else the team's
 * template of its kind (templates/rfc.md), else null for the playbook's.
 * A template removed or changed later simply gives other hints.
 */
export function templateOf(doc: { kind: DocKind; fields: Record<string, unknown> }, templates: readonly TeamTemplate[]): TeamTemplate | null {
  const named = doc.fields[TEMPLATE_FIELD];
  const byName = typeof named === 'string' ? templates.find((t) => t.name === named && t.kind === doc.kind) : undefined;
  return byName ?? templates.find((t) => t.name === doc.kind && t.kind === doc.kind) ?? null;
}

/**
 * Where designdesk.yml says the team's templates are: `templates: {folder:
 * templates}`. Null when it names none (the repository has no team
 * templates); a reason when the key is there but not readable. Version 1 of
 * the format reads exactly the folder `templates`.
 */
export function readConfigTemplatesFolder(configText: string): { ok: true; folder: string | null } | { ok: false; reason: string } {
  const read = readYaml(configText);
  if (!read.ok) return { ok: false, reason: 'not valid YAML' };
  const raw = typeof read.value === 'object' && read.value !== null ? (read.value as Record<string, unknown>).templates : undefined;
  if (raw === undefined || raw === null) return { ok: true, folder: null };
  const folder = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).folder : undefined;
  if (folder !== TEMPLATES_FOLDER) return { ok: false, reason: `templates.folder: this version reads the folder "${TEMPLATES_FOLDER}" (templates: {folder: ${TEMPLATES_FOLDER}})` };
  return { ok: true, folder };
}
