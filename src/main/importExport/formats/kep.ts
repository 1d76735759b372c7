import { readYaml } from '../../../shared/format/yamlText';
import type { DocKind } from '../../../shared/kinds/kinds';
import type { ImportedDoc, SourceFile } from '../importedDoc';
import { fitLimits, keepExtra, newImportedDoc, normalizeDate, splitNames, splitTitle, tidyBody } from './common';
import { applyStatus } from './status';

/**
 * KEP statuses (kubernetes/enhancements, keps/NNNN-kep-template) that have a
 * place in the RFC lifecycle. deferred, withdrawn and replaced do not: they
 * are kept verbatim and flagged.
 */
export const KEP_STATUSES: Record<string, string> = {
  provisional: 'draft',
  implementable: 'approved',
  implemented: 'implemented',
  rejected: 'rejected',
};

/** kep.yaml keys with a place of their own; every other key is kept under its name. */
const MAPPED = new Set(['title', 'kep-number', 'authors', 'reviewers', 'approvers', 'status', 'creation-date', 'replaces', 'superseded-by']);

/**
 * A Kubernetes Enhancement Proposal: a folder with README.md (the text) and
 * kep.yaml (title, kep-number, authors, reviewers, approvers, status,
 * creation-date, last-updated, owning-sig, ...). Imported as an RFC.
 */
export function parseKep(src: SourceFile, kind: DocKind = 'rfc'): ImportedDoc {
  const doc = newImportedDoc('kep', src.path, kind);
  let meta: Record<string, unknown> = {};
  if (src.kepYaml !== undefined) {
    const read = readYaml(src.kepYaml);
    if (!read.ok) throw new Error('its kep.yaml is not valid YAML');
    const data = read.value;
    if (data && typeof data === 'object' && !Array.isArray(data)) meta = data as Record<string, unknown>;
    else if (data !== null && data !== undefined) throw new Error('its kep.yaml is not a YAML mapping');
  } else {
    doc.notes.push('no kep.yaml beside README.md: metadata missing');
  }

  const t = splitTitle(src.text, 1);
  const heading = t.title?.replace(/^KEP-\d+\s*:\s*/i, '').trim() ?? '';
  doc.title = typeof meta.title === 'string' && meta.title.trim() ? meta.title.trim() : heading;
  const num = Number(String(meta['kep-number'] ?? '').replace(/^KEP-/i, ''));
  const folder = /\/(\d{1,6})-[^/]*\/README\.md$/i.exec(`/${src.path}`);
  doc.sourceNumber = Number.isInteger(num) && num > 0 ? num : folder ? Number(folder[1]) : null;

  const authors = splitNames(meta.authors);
  if (authors.length) {
    doc.fields.author = authors.join(', ').slice(0, 200);
    doc.fields.authors = authors;
  }
  const reviewers = splitNames(meta.reviewers);
  if (reviewers.length) doc.fields.reviewers = reviewers.slice(0, 50);
  const approvers = splitNames(meta.approvers);
  if (approvers.length) doc.fields.approvers = approvers;
  applyStatus(doc, meta.status === undefined || meta.status === null ? null : String(meta.status), KEP_STATUSES);

  const created = meta['creation-date'];
  if (created !== undefined && created !== null && String(created).trim()) {
    doc.createdAt = normalizeDate(created);
    if (!doc.createdAt) {
      keepExtra(doc.fields, 'creation-date', created);
      doc.notes.push(`creation-date "${String(created)}" is not a day as YYYY-MM-DD: kept as written`);
    }
  }
  for (const [key, relation] of [['replaces', 'supersedes'], ['superseded-by', 'supersededBy']] as const) {
    for (const target of splitNames(meta[key])) {
      const m = /(?:KEP-|^|\/)0*(\d{1,6})(?:-|$)/i.exec(target);
      doc.links.push({ relation, text: target, ...(m ? { number: Number(m[1]) } : {}) });
    }
  }
  for (const [k, v] of Object.entries(meta)) if (!MAPPED.has(k)) keepExtra(doc.fields, k, v);
  if (heading && doc.title && heading !== doc.title) keepExtra(doc.fields, 'readme-title', t.title);
  doc.body = tidyBody(t.title ? t.rest : src.text);
  return fitLimits(doc);
}
