import type { DocKind } from '../../../shared/kinds/kinds';
import type { ImportedDoc, SourceFile } from '../importedDoc';
import { baseName, dateFromName, fitLimits, keepExtra, newImportedDoc, numberFromName, splitFrontMatter, splitTitle, tidyBody } from './common';
import { applyMeta, takeBullets } from './metadata';

/** Bullet keys that mark a MADR 2 / log4brains metadata block under the title. */
export const BULLET_KEYS = ['status', 'date', 'deciders', 'decision-makers', 'decision makers', 'tags', 'consulted', 'informed'];

/**
 * MADR 3/4 (YAML front matter: status, date, decision-makers, consulted,
 * informed) and MADR 2 ("- Status:", "- Deciders:", "- Date:" bullets under
 * the H1); files numbered NNNN-title.md.
 */
export function parseMadr(src: SourceFile, kind: DocKind = 'adr'): ImportedDoc {
  return parseRecord(src, kind, 'madr');
}

/**
 * log4brains (MADR 2 with a patch): bullets "- Status:", "- Date:",
 * "- Deciders:", "- Tags:" (space or comma separated); files named
 * YYYYMMDD-slug.md carry no number, so each gets the next free one.
 */
export function parseLog4brains(src: SourceFile, kind: DocKind = 'adr'): ImportedDoc {
  return parseRecord(src, kind, 'log4brains');
}

function parseRecord(src: SourceFile, kind: DocKind, format: 'madr' | 'log4brains'): ImportedDoc {
  const doc = newImportedDoc(format, src.path, kind);
  const name = baseName(src.path);
  const fm = splitFrontMatter(src.text);
  const entries: Array<[string, unknown]> = fm ? Object.entries(fm.data) : [];
  const t = splitTitle(fm ? fm.rest : src.text, 1);
  const fmTitle = fm && typeof fm.data.title === 'string' ? fm.data.title.trim() : '';
  doc.title = t.title ?? (fmTitle || '');
  if (!doc.title) doc.notes.push('no title heading: title taken from the file name');
  let rest = t.title ? t.rest : (fm ? fm.rest : src.text);
  const bullets = takeBullets(rest, BULLET_KEYS);
  if (bullets) {
    entries.push(...bullets.entries);
    rest = bullets.rest;
  }
  const metaEntries = entries.filter(([k]) => k !== 'title');
  applyMeta(doc, metaEntries, { tagsSplitOnSpace: format === 'log4brains', fallbackDate: dateFromName(name) });
  if (fmTitle && fmTitle !== doc.title) keepExtra(doc.fields, 'title', fmTitle);
  doc.sourceNumber = format === 'madr' ? numberFromName(name) : null;
  doc.body = tidyBody(rest);
  return fitLimits(doc);
}
