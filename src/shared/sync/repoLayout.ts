import { readYaml } from '../format/yamlText';
import { DOC_KINDS, KINDS, type DocKind } from '../kinds/kinds';
import { SeverityScaleSchema, type SeverityLevel } from '../kinds/postmortem';
import { DEFAULT_REVIEW_POLICY, ReviewPolicySchema, type ReviewPolicy } from '../reviews/schemas';

/** The version of the team repository format this build reads and writes (docs/format.md). */
export const FORMAT_VERSION = 1;

export const CONFIG_FILE = 'designdesk.yml';

/** The document folders at the top of the repository, one per kind. */
export const DOC_FOLDERS: readonly string[] = DOC_KINDS.map((k) => KINDS[k].folder);

/** A file name for a title: lower case ASCII words joined by dashes, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** What a path is made from. */
export interface PathSource {
  kind: DocKind;
  number: number;
  title: string;
  fields: Record<string, unknown>;
  createdAt: string | null;
}

/**
 * Where a document is first published: rfcs/0007-short-slug.md, and for a
 * postmortem the incident date instead of the number
 * (postmortems/2026-11-20-slug.md). Once published the path stays, even when
 * the title changes, so links to the file keep working.
 */
export function documentPath(doc: PathSource): string {
  const folder = KINDS[doc.kind].folder;
  const slug = slugify(doc.title);
  if (doc.kind === 'postmortem') {
    const incident = typeof doc.fields.incidentDate === 'string' && DATE_RE.test(doc.fields.incidentDate) ? doc.fields.incidentDate : null;
    const date = incident ?? (doc.createdAt && DATE_RE.test(doc.createdAt.slice(0, 10)) ? doc.createdAt.slice(0, 10) : '0000-00-00');
    return `${folder}/${date}-${slug}.md`;
  }
  return `${folder}/${String(doc.number).padStart(4, '0')}-${slug}.md`;
}

/** The path itself, or with -2, -3... before .md until it is not taken. */
export function uniquePath(path: string, taken: ReadonlySet<string>): string {
  if (!taken.has(path)) return path;
  const stem = path.replace(/\.md$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}.md`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The number a file name starts with (rfcs/0007-x.md -> 7); postmortem names start with a date, not a number. */
export function numberInFileName(path: string): number | null {
  if (path.startsWith(`${KINDS.postmortem.folder}/`)) return null;
  const m = /(?:^|\/)(\d{1,6})-[^/]*\.md$/.exec(path);
  return m ? Number(m[1]) : null;
}

/**
 * Whether a repository path holds a document: a .md file under a document
 * folder, except READMEs (which describe the folder to people browsing it).
 */
export function isDocumentPath(path: string): boolean {
  const [folder, ...rest] = path.split('/');
  if (!folder || rest.length === 0 || !DOC_FOLDERS.includes(folder)) return false;
  const name = rest[rest.length - 1]!;
  return name.endsWith('.md') && !/^readme\.md$/i.test(name) && !name.startsWith('.');
}

/** The repository's designdesk.yml as a new repository gets it, with the workspace's review policy. */
export function configFileText(policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): string {
  const minimums = DOC_KINDS.filter((k) => policy.minApprovals[k] !== undefined).map((k) => `    ${k}: ${policy.minApprovals[k]}`);
  return [
    '# A DesignDesk team repository: RFCs, ADRs, decision matrices and postmortems',
    '# as Markdown files. The format is described in DesignDesk\'s docs/format.md.',
    `format: ${FORMAT_VERSION}`,
    'folders:',
    ...DOC_KINDS.map((k) => `  ${k}: ${KINDS[k].folder}`),
    '  reviews: reviews',
    '# A document is approved when every required reviewer approved and nobody',
    '# requests changes; minApprovals adds a minimum per kind, e.g. "rfc: 2".',
    '# A change to the text after an approval dismisses it and sends an approved',
    '# document back to review, unless dismissStaleApprovals: false.',
    'reviewPolicy:',
    ...(minimums.length ? ['  minApprovals:', ...minimums] : ['  minApprovals: {}']),
    ...(policy.dismissStaleApprovals !== undefined ? [`  dismissStaleApprovals: ${policy.dismissStaleApprovals}`] : []),
    '# The team\'s own templates: templates/rfc.md replaces the RFC template, any',
    '# other templates/<name>.md (with kind and title in its front matter) is offered too.',
    'templates:',
    '  folder: templates',
    '',
  ].join('\n');
}

/** The README a new repository gets, for people browsing it on the git host. */
export function readmeText(): string {
  return [
    '# Design documents',
    '',
    'This repository is shared with [DesignDesk](https://designdesk.invalid/). Every file is plain',
    'Markdown with YAML front matter: read and edit it here or in any text editor.',
    '',
    '| Folder | Holds |',
    '| --- | --- |',
    '| `rfcs/` | Requests for comments, `0001-short-title.md` |',
    '| `adrs/` | Architecture decision records (MADR 4) |',
    '| `decisions/` | Technology decision matrices |',
    '| `postmortems/` | Incident postmortems, `YYYY-MM-DD-short-title.md` |',
    '',
    'Keep the `id:` line of a file when you edit it by hand: it is how DesignDesk recognises the',
    'document after a rename. A file without one gets an id on the next sync.',
    '',
  ].join('\n');
}

/** The files an empty repository gets on the first sync. */
export function layoutFiles(): Map<string, string> {
  const files = new Map<string, string>([
    [CONFIG_FILE, configFileText()],
    ['README.md', readmeText()],
  ]);
  for (const folder of DOC_FOLDERS) files.set(`${folder}/.gitkeep`, '');
  return files;
}

/** Reads the format version of a designdesk.yml; a reason when it cannot be read. */
export function readFormatVersion(text: string): { ok: true; version: number } | { ok: false; reason: string } {
  const read = readYaml(text);
  if (!read.ok) return { ok: false, reason: 'designdesk.yml is not valid YAML' };
  const data = read.value;
  const version = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).format : undefined;
  if (version === undefined) return { ok: true, version: FORMAT_VERSION };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'designdesk.yml: format must be a whole number' };
  return { ok: true, version };
}

/**
 * Reads the review policy of a designdesk.yml: the repository decides the
 * minimum approvals per kind. No `reviewPolicy` means the default policy;
 * a reason when it cannot be read.
 */
export function readConfigReviewPolicy(text: string): { ok: true; policy: ReviewPolicy } | { ok: false; reason: string } {
  const read = readYaml(text);
  if (!read.ok) return { ok: false, reason: 'not valid YAML' };
  const data = read.value;
  const raw = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).reviewPolicy : undefined;
  if (raw === undefined || raw === null) return { ok: true, policy: DEFAULT_REVIEW_POLICY };
  const normalized = typeof raw === 'object' && !Array.isArray(raw) && (raw as Record<string, unknown>).minApprovals == null ? { ...raw, minApprovals: {} } : raw;
  const r = ReviewPolicySchema.safeParse(normalized);
  if (r.success) return { ok: true, policy: r.data };
  const issue = r.error.issues[0];
  return { ok: false, reason: `reviewPolicy${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'not a review policy'} (e.g. minApprovals: {rfc: 2})` };
}

/**
 * Reads the severity scale of a designdesk.yml (`severities`, most severe
 * first): a list of `{name, description}` or of plain names. No key means
 * null (the default scale applies); a reason when it cannot be read.
 */
export function readConfigSeverities(text: string): { ok: true; severities: SeverityLevel[] | null } | { ok: false; reason: string } {
  const read = readYaml(text);
  if (!read.ok) return { ok: false, reason: 'not valid YAML' };
  const data = read.value;
  const raw = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).severities : undefined;
  if (raw === undefined || raw === null) return { ok: true, severities: null };
  const levels = Array.isArray(raw) ? raw.map((l: unknown) => (typeof l === 'string' ? { name: l } : l)) : raw;
  const r = SeverityScaleSchema.safeParse(levels);
  if (r.success) return { ok: true, severities: r.data };
  const issue = r.error.issues[0];
  return { ok: false, reason: `severities${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'not a severity scale'} (e.g. - {name: SEV-1, description: "Outage"})` };
}
