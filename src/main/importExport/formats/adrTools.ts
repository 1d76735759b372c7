import { readYaml } from '../../../shared/format/yamlText';
import type { DocKind } from '../../../shared/kinds/kinds';
import type { ImportedDoc, SourceFile } from '../importedDoc';
import { baseName, fitLimits, newImportedDoc, numberFromName, splitTitle, tidyBody } from './common';
import { applyMeta } from './metadata';
import { linkTarget } from './status';

/** The hidden block our adr-tools export writes for metadata adr-tools has no line for. */
export const HIDDEN_META_START = '<!-- designdesk';
/** Ends the Status section our export writes when the text after it is not a heading. */
export const STATUS_END = '<!-- designdesk: end of status -->';
const HIDDEN_META_RE = /^<!-- designdesk\n([\s\S]*?)\n-->[ \t]*\n?/m;
const LINK_LINE_RE = /^(\S.*?)\s+(\[[^\]]*\]\([^)]*\))\s*$/;

/**
 * adr-tools (Nygard ADRs): doc/adr/NNNN-slug.md headed "# N. Title", a
 * "Date: YYYY-MM-DD" line, and a "## Status" section holding the status and
 * link lines ("Supersedes [1. X](0001-x.md)", "Superceded by [...](...)",
 * "Amended by ..."). Supersede links become ours; other link lines are kept
 * verbatim (relatedLinks) and written back by the adr-tools export.
 */
export function parseAdrTools(src: SourceFile, kind: DocKind = 'adr'): ImportedDoc {
  const doc = newImportedDoc('adr-tools', src.path, kind);
  const t = splitTitle(src.text, 1);
  const numbered = t.title ? /^(\d{1,6})\.\s+(.*)$/.exec(t.title) : null;
  doc.title = numbered ? numbered[2]! : (t.title ?? '');
  doc.sourceNumber = numberFromName(baseName(src.path)) ?? (numbered ? Number(numbered[1]) : null);
  if (!doc.title) doc.notes.push('no title heading: title taken from the file name');

  let rest = t.rest;
  const entries: Array<[string, unknown]> = [];
  const hidden = HIDDEN_META_RE.exec(rest);
  if (hidden) {
    const read = readYaml(hidden[1]!);
    if (read.ok) {
      const data = read.value;
      if (data && typeof data === 'object' && !Array.isArray(data)) entries.push(...Object.entries(data));
      rest = rest.slice(0, hidden.index) + rest.slice(hidden.index + hidden[0].length);
    } else doc.notes.push('a designdesk metadata comment is not valid YAML: left in the text');
  }
  const lines = rest.split('\n');
  const firstSection = lines.findIndex((l) => /^\s{0,3}#{1,6}\s/.test(l));
  const preambleEnd = firstSection < 0 ? lines.length : firstSection;
  const dateAt = lines.findIndex((l, i) => i < preambleEnd && /^\s*Date:\s*/i.test(l));
  if (dateAt >= 0) {
    entries.push(['date', lines[dateAt]!.replace(/^\s*Date:\s*/i, '').trim()]);
    lines.splice(dateAt, 1);
  }

  const statusAt = lines.findIndex((l) => /^\s{0,3}##\s+Status\s*$/i.test(l));
  let status: string | null = null;
  if (statusAt >= 0) {
    let end = statusAt + 1;
    while (end < lines.length && !/^\s{0,3}#{1,2}\s/.test(lines[end]!) && lines[end]!.trim() !== STATUS_END) end++;
    if (lines[end]?.trim() === STATUS_END) lines.splice(end, 1);
    const notes: string[] = [];
    const related: string[] = [];
    for (const raw of lines.slice(statusAt + 1, end)) {
      const line = raw.trim();
      if (!line) continue;
      const link = LINK_LINE_RE.exec(line);
      const relation = link ? link[1]!.toLowerCase().replace(/:$/, '') : '';
      if (link && /^super[sc]eded by$/.test(relation)) doc.links.push({ relation: 'supersededBy', ...linkTarget(link[2]!, doc.path) });
      else if (link && relation === 'supersedes') doc.links.push({ relation: 'supersedes', ...linkTarget(link[2]!, doc.path) });
      else if (link) related.push(line);
      else if (status === null) status = line;
      else notes.push(line);
    }
    if (status === null && doc.links.some((l) => l.relation === 'supersededBy')) status = 'superseded';
    if (related.length) doc.fields.relatedLinks = related;
    if (notes.length) doc.fields.statusNotes = notes.join('\n');
    lines.splice(statusAt, end - statusAt);
  }
  entries.push(['status', status]);
  applyMeta(doc, entries);
  doc.body = tidyBody(lines.join('\n'));
  return fitLimits(doc);
}
