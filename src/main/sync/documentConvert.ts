import type { Document } from '../../shared/document';
import { canonicalBody } from '../../shared/format/documentMarkdown';
import type { RepoDocument } from '../../shared/format/parseDocument';
import { normalizeFields } from '../../shared/kinds/fields';
import { initialStatus } from '../../shared/kinds/lifecycle';
import type { LocalDoc } from './syncStore';

/** A document as a repo file holds it. */
export function toRepo(d: Document): RepoDocument {
  return { id: d.id, kind: d.kind, number: d.number, title: d.title, status: d.status, body: d.body, fields: d.fields, createdAt: d.createdAt, updatedAt: d.updatedAt };
}

/** A repo document as a local row: local bookkeeping from the row it replaces, or made up for a new one. */
export function fromRepo(r: RepoDocument, id: string, number: number, prev: LocalDoc | undefined, now: string): Document {
  const author = typeof r.fields.author === 'string' && r.fields.author ? r.fields.author : 'Unknown';
  return {
    id,
    kind: r.kind,
    number,
    title: r.title,
    status: r.status || initialStatus(r.kind),
    body: canonicalBody(r.body),
    fields: normalizeFields(r.kind, r.fields),
    createdAt: r.createdAt ?? prev?.createdAt ?? now,
    updatedAt: r.updatedAt ?? now,
    revision: prev?.revision ?? 0,
    createdBy: prev?.createdBy ?? { name: author, email: '' },
  };
}
