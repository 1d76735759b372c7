import type { Document } from '../../shared/document';
import { canonicalBody } from '../../shared/format/documentMarkdown';
import { writeYaml } from '../../shared/format/yamlText';
import { isKnownStatus } from '../../shared/kinds/lifecycle';
import { HIDDEN_META_START, STATUS_END } from './formats/adrTools';

/** Fields an ADR export writes on their own line or key; every other field is written as an extra so nothing is lost. */
const MAPPED = new Set(['date', 'decisionMakers', 'consulted', 'informed', 'tags', 'author', 'supersedes', 'supersededBy', 'importedFrom', 'relatedLinks', 'statusNotes']);

/** A number as ADR tools write it in file names: 0007. */
export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

function numbers(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}

/** The fields of an ADR that MADR and adr-tools have no key for, kept as extras. */
function extras(doc: Document): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc.fields).filter(([k, v]) => !MAPPED.has(k) && v !== undefined));
}

/** Everything an ADR export needs to name another document: its number, title and file. */
export interface LinkTarget {
  number: number;
  title: string;
  file: string;
}

/**
 * An ADR as MADR 4 writes it: front matter (status, date, decision-makers,
 * consulted, informed, tags, supersede links as ADR-NNNN, then every other
 * field under its own key), the title as H1, then the body.
 */
export function madrMarkdown(doc: Document): string {
  const f = doc.fields;
  const fm: Record<string, unknown> = {};
  const by = typeof f.supersededBy === 'number' ? f.supersededBy : null;
  fm.status = doc.status === 'superseded' && by ? `superseded by ADR-${pad4(by)}` : doc.status;
  if (typeof f.date === 'string' && f.date) fm.date = f.date;
  if (typeof f.author === 'string' && f.author) fm.author = f.author;
  for (const [key, name] of [['decisionMakers', 'decision-makers'], ['consulted', 'consulted'], ['informed', 'informed'], ['tags', 'tags']] as const) {
    if (names(f[key]).length) fm[name] = names(f[key]);
  }
  if (numbers(f.supersedes).length) fm.supersedes = numbers(f.supersedes).map((n) => `ADR-${pad4(n)}`);
  if (by && doc.status !== 'superseded') fm['superseded-by'] = `ADR-${pad4(by)}`;
  if (names(f.relatedLinks).length) fm.relatedLinks = names(f.relatedLinks);
  if (typeof f.statusNotes === 'string' && f.statusNotes) fm.statusNotes = f.statusNotes;
  Object.assign(fm, extras(doc));
  return `---\n${writeYaml(fm).trimEnd()}\n---\n\n# ${doc.title}\n\n${canonicalBody(doc.body)}`;
}

/**
 * An ADR as adr-tools writes it: "# N. Title", "Date:", a "## Status"
 * section with the status and link lines ("Supersedes [N. Title](file)",
 * "Superseded by [...]"), then the body. Metadata adr-tools has no line for
 * goes into a `<!-- designdesk ... -->` comment (invisible when rendered) so
 * a re-import gets it back.
 */
export function adrToolsMarkdown(doc: Document, target: (n: number) => LinkTarget | undefined): string {
  const f = doc.fields;
  const out: string[] = [`# ${doc.number}. ${doc.title}`, ''];
  if (typeof f.date === 'string' && f.date) out.push(`Date: ${f.date}`, '');
  const hidden: Record<string, unknown> = {};
  if (typeof f.author === 'string' && f.author) hidden.author = f.author;
  for (const [key, name] of [['decisionMakers', 'decision-makers'], ['consulted', 'consulted'], ['informed', 'informed'], ['tags', 'tags']] as const) {
    if (names(f[key]).length) hidden[name] = names(f[key]);
  }
  if (typeof f.statusNotes === 'string' && f.statusNotes) hidden.statusNotes = f.statusNotes;
  Object.assign(hidden, extras(doc));
  if (Object.keys(hidden).length) out.push(`${HIDDEN_META_START}\n${writeYaml(hidden).trimEnd()}\n-->`, '');
  const link = (n: number): string => {
    const t = target(n);
    return t ? `[${t.number}. ${t.title}](${t.file})` : `ADR-${n}`;
  };
  const by = typeof f.supersededBy === 'number' ? f.supersededBy : null;
  const status: string[] = [];
  if (!(doc.status === 'superseded' && by)) status.push(isKnownStatus(doc.kind, doc.status) ? doc.status[0]!.toUpperCase() + doc.status.slice(1) : doc.status);
  for (const n of numbers(f.supersedes)) status.push(`Supersedes ${link(n)}`);
  if (by) status.push(`Superseded by ${link(by)}`);
  status.push(...names(f.relatedLinks));
  out.push('## Status', '', status.join('\n\n'), '');
  const body = canonicalBody(doc.body);
  // Prose right after the Status section would read back as part of it: mark where the section ends.
  if (body && !/^#{1,6}\s/.test(body)) out.push(STATUS_END, '');
  return `${out.join('\n')}${body ? `\n${body}` : ''}`;
}
