import type { DocKind } from '../../../shared/kinds/kinds';
import { initialStatus } from '../../../shared/kinds/lifecycle';
import type { ImportedDoc, SourceFile } from '../importedDoc';
import { baseName, dateFromName, fitLimits, newImportedDoc, numberFromName, splitTitle, tidyBody } from './common';

/**
 * Plain Markdown: the title is the first heading (or the file name), the
 * number the one the file name starts with (if any), the status the kind's
 * first one. The whole text is kept.
 */
export function parseMarkdown(src: SourceFile, kind: DocKind = 'adr'): ImportedDoc {
  const doc = newImportedDoc('markdown', src.path, kind);
  const t = splitTitle(src.text);
  doc.title = t.title ?? '';
  if (!t.title) doc.notes.push('no heading: title taken from the file name');
  doc.sourceNumber = numberFromName(baseName(src.path));
  doc.createdAt = dateFromName(baseName(src.path));
  doc.status = initialStatus(kind);
  doc.body = tidyBody(t.rest);
  return fitLimits(doc);
}
