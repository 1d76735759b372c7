import type { DocumentSummary } from '../../shared/document';
import type { DocKind } from '../../shared/kinds/kinds';

/** The columns of a documents row a summary needs. */
export interface SummaryRow {
  id: string;
  kind: DocKind;
  number: number;
  title: string;
  status: string;
  created_at: string;
  updated_at: string;
  fields: string;
  created_by_name: string;
}

/** A documents row as the library shows it: the author field when set, else who created it (DocumentStore.list adds whether it is in conflict). */
export function summaryOf(r: SummaryRow): DocumentSummary {
  const fields = JSON.parse(r.fields) as { author?: unknown };
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    title: r.title,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    author: typeof fields.author === 'string' && fields.author ? fields.author : r.created_by_name,
  };
}
