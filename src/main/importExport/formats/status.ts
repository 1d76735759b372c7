import type { DocKind } from '../../../shared/kinds/kinds';
import { KINDS } from '../../../shared/kinds/kinds';
import { initialStatus, LIFECYCLES } from '../../../shared/kinds/lifecycle';
import type { ImportedDoc, SourceLink } from '../importedDoc';
import { keepExtra, numberFromName, parseLink, resolveHref, stripComments } from './common';
import { nearestStatus } from './nearestStatus';

export interface MappedStatus {
  status: string;
  /** False when the source status has no place in our lifecycle and was kept verbatim. */
  known: boolean;
  /** "superseded by X" carried a link to X. */
  supersededBy?: Omit<SourceLink, 'relation'>;
}

/**
 * Maps a status as another tool wrote it onto our lifecycle: a status of the
 * kind (any case, "In Review" or "in-review"), "superseded by X" (with a link
 * to X), or an entry of the format's own table (`synonyms`). Anything else is
 * kept verbatim and reported as unknown: an import never guesses a status.
 */
export function mapStatus(kind: DocKind, raw: string, fromPath: string, synonyms: Record<string, string> = {}): MappedStatus {
  const clean = stripComments(raw)
    .replace(/^[*_`]+|[*_`]+$/g, '')
    .replace(/[.;]+$/, '')
    .trim();
  const statuses = LIFECYCLES[kind].statuses;
  const sup = /^super[sc]eded(?:\s+by\b\s*:?\s*(.*))?$/i.exec(clean);
  if (sup && statuses.includes('superseded')) {
    const target = sup[1]?.trim();
    return { status: 'superseded', known: true, ...(target ? { supersededBy: linkTarget(target, fromPath) } : {}) };
  }
  const slug = clean.toLowerCase().replace(/[\s_]+/g, '-');
  if (statuses.includes(slug)) return { status: slug, known: true };
  const mapped = synonyms[clean.toLowerCase()];
  if (mapped) return { status: mapped, known: true };
  return { status: clean, known: false };
}

/** The target of a link as written: a Markdown link to a file, "ADR-0123", "#12" or "12. Title". */
export function linkTarget(written: string, fromPath: string): Omit<SourceLink, 'relation'> {
  const { text, href } = parseLink(written);
  const path = href ? resolveHref(fromPath, href) : null;
  const num = /^(?:[A-Z]+-|#)?0*(\d{1,6})\b/i.exec(text) ?? (path ? null : /\b(?:ADR|RFC|KEP)[- ]?0*(\d{1,6})\b/i.exec(text));
  const fromFile = path ? numberFromName(path.slice(path.lastIndexOf('/') + 1)) : null;
  const number = num ? Number(num[1]) : fromFile;
  return { text: written.trim(), ...(path ? { path } : {}), ...(number !== null ? { number } : {}) };
}

/**
 * Sets a document's status from the source's text (or the kind's first
 * status when the source has none), with notes. A status outside the
 * lifecycle becomes the nearest one (nearestStatus.ts: log4brains' `draft`
 * is `proposed`) and the original is kept as the `importedStatus` field; a
 * word with no nearest status starts at the kind's first status, kept the
 * same way, and is flagged for a person to check.
 */
export function applyStatus(doc: ImportedDoc, raw: string | null | undefined, synonyms: Record<string, string> = {}): void {
  const label = KINDS[doc.kind].label;
  if (raw === null || raw === undefined || !stripComments(String(raw))) {
    doc.status = initialStatus(doc.kind);
    doc.notes.push(`no status in the file: starts as ${doc.status}`);
    return;
  }
  const m = mapStatus(doc.kind, String(raw), doc.path, synonyms);
  doc.status = m.status;
  if (!m.known) {
    const nearest = nearestStatus(doc.kind, m.status);
    doc.status = nearest ?? initialStatus(doc.kind);
    keepExtra(doc.fields, 'importedStatus', m.status.slice(0, 200));
    if (nearest) doc.notes.push(`status "${m.status}" is not in the ${label} lifecycle: imported as ${nearest}, the original kept as importedStatus`);
    else {
      doc.flagged = true;
      doc.notes.push(`status "${m.status}" is not in the ${label} lifecycle (${LIFECYCLES[doc.kind].statuses.join(', ')}) and has no nearest status: starts as ${doc.status}, the original kept as importedStatus`);
    }
  }
  if (m.supersededBy) doc.links.push({ relation: 'supersededBy', ...m.supersededBy });
}
