import { z } from 'zod';

export const DOC_KINDS = ['rfc', 'adr', 'matrix', 'postmortem'] as const;
export const DocKindSchema = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKindSchema>;

export interface KindInfo {
  /** What a person calls it. */
  label: string;
  plural: string;
  /** Prefix of the display reference, e.g. RFC-12. */
  prefix: string;
  /** Folder in the team repo. */
  folder: string;
}

export const KINDS: Record<DocKind, KindInfo> = {
  rfc: { label: 'RFC', plural: 'RFCs', prefix: 'RFC', folder: 'rfcs' },
  adr: { label: 'ADR', plural: 'ADRs', prefix: 'ADR', folder: 'adrs' },
  matrix: { label: 'Decision matrix', plural: 'Decision matrices', prefix: 'DM', folder: 'decisions' },
  postmortem: { label: 'Postmortem', plural: 'Postmortems', prefix: 'PM', folder: 'postmortems' },
};

/** The display reference of a document: RFC-12, ADR-3, DM-1, PM-4. */
export function displayRef(kind: DocKind, num: number): string {
  return `${KINDS[kind].prefix}-${num}`;
}

const REF_RE = /^(RFC|ADR|DM|PM)-(\d{1,6})$/i;

/** Parses "RFC-12" (any case) into kind and number, or returns null. */
export function parseDisplayRef(ref: string): { kind: DocKind; number: number } | null {
  const m = REF_RE.exec(ref.trim());
  if (!m) return null;
  const prefix = m[1]!.toUpperCase();
  const kind = DOC_KINDS.find((k) => KINDS[k].prefix === prefix)!;
  const number = Number(m[2]);
  return number > 0 ? { kind, number } : null;
}
