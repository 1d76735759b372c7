import type { Document } from '../document';
import { displayRef } from '../kinds/kinds';
import { generatedBlock } from './generatedBlocks';
import { YAML_WRITE_OPTIONS, yamlDocumentToWrite } from './yamlText';

/** Front-matter keys of an ADR as MADR 4 names them; other kinds keep their field names. */
const MADR_KEYS: Record<string, string> = {
  decisionMakers: 'decision-makers',
  supersededBy: 'superseded-by',
};
const FROM_MADR: Record<string, string> = Object.fromEntries(Object.entries(MADR_KEYS).map(([k, v]) => [v, k]));

/** The field name of an ADR front-matter key (decision-makers -> decisionMakers). */
export function fromMadrKey(key: string): string {
  return FROM_MADR[key] ?? key;
}

/** Front-matter keys that describe the document itself rather than its fields. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['id', 'ref', 'title', 'status', 'created', 'updated']);

/** The YAML front matter of a document: identity first, then the kind's fields. */
export function frontMatter(doc: Document): Record<string, unknown> {
  const fm: Record<string, unknown> = {
    id: doc.id,
    ref: displayRef(doc.kind, doc.number),
    title: doc.title,
    status: doc.status,
    created: doc.createdAt,
    updated: doc.updatedAt,
  };
  for (const [k, v] of Object.entries(doc.fields)) {
    const key = doc.kind === 'adr' ? (MADR_KEYS[k] ?? k) : k;
    if (!RESERVED_KEYS.has(key)) fm[key] = v;
  }
  return fm;
}

/**
 * YAML for front matter. Multi-line text becomes a readable block scalar,
 * except text starting with blanks, which block scalars cannot carry exactly
 * (it is double-quoted instead). Text a YAML 1.1 reader would take for a
 * number, date, boolean or null (`14:02`, `yes`) is quoted (yamlText.ts).
 */
function toYaml(data: Record<string, unknown>): string {
  const leadingBlank = (s: string) => (s !== '' && /^[ \t]*(\n|$)|^[ \t]/.test(s) ? 'QUOTE_DOUBLE' : undefined);
  return yamlDocumentToWrite(data, leadingBlank).toString({ lineWidth: YAML_WRITE_OPTIONS.lineWidth }).trimEnd();
}

/** The body as a file holds it: no leading blank lines, exactly one final newline (none when empty). */
export function canonicalBody(body: string): string {
  const trimmed = body.replace(/\r\n/g, '\n').replace(/^\n+/, '').trimEnd();
  return trimmed ? `${trimmed}\n` : '';
}

/**
 * A document as a Markdown file that reads well on a git host: YAML front
 * matter, the title as H1, structured data rendered as tables, then the body.
 * Stable: the same document always gives the same bytes.
 */
export function documentToMarkdown(doc: Document): string {
  const yaml = toYaml(frontMatter(doc));
  return `---\n${yaml}\n---\n\n# ${doc.title}\n\n${generatedBlock(doc)}${canonicalBody(doc.body)}`;
}
