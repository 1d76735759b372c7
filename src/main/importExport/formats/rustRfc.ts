import type { DocKind } from '../../../shared/kinds/kinds';
import { initialStatus } from '../../../shared/kinds/lifecycle';
import type { ImportedDoc, SourceFile } from '../importedDoc';
import { baseName, fitLimits, keepExtra, newImportedDoc, normalizeDate, numberFromName, tidyBody, titleFromFileName } from './common';
import { takeBullets } from './metadata';

export const RUST_RFC_KEYS = ['feature name', 'start date', 'rfc pr', 'rust issue'];

const FIELD_NAMES: Record<string, string> = { 'feature name': 'featureName', 'rfc pr': 'rfcPr', 'rust issue': 'rustIssue' };

/**
 * A Rust-style RFC: text/NNNN-slug.md opening with "- Feature Name:",
 * "- Start Date:", "- RFC PR:", "- Rust Issue:" bullets. An RFC in text/ is
 * one the project merged, so it is imported as approved. The title comes from
 * the file name (the text starts with "# Summary", not a title).
 */
export function parseRustRfc(src: SourceFile, kind: DocKind = 'rfc'): ImportedDoc {
  const doc = newImportedDoc('rust-rfc', src.path, kind);
  const bullets = takeBullets(src.text, RUST_RFC_KEYS);
  const name = baseName(src.path);
  doc.sourceNumber = numberFromName(name);
  doc.title = titleFromFileName(src.path);
  for (const [key, value] of bullets?.entries ?? []) {
    const k = key.toLowerCase();
    if (k === 'start date') {
      doc.createdAt = normalizeDate(value);
      if (!doc.createdAt) keepExtra(doc.fields, 'startDate', value);
    } else if (k === 'feature name') {
      doc.fields.featureName = value.replace(/^`|`$/g, '');
    } else {
      keepExtra(doc.fields, FIELD_NAMES[k] ?? key, value);
    }
  }
  doc.status = kind === 'rfc' ? 'approved' : initialStatus(kind);
  doc.notes.push(kind === 'rfc' ? 'a Rust RFC in text/ is a merged RFC: imported as approved' : `imported as another kind than RFC: starts as ${doc.status}`);
  doc.body = tidyBody(bullets ? bullets.rest : src.text);
  return fitLimits(doc);
}
